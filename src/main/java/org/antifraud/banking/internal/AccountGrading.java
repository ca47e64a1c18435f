package org.antifraud.banking.internal;

import java.util.Map;
import java.util.Set;

import org.antifraud.agency.AgencyDirectory;
import org.antifraud.audit.AuditTrail;
import org.antifraud.banking.AccountMeasure;
import org.antifraud.banking.AccountRiskProcess;
import org.antifraud.banking.SignalKind;
import org.antifraud.security.Actor;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Grades an account from its open signals and verification state with the
 * {@code AccountRiskGrade} table (the only place the mapping lives), lifts the applied
 * measure at once when the grade no longer needs one, and keeps the account's process in
 * step with changes made outside it.
 */
@Component
class AccountGrading {

	static final String ENTITY = "ACCOUNT";

	private final AccountRepository accounts;

	private final DecisionService decisions;

	private final RuntimeService runtime;

	private final AgencyDirectory agencies;

	private final AuditTrail audit;

	AccountGrading(AccountRepository accounts, DecisionService decisions, RuntimeService runtime,
			AgencyDirectory agencies, AuditTrail audit) {
		this.accounts = accounts;
		this.decisions = decisions;
		this.runtime = runtime;
		this.agencies = agencies;
		this.audit = audit;
	}

	/** The outcome of the grade table. */
	record Grading(String grade, AccountMeasure measure, boolean reverify) {
	}

	/** Evaluates the table for the account's current state. */
	Grading evaluate(Account account) {
		Map<SignalKind, Integer> open = this.accounts.openSignals(account.id());
		Map<String, Object> result = this.decisions
			.evaluateDecisionTableByKey(AccountRiskProcess.DECISION,
					Variables.createVariables()
						.putValue("caseAccount", open.containsKey(SignalKind.CASE_ACCOUNT))
						.putValue("disciplined", open.containsKey(SignalKind.DISCIPLINE_ORDER))
						.putValue("verification", account.verification())
						.putValue("monitoringHits", open.getOrDefault(SignalKind.MONITORING_HIT, 0))
						.putValue("complaints", open.getOrDefault(SignalKind.COMPLAINT, 0))
						.putValue("accountClass", account.accountClass()))
			.getSingleResult()
			.getEntryMap();
		return new Grading((String) result.get("grade"), AccountMeasure.valueOf((String) result.get("measure")),
				Boolean.TRUE.equals(result.get("reverify")));
	}

	/**
	 * Grades the locked account again and records a change; a measure no longer required
	 * is lifted at once (Law Art. 32).
	 */
	Grading regrade(String accountId, String actor, String why) {
		Account account = this.accounts.lock(accountId);
		Grading grading = evaluate(account);
		if (!grading.grade().equals(account.grade()) || grading.measure() != account.measure()) {
			this.accounts.graded(accountId, grading.grade(), grading.measure());
			this.accounts.history(accountId, "GRADED", grading.grade(), grading.measure(), why, actor);
			this.audit.record("ACCOUNT_GRADED", ENTITY, accountId, accountId,
					grading.grade() + "，" + grading.measure().label() + "（" + why + "）");
		}
		if (grading.measure() == AccountMeasure.NONE && account.appliedMeasure() != AccountMeasure.NONE) {
			this.accounts.applied(accountId, AccountMeasure.NONE);
			this.accounts.history(accountId, "LIFTED", grading.grade(), AccountMeasure.NONE,
					"解除" + account.appliedMeasure().label() + "：" + why, actor);
			this.audit.record("ACCOUNT_MEASURE_LIFTED", ENTITY, accountId, accountId,
					"立即解除" + account.appliedMeasure().label() + "：" + why);
		}
		return grading;
	}

	/** Clears open signals of the given kinds and grades the account again. */
	Grading clear(String accountId, Set<SignalKind> kinds, String reason, String actor) {
		this.accounts.lock(accountId);
		this.accounts.clear(accountId, kinds, reason);
		return regrade(accountId, actor, reason);
	}

	/**
	 * After a change made outside the account's process: starts the process when a
	 * measure is needed and none runs, lets a waiting process grade again, or ends it
	 * when the measure was lifted.
	 */
	void sync(String accountId, Grading grading) {
		boolean running = this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(AccountRiskProcess.KEY)
			.processInstanceBusinessKey(accountId)
			.active()
			.count() > 0;
		if (!running) {
			if (grading.measure() != AccountMeasure.NONE) {
				Account account = this.accounts.find(accountId).orElseThrow();
				this.runtime.startProcessInstanceByKey(AccountRiskProcess.KEY, accountId,
						Map.of(AccountRiskProcess.VAR_CASE_ID, accountId, AccountRiskProcess.VAR_BANK_GROUP, Actor
							.group(account.institutionCode(),
									this.agencies.find(account.institutionCode()).orElseThrow().type().officerRole())));
			}
			return;
		}
		String message = (grading.measure() == AccountMeasure.NONE) ? AccountRiskProcess.MESSAGE_MEASURE_LIFTED
				: AccountRiskProcess.MESSAGE_RISK_SIGNAL;
		this.runtime.createMessageCorrelation(message).processInstanceBusinessKey(accountId).correlateAllWithResult();
	}

}
