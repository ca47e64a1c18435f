package org.antifraud.banking.internal;

import static org.antifraud.banking.AccountRiskProcess.TASK_APPLY;
import static org.antifraud.banking.AccountRiskProcess.TASK_REVERIFY;
import static org.antifraud.banking.AccountRiskProcess.TASK_REVIEW;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.antifraud.audit.AuditTrail;
import org.antifraud.banking.AccountMeasure;
import org.antifraud.banking.AccountRiskProcess;
import org.antifraud.banking.BankingProperties;
import org.antifraud.banking.SignalKind;
import org.antifraud.calendar.WorkingDayCalendar;
import org.antifraud.common.Now;
import org.antifraud.common.Validation;
import org.antifraud.security.Actor;
import org.antifraud.workflow.ProcessTaskHandler;
import org.antifraud.workflow.TaskDeadlines;
import org.antifraud.workflow.TaskRef;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bank's steps on a graded account: apply the measure and tell the customer,
 * re-verify the customer's identity (passing lifts the measure at once), and review the
 * account on its cycle.
 */
@Component
class AccountRiskSteps extends ProcessTaskHandler {

	private static final LocalTime REVIEW_TIME = LocalTime.of(9, 0);

	private static final Set<SignalKind> BANK_CLEARABLE = EnumSet.of(SignalKind.MONITORING_HIT, SignalKind.COMPLAINT);

	private final AccountRepository accounts;

	private final AccountGrading grading;

	private final TaskDeadlines deadlines;

	private final WorkingDayCalendar calendar;

	private final BankingProperties properties;

	private final AuditTrail audit;

	private final BankingLetters letters;

	AccountRiskSteps(AccountRepository accounts, AccountGrading grading, TaskDeadlines deadlines,
			WorkingDayCalendar calendar, BankingProperties properties, AuditTrail audit, BankingLetters letters) {
		super(AccountRiskProcess.KEY, TASK_APPLY, TASK_REVERIFY, TASK_REVIEW);
		this.accounts = accounts;
		this.grading = grading;
		this.deadlines = deadlines;
		this.calendar = calendar;
		this.properties = properties;
		this.audit = audit;
		this.letters = letters;
	}

	@Override
	public Map<String, Object> complete(TaskRef task, Map<String, Object> v, Actor actor) {
		String id = task.caseId();
		Account account = this.accounts.lock(id);
		switch (task.taskKey()) {
			case TASK_APPLY -> apply(account, v, actor);
			case TASK_REVERIFY -> reverify(account, v, actor);
			default -> review(account, v, actor);
		}
		return Map.of();
	}

	private void apply(Account account, Map<String, Object> v, Actor actor) {
		new Validation()
			.require(Boolean.TRUE.equals(v.get("customerNotified")), "customerNotified",
					"banking.customerMustBeNotified")
			.require(v.get("noticeChannel") != null, "noticeChannel", "validation.required")
			.throwIfInvalid();
		this.accounts.applied(account.id(), account.measure());
		this.letters.customerRiskNotice(account, this.accounts.openSignals(account.id()).keySet());
		String note = "已落实" + account.measure().label() + "，已告知客户原因、救济渠道和所需材料（" + v.get("noticeChannel") + "）；保留"
				+ this.properties.basicServices() + "等基本金融服务" + ((v.get("note") != null) ? "。" + v.get("note") : "");
		this.accounts.history(account.id(), "MEASURE_APPLIED", account.grade(), account.measure(), note,
				actor.username());
		this.audit.record("ACCOUNT_MEASURE_APPLIED", AccountGrading.ENTITY, account.id(), account.id(), note);
	}

	private void reverify(Account account, Map<String, Object> v, Actor actor) {
		boolean passed = "PASSED".equals(v.get("outcome"));
		String note = (passed ? "身份核实通过" : "身份核实未通过") + "（" + v.get("method") + "）"
				+ ((v.get("note") != null) ? "：" + v.get("note") : "");
		this.accounts.verification(account.id(), passed ? Account.PASSED : Account.FAILED, null);
		this.accounts.history(account.id(), passed ? "VERIFIED" : "VERIFICATION_FAILED", null, null, note,
				actor.username());
		if (passed) {
			this.accounts.clear(account.id(), BANK_CLEARABLE, "身份核实通过");
		}
		this.grading.regrade(account.id(), actor.username(), note);
	}

	private void review(Account account, Map<String, Object> v, Actor actor) {
		boolean lift = "LIFT".equals(v.get("decision"));
		if (lift) {
			Map<SignalKind, Integer> open = this.accounts.openSignals(account.id());
			new Validation()
				.require(!open.containsKey(SignalKind.CASE_ACCOUNT) && !open.containsKey(SignalKind.DISCIPLINE_ORDER),
						"decision", "banking.liftNeedsPolice")
				.throwIfInvalid();
			this.accounts.clear(account.id(), BANK_CLEARABLE, "定期复评：风险已消除");
			this.accounts.verification(account.id(), Account.NONE, null);
		}
		this.accounts.history(account.id(), "REVIEWED", null, null, (lift ? "复评解除：" : "复评维持：") + v.get("opinion"),
				actor.username());
		this.grading.regrade(account.id(), actor.username(), lift ? "定期复评解除" : "定期复评维持");
	}

	/**
	 * Grades the account for the process: whether the measure changed, whether the
	 * customer must now be re-verified and by when, and the next review.
	 */
	@Transactional
	public Map<String, Object> grade(String accountId) {
		AccountGrading.Grading result = this.grading.regrade(accountId, AuditTrail.SYSTEM, "流程评级");
		Account account = this.accounts.lock(accountId);
		boolean verifyNow = result.reverify() && Account.NONE.equals(account.verification());
		Map<String, Object> variables = new HashMap<>();
		variables.put(AccountRiskProcess.VAR_MEASURE, result.measure().name());
		variables.put(AccountRiskProcess.VAR_MEASURE_CHANGED,
				result.measure() != AccountMeasure.NONE && result.measure() != account.appliedMeasure());
		variables.put(AccountRiskProcess.VAR_VERIFY_NOW, verifyNow);
		if (verifyNow) {
			Date due = this.deadlines.due("customerVerification");
			this.accounts.verification(accountId, Account.PENDING, due.toInstant());
			variables.put(AccountRiskProcess.VAR_VERIFICATION_DUE_AT, due);
		}
		LocalDate review = this.calendar.addPeriod(Now.today(), this.properties.reviewCycle()).date();
		this.accounts.nextReview(accountId, review);
		variables.put(AccountRiskProcess.VAR_NEXT_REVIEW_AT, Date.from(WorkingDayCalendar.at(review, REVIEW_TIME)));
		return variables;
	}

	/**
	 * The customer was not re-verified in time: the measure stays, the grade may rise.
	 */
	@Transactional
	public void verificationExpired(String accountId) {
		this.accounts.lock(accountId);
		this.accounts.verification(accountId, Account.EXPIRED, null);
		this.accounts.history(accountId, "VERIFICATION_EXPIRED", null, null, "逾期未完成身份核实，维持措施", AuditTrail.SYSTEM);
		this.grading.regrade(accountId, AuditTrail.SYSTEM, "逾期未完成身份核实");
	}

	@Bean
	static JavaDelegate gradeAccountDelegate(ObjectProvider<AccountRiskSteps> steps) {
		return (execution) -> execution
			.setVariables(steps.getObject().grade((String) execution.getVariable(AccountRiskProcess.VAR_CASE_ID)));
	}

	@Bean
	static JavaDelegate verificationExpiredDelegate(ObjectProvider<AccountRiskSteps> steps) {
		return (execution) -> steps.getObject()
			.verificationExpired((String) execution.getVariable(AccountRiskProcess.VAR_CASE_ID));
	}

}
