package org.antifraud.banking.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.antifraud.agency.AgencyDirectory;
import org.antifraud.banking.BankingProperties;
import org.antifraud.banking.SignalKind;
import org.antifraud.common.Now;
import org.antifraud.document.LetterDraft;
import org.antifraud.document.LetterType;
import org.antifraud.document.Letters;

import org.springframework.stereotype.Component;

/**
 * The letters of banking: the customer risk notice a bank serves when it applies a
 * measure (reason, remedy channel, documents needed: Law Art. 32), and the police's
 * stop-payment instruction to the bank.
 */
@Component
class BankingLetters {

	private static final Map<SignalKind, String> REASONS = Map.of(SignalKind.CASE_ACCOUNT, "被公安机关认定为涉案账户",
			SignalKind.MONITORING_HIT, "经本行风险监测发现存在涉嫌电信网络诈骗的异常交易特征", SignalKind.COMPLAINT, "被举报涉嫌用于电信网络诈骗",
			SignalKind.DISCIPLINE_ORDER, "账户持有人被依法实施电信网络诈骗联合惩戒");

	private final Letters letters;

	private final AgencyDirectory agencies;

	private final BankingProperties properties;

	BankingLetters(Letters letters, AgencyDirectory agencies, BankingProperties properties) {
		this.letters = letters;
		this.agencies = agencies;
		this.properties = properties;
	}

	/** The notice to the holder of an account the bank now restricts. */
	void customerRiskNotice(Account account, Set<SignalKind> reasons) {
		Map<String, String> fields = new LinkedHashMap<>();
		String number = account.accountNumber();
		fields.put("accountMasked", "账号尾号" + number.substring(Math.max(0, number.length() - 4)));
		fields.put("reasonText",
				reasons.stream()
					.sorted()
					.map(REASONS::get)
					.collect(Collectors.collectingAndThen(Collectors.joining("，"),
							(text) -> text.isEmpty() ? "经本行评估存在涉诈风险" : text)));
		fields.put("appliedOn", Letters.date(Now.today()));
		fields.put("measureText", account.measure().label());
		fields.put("basicServices", this.properties.basicServices() + "等基本金融服务不受影响");
		fields.put("remedyChannel", this.properties.remedyChannel());
		fields.put("documentsNeeded", this.properties.documentsNeeded());
		fields.put("caseNumber", "ACCT-" + account.id().substring(0, 8).toUpperCase(Locale.ROOT));
		this.letters.issue(new LetterDraft(LetterType.CUSTOMER_RISK_NOTICE, account.institutionCode(), "account",
				account.id(), account.holderName(), fields, Set.of()));
	}

	/** The instruction to stop; a renewal is a second instruction. */
	void stopPaymentInstruction(StopPayment stop, int stopNumber) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("accountName", stop.holderName());
		fields.put("accountNumber", stop.accountNumber());
		fields.put("amount", stop.amount().toPlainString());
		fields.put("transactionTime", Letters.moment(stop.transactionAt()));
		fields.put("stopHours", String.valueOf(this.properties.stopPaymentDuration().toHours()));
		fields.put("renewalNote", (stopNumber > 1) ? "本通知为对上述资金的第" + stopNumber + "次止付，止付期限自前次止付期满之时起连续计算。" : "");
		fields.put("contact", this.agencies.name(stop.policeAgency()) + "反诈中心");
		fields.put("caseNumber", stop.caseNumber());
		this.letters.issue(new LetterDraft(LetterType.STOP_PAYMENT_INSTRUCTION, stop.policeAgency(), "stop-payment",
				stop.id(), this.agencies.name(stop.institutionCode()), fields, Set.of(stop.institutionCode())));
	}

}
