package org.antifraud.banking.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.antifraud.agency.Agency;
import org.antifraud.agency.AgencyDirectory;
import org.antifraud.agency.AgencyType;
import org.antifraud.agency.Role;
import org.antifraud.audit.AuditTrail;
import org.antifraud.banking.AccountRisk;
import org.antifraud.banking.SignalCommand;
import org.antifraud.banking.SignalKind;
import org.antifraud.common.ApiException;
import org.antifraud.common.Identifiers;
import org.antifraud.common.RowIds;
import org.antifraud.common.Validation;
import org.antifraud.discipline.DisciplineLifted;
import org.antifraud.discipline.ExecutionOrderAnswered;
import org.antifraud.discipline.OrderKind;
import org.antifraud.discipline.OrderOutcome;
import org.antifraud.document.Letters;
import org.antifraud.security.Actor;

import org.springframework.http.HttpStatus;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records risk signals and grades their accounts. Signals also come from joint
 * discipline: an execution order a bank applied to the subject's accounts, cleared when
 * the discipline is lifted.
 */
@Service
class AccountSignals implements AccountRisk {

	private final AccountRepository accounts;

	private final AccountGrading grading;

	private final AgencyDirectory agencies;

	private final AuditTrail audit;

	private final Letters letters;

	AccountSignals(AccountRepository accounts, AccountGrading grading, AgencyDirectory agencies, AuditTrail audit,
			Letters letters) {
		this.accounts = accounts;
		this.grading = grading;
		this.agencies = agencies;
		this.audit = audit;
		this.letters = letters;
	}

	@Override
	public void validate(SignalCommand c, Actor actor) {
		boolean police = actor.has(Role.POLICE_OFFICER);
		boolean bank = actor.has(Role.BANK_OFFICER);
		if (!police && !bank) {
			throw new ApiException(HttpStatus.FORBIDDEN, "banking.signalNotAllowed");
		}
		Optional<SignalKind> kind = Validation.option(SignalKind.class, c.kind());
		Optional<Agency> institution = AccountChecks.institution(this.agencies, c.institutionCode());
		String number = trim(c.accountNumber());
		String id = Identifiers.normalizeResidentId(c.holderIdNumber());
		new Validation().require(institution.isPresent(), "institutionCode", "banking.institutionInvalid")
			.require(!bank || institution.isEmpty() || institution.get().code().equals(actor.agencyCode()),
					"institutionCode", "banking.ownInstitutionOnly")
			.requireText(number, "accountNumber")
			.require(AccountChecks.validNumber(institution, number), "accountNumber", "validation.bankCard")
			.require(ACCOUNT_CLASSES.contains(trim(c.accountClass())), "accountClass", "validation.notAnOption")
			.requireText(c.holderName(), "holderName")
			.require(c.holderName() == null || c.holderName().length() <= 100, "holderName", "validation.tooLong")
			.require(this.letters.printable(c.holderName()), "holderName", "validation.unprintable")
			.require(id != null && !id.isEmpty(), "holderIdNumber", "validation.required")
			.require(id == null || id.isEmpty() || Identifiers.isValidResidentId(id), "holderIdNumber",
					"validation.residentId")
			.require(kind.isPresent() && kind.get() != SignalKind.DISCIPLINE_ORDER, "kind", "validation.notAnOption")
			.require(kind.isEmpty() || kind.get() != SignalKind.CASE_ACCOUNT || police, "kind",
					"banking.caseAccountByPolice")
			.require(kind.isEmpty() || kind.get() != SignalKind.MONITORING_HIT || bank, "kind",
					"banking.monitoringByBank")
			.require(c.detail() == null || c.detail().length() <= 2000, "detail", "validation.tooLong")
			.require(c.reference() == null || c.reference().length() <= 100, "reference", "validation.tooLong")
			.throwIfInvalid();
	}

	@Override
	@Transactional
	public Signalled signal(SignalCommand c, Actor actor) {
		validate(c, actor);
		SignalKind kind = SignalKind.valueOf(c.kind().trim());
		String accountId = account(trim(c.institutionCode()), trim(c.accountNumber()), trim(c.accountClass()),
				c.holderName().trim(), Identifiers.normalizeResidentId(c.holderIdNumber()));
		return record(accountId, kind, actor.agencyCode(), actor.username(), blankToNull(c.detail()),
				blankToNull(c.reference()));
	}

	private Signalled record(String accountId, SignalKind kind, String source, String by, String detail,
			String reference) {
		Account account = this.accounts.lock(accountId);
		this.accounts.insertSignal(accountId, kind, source, by, detail, reference);
		if (Account.PASSED.equals(account.verification())) {
			// a new risk after a passed verification needs a new verification
			this.accounts.verification(accountId, Account.NONE, null);
		}
		this.accounts.history(accountId, "SIGNAL", null, null, kind.name() + ((detail != null) ? "：" + detail : "")
				+ ((reference != null) ? "（" + reference + "）" : ""), by);
		this.audit.record("ACCOUNT_SIGNAL", AccountGrading.ENTITY, accountId, accountId, kind.name());
		AccountGrading.Grading result = this.grading.regrade(accountId, by, "风险信号 " + kind.name());
		this.grading.sync(accountId, result);
		return new Signalled(accountId, result.grade(), result.measure());
	}

	/** The id of the account, created on its first signal. */
	private String account(String institution, String number, String accountClass, String holderName, String holderId) {
		Optional<Account> existing = this.accounts.findByNumber(institution, number);
		if (existing.isPresent()) {
			this.accounts.completeHolder(existing.get().id(), holderName, holderId);
			return existing.get().id();
		}
		String id = RowIds.next();
		this.accounts.insert(id, institution, number, accountClass, holderName, holderId);
		return id;
	}

	/**
	 * A bank applied a discipline execution order: each bank card it named is a signal on
	 * that account.
	 */
	@ApplicationModuleListener
	void on(ExecutionOrderAnswered event) {
		if (event.kind() != OrderKind.EXECUTION || event.outcome() != OrderOutcome.APPLIED
				|| this.agencies.find(event.institutionCode())
					.filter((agency) -> agency.type() == AgencyType.BANK)
					.isEmpty()) {
			return;
		}
		for (String number : event.affectedIdentifiers()) {
			if (Identifiers.isValidBankCard(number)) {
				String accountId = account(event.institutionCode(), number, "I", null, null);
				record(accountId, SignalKind.DISCIPLINE_ORDER, event.institutionCode(), "system", "联合惩戒协助执行",
						event.caseId());
			}
		}
	}

	/** Discipline ended: its signals no longer count. */
	@ApplicationModuleListener
	void on(DisciplineLifted event) {
		List<String> affected = this.accounts.accountsWithSignal(SignalKind.DISCIPLINE_ORDER, event.caseId());
		for (String accountId : affected) {
			AccountGrading.Grading result = this.grading.clear(accountId, EnumSet.of(SignalKind.DISCIPLINE_ORDER),
					"联合惩戒已解除", "system");
			this.grading.sync(accountId, result);
		}
	}

	static String trim(String value) {
		return (value != null) ? value.trim() : "";
	}

	static String blankToNull(String value) {
		return (value != null && !value.isBlank()) ? value.trim() : null;
	}

}
