package org.antifraud.banking.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.Date;
import java.util.EnumSet;
import java.util.Map;

import org.antifraud.agency.Role;
import org.antifraud.audit.AuditTrail;
import org.antifraud.banking.AccountMeasure;
import org.antifraud.banking.AccountRiskProcess;
import org.antifraud.banking.BankingProperties;
import org.antifraud.banking.SignalKind;
import org.antifraud.calendar.WorkingDayCalendar;
import org.antifraud.common.ApiException;
import org.antifraud.common.Now;
import org.antifraud.common.RowIds;
import org.antifraud.common.Validation;
import org.antifraud.security.Actor;
import org.antifraud.workflow.DeadlineNotice;
import org.antifraud.workflow.ProcessTaskHandler;
import org.antifraud.workflow.TaskDeadlines;
import org.antifraud.workflow.TaskRef;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customer objections to a measure: recorded by the bank, answered within 15 days (AML
 * Law Art. 39) with a reminder before and an escalation to the regulator after the
 * deadline. An upheld objection clears what the bank can clear and lifts the measure at
 * once.
 */
@Component
class ObjectionSteps extends ProcessTaskHandler {

	private static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);

	private final AccountRepository accounts;

	private final AccountGrading grading;

	private final WorkingDayCalendar calendar;

	private final BankingProperties properties;

	private final RuntimeService runtime;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	ObjectionSteps(AccountRepository accounts, AccountGrading grading, WorkingDayCalendar calendar,
			BankingProperties properties, RuntimeService runtime, AuditTrail audit, ApplicationEventPublisher events) {
		super(AccountRiskProcess.OBJECTION_KEY, AccountRiskProcess.TASK_ANSWER_OBJECTION);
		this.accounts = accounts;
		this.grading = grading;
		this.calendar = calendar;
		this.properties = properties;
		this.runtime = runtime;
		this.audit = audit;
		this.events = events;
	}

	/** Records a customer's objection received on {@code receivedOn}; returns its id. */
	@Transactional
	public String receive(Account account, String content, LocalDate receivedOn, Actor actor) {
		LocalDate received = (receivedOn != null) ? receivedOn : Now.today();
		new Validation().requireText(content, "content")
			.require(content == null || content.length() <= 4000, "content", "validation.tooLong")
			.require(!received.isAfter(Now.today()), "receivedOn", "validation.dateInFuture")
			.require(received.isAfter(Now.today().minusDays(this.properties.objectionAnswerDays())), "receivedOn",
					"banking.objectionTooOld")
			.throwIfInvalid();
		if (account.appliedMeasure() == AccountMeasure.NONE && account.measure() == AccountMeasure.NONE) {
			throw ApiException.conflict("banking.noMeasureToObject");
		}
		LocalDate due = this.calendar.addPeriod(received, Period.ofDays(this.properties.objectionAnswerDays())).date();
		String id = RowIds.next();
		this.accounts.insertObjection(id, account.id(), content.trim(), received, due, actor.username());
		LocalDate remind = due.minusDays(this.properties.objectionReminderDays());
		Date remindAt = Date
			.from(WorkingDayCalendar.at(remind.isAfter(Now.today()) ? remind : Now.today(), REMINDER_TIME));
		this.runtime.startProcessInstanceByKey(AccountRiskProcess.OBJECTION_KEY, id,
				Map.of(AccountRiskProcess.VAR_CASE_ID, id, AccountRiskProcess.VAR_BANK_GROUP,
						Actor.group(account.institutionCode(), Role.BANK_OFFICER),
						AccountRiskProcess.VAR_OBJECTION_DUE_AT, TaskDeadlines.endOfDay(due),
						AccountRiskProcess.VAR_OBJECTION_REMIND_AT, remindAt,
						AccountRiskProcess.VAR_OBJECTION_OVERDUE_AT, Date.from(WorkingDayCalendar.endOf(due))));
		this.accounts.history(account.id(), "OBJECTION", null, null, "客户提出异议，应于" + due + "前答复", actor.username());
		this.audit.record("ACCOUNT_OBJECTION", AccountGrading.ENTITY, id, account.id(), "应于" + due + "前答复");
		return id;
	}

	@Override
	public Map<String, Object> complete(TaskRef task, Map<String, Object> v, Actor actor) {
		AccountRepository.Objection objection = this.accounts.objection(task.caseId()).orElseThrow();
		String decision = (String) v.get("decision");
		String answer = (String) v.get("answer");
		this.accounts.answered(objection.id(), decision, answer, actor.username());
		this.accounts.history(objection.accountId(), "OBJECTION_ANSWERED", null, null,
				("UPHELD".equals(decision) ? "异议成立：" : "异议不成立：") + answer, actor.username());
		this.audit.record("ACCOUNT_OBJECTION_ANSWERED", AccountGrading.ENTITY, objection.id(), objection.accountId(),
				decision);
		if ("UPHELD".equals(decision)) {
			this.accounts.lock(objection.accountId());
			this.accounts.verification(objection.accountId(), Account.PASSED, null);
			AccountGrading.Grading result = this.grading.clear(objection.accountId(),
					EnumSet.of(SignalKind.MONITORING_HIT, SignalKind.COMPLAINT), "客户异议成立", actor.username());
			this.grading.sync(objection.accountId(), result);
		}
		return Map.of("decision", decision);
	}

	@Transactional
	public void remind(String objectionId) {
		AccountRepository.Objection o = this.accounts.objection(objectionId).orElseThrow();
		if ("OPEN".equals(o.status())) {
			this.accounts.objectionReminded(objectionId);
			String institution = this.accounts.find(o.accountId()).orElseThrow().institutionCode();
			this.audit.record("ACCOUNT_OBJECTION_REMINDED", AccountGrading.ENTITY, objectionId, o.accountId(),
					"应于" + o.dueOn() + "前答复");
			this.events.publishEvent(new DeadlineNotice(DeadlineNotice.REMINDER, institution, null,
					"客户异议将于" + o.dueOn() + "到期", "请在期限前答复客户（《反洗钱法》第三十九条）", objectionId));
		}
	}

	@Transactional
	public void escalate(String objectionId) {
		AccountRepository.Objection o = this.accounts.objection(objectionId).orElseThrow();
		if ("OPEN".equals(o.status())) {
			this.accounts.objectionEscalated(objectionId);
			String institution = this.accounts.find(o.accountId()).orElseThrow().institutionCode();
			this.audit.record("ACCOUNT_OBJECTION_ESCALATED", AccountGrading.ENTITY, objectionId, o.accountId(),
					institution + "逾期未答复客户异议（期限" + o.dueOn() + "），已报" + this.properties.objectionEscalationAgency());
			this.events
				.publishEvent(new DeadlineNotice(DeadlineNotice.ESCALATION, this.properties.objectionEscalationAgency(),
						null, "客户异议答复逾期：" + institution, "期限" + o.dueOn() + "，请督办", objectionId));
			this.events.publishEvent(new DeadlineNotice(DeadlineNotice.ESCALATION, institution, null, "客户异议答复已逾期",
					"期限" + o.dueOn() + "，已报监管部门督办", objectionId));
		}
	}

	@Bean
	static JavaDelegate remindObjectionDelegate(ObjectProvider<ObjectionSteps> steps) {
		return (execution) -> steps.getObject().remind((String) execution.getVariable(AccountRiskProcess.VAR_CASE_ID));
	}

	@Bean
	static JavaDelegate escalateObjectionDelegate(ObjectProvider<ObjectionSteps> steps) {
		return (execution) -> steps.getObject()
			.escalate((String) execution.getVariable(AccountRiskProcess.VAR_CASE_ID));
	}

}
