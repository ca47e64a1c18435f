package org.antifraud.banking.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.antifraud.common.Now;
import org.antifraud.search.SearchDocument;
import org.antifraud.search.SearchSource;

import org.springframework.stereotype.Component;

/**
 * Graded accounts and stop-payment instructions as search finds them: by holder, account
 * number (also its last digits), resident ID and case number. An account is opened by its
 * bank and the agencies that reported it; an instruction by the police and the bank.
 */
@Component
class BankingSearchSource implements SearchSource {

	private final AccountRepository accounts;

	private final StopPaymentRepository stops;

	BankingSearchSource(AccountRepository accounts, StopPaymentRepository stops) {
		this.accounts = accounts;
		this.stops = stops;
	}

	@Override
	public List<SearchDocument> documents(String caseRef) {
		return Stream
			.concat(this.accounts.find(caseRef).map(this::account).stream(),
					this.stops.find(caseRef).map(BankingSearchSource::stop).stream())
			.toList();
	}

	private SearchDocument account(Account account) {
		List<AccountRepository.Signal> signals = this.accounts.signals(account.id());
		Set<String> readers = new LinkedHashSet<>(Set.of(account.institutionCode()));
		signals.stream().map(AccountRepository.Signal::sourceAgency).filter(Objects::nonNull).forEach(readers::add);
		String number = account.accountNumber();
		return new SearchDocument("account", account.id(), account.id(),
				account.holderName() + " · 账户尾号" + number.substring(Math.max(0, number.length() - 4)),
				account.measure().name(), account.institutionCode(), readers,
				account.createdAt().atZone(Now.ZONE).toLocalDate(),
				SearchDocument.present(number, account.holderIdNumber()), List.of(number), account.holderName(),
				SearchDocument.lines(signals.stream().map(AccountRepository.Signal::detail).toArray(String[]::new)));
	}

	private static SearchDocument stop(StopPayment stop) {
		return new SearchDocument("stop-payment", stop.id(), stop.id(),
				stop.holderName() + " · 紧急止付 " + stop.caseNumber(), stop.status(), stop.policeAgency(),
				SearchDocument.readers(stop.policeAgency(), stop.institutionCode()),
				stop.requestedAt().atZone(Now.ZONE).toLocalDate(), List.of(stop.caseNumber(), stop.accountNumber()),
				List.of(stop.accountNumber()), stop.holderName(),
				SearchDocument.lines(stop.victimCase(), stop.bankNote()));
	}

}
