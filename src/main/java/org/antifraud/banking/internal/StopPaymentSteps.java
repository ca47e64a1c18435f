package org.antifraud.banking.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.antifraud.agency.Agency;
import org.antifraud.agency.AgencyDirectory;
import org.antifraud.agency.Role;
import org.antifraud.audit.AuditTrail;
import org.antifraud.banking.BankingProperties;
import org.antifraud.banking.EmergencyStopPaymentProcess;
import org.antifraud.common.ApiException;
import org.antifraud.common.Now;
import org.antifraud.common.NumberSequences;
import org.antifraud.common.RowIds;
import org.antifraud.common.Validation;
import org.antifraud.security.Actor;
import org.antifraud.workflow.DeadlineNotice;
import org.antifraud.workflow.ProcessTaskHandler;
import org.antifraud.workflow.TaskRef;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Emergency stop-payment (紧急止付): the police send the instruction, the bank checks name,
 * account, amount and time and stops at once or refuses with the mismatch; the stop lasts
 * 48 hours unless frozen and may be renewed once. Every step is fed back to the police.
 */
@Component
class StopPaymentSteps extends ProcessTaskHandler {

	static final String ENTITY = "STOP_PAYMENT";

	private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

	private final StopPaymentRepository stops;

	private final AgencyDirectory agencies;

	private final NumberSequences numbers;

	private final BankingProperties properties;

	private final RuntimeService runtime;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final BankingLetters letters;

	StopPaymentSteps(StopPaymentRepository stops, AgencyDirectory agencies, NumberSequences numbers,
			BankingProperties properties, RuntimeService runtime, AuditTrail audit, ApplicationEventPublisher events,
			BankingLetters letters) {
		super(EmergencyStopPaymentProcess.KEY, EmergencyStopPaymentProcess.TASK_EXECUTE);
		this.stops = stops;
		this.agencies = agencies;
		this.numbers = numbers;
		this.properties = properties;
		this.runtime = runtime;
		this.audit = audit;
		this.events = events;
		this.letters = letters;
	}

	/** A stop-payment instruction as the police send it. */
	record Request(String institutionCode, String victimCase, String accountNumber, String holderName,
			BigDecimal amount, LocalDateTime transactionAt) {
	}

	@Transactional
	public StopPayment request(Request r, Actor actor) {
		if (!actor.has(Role.POLICE_OFFICER)) {
			throw new ApiException(HttpStatus.FORBIDDEN, "banking.stopByPoliceOnly");
		}
		Optional<Agency> institution = AccountChecks.institution(this.agencies, r.institutionCode());
		String number = (r.accountNumber() != null) ? r.accountNumber().trim() : "";
		Instant transactionAt = (r.transactionAt() != null) ? r.transactionAt().atZone(Now.ZONE).toInstant() : null;
		new Validation().require(institution.isPresent(), "institutionCode", "banking.institutionInvalid")
			.requireText(r.victimCase(), "victimCase")
			.require(r.victimCase() == null || r.victimCase().length() <= 200, "victimCase", "validation.tooLong")
			.require(!number.isEmpty(), "accountNumber", "validation.required")
			.require(AccountChecks.validNumber(institution, number), "accountNumber", "validation.bankCard")
			.requireText(r.holderName(), "holderName")
			.require(r.holderName() == null || r.holderName().length() <= 100, "holderName", "validation.tooLong")
			.require(r.amount() != null && r.amount().signum() > 0 && r.amount().compareTo(MAX_AMOUNT) < 0
					&& r.amount().scale() <= 2, "amount", "validation.outOfRange")
			.require(transactionAt != null, "transactionAt", "validation.required")
			.require(transactionAt == null || !transactionAt.isAfter(Now.instant()), "transactionAt",
					"validation.dateInFuture")
			.throwIfInvalid();
		String caseNumber = this.numbers.caseNumber("stop-payment", actor.agencyCode(), "STOP");
		StopPayment stop = new StopPayment(RowIds.next(), caseNumber, actor.agencyCode(), actor.username(),
				Now.instant(), institution.get().code(), r.victimCase().trim(), number, r.holderName().trim(),
				r.amount(), transactionAt, "REQUESTED", 0, null, null, null, null, null, null, null);
		this.stops.insert(stop);
		this.letters.stopPaymentInstruction(stop, 1);
		Map<String, Object> variables = new HashMap<>();
		variables.put(EmergencyStopPaymentProcess.VAR_CASE_ID, stop.id());
		variables.put(EmergencyStopPaymentProcess.VAR_BANK_GROUP,
				Actor.group(stop.institutionCode(), Role.BANK_OFFICER));
		variables.put(EmergencyStopPaymentProcess.VAR_STOP_DUE_AT, responseDue());
		String instance = this.runtime.startProcessInstanceByKey(EmergencyStopPaymentProcess.KEY, stop.id(), variables)
			.getId();
		this.stops.processInstance(stop.id(), instance);
		this.audit.record("STOP_PAYMENT_REQUESTED", ENTITY, stop.id(), stop.id(),
				caseNumber + "，" + institution.get().name() + "，金额" + r.amount());
		return stop;
	}

	private Date responseDue() {
		return Date.from(Now.instant().plus(this.properties.stopPaymentResponse()));
	}

	@Override
	public Map<String, Object> complete(TaskRef task, Map<String, Object> v, Actor actor) {
		StopPayment stop = this.stops.lock(task.caseId());
		List<String> mismatch = new ArrayList<>();
		for (String check : List.of("name", "account", "amount", "time")) {
			if (!Boolean.TRUE.equals(v.get(check + "Matches"))) {
				mismatch.add(check.toUpperCase());
			}
		}
		String note = (String) v.get("note");
		BigDecimal amount = (v.get("stoppedAmount") != null) ? new BigDecimal(v.get("stoppedAmount").toString()) : null;
		new Validation()
			.require(!mismatch.isEmpty() || amount == null || amount.compareTo(stop.amount()) <= 0, "stoppedAmount",
					"banking.stoppedAmountTooHigh")
			.require(mismatch.isEmpty() || note != null, "note", "banking.mismatchNeedsNote")
			.throwIfInvalid();
		if (!mismatch.isEmpty()) {
			this.stops.refused(stop.id(), String.join(",", mismatch), note);
			this.audit.record("STOP_PAYMENT_REFUSED", ENTITY, stop.id(), stop.id(),
					"信息不符（" + String.join("、", mismatch) + "）：" + note);
			feedback(stop, "止付指令" + stop.caseNumber() + "未执行：信息不符", String.join(",", mismatch) + "：" + note);
			return Map.of(EmergencyStopPaymentProcess.VAR_STOPPED, false);
		}
		Instant now = Now.instant();
		Instant from = (stop.expiresAt() != null && stop.expiresAt().isAfter(now)) ? stop.expiresAt() : now;
		Instant expires = from.plus(this.properties.stopPaymentDuration());
		this.stops.stopped(stop.id(), now, expires, amount, note);
		String when = now.atZone(Now.ZONE).toLocalDateTime().withNano(0).toString().replace('T', ' ');
		String until = expires.atZone(Now.ZONE).toLocalDateTime().withNano(0).toString().replace('T', ' ');
		this.audit.record("STOP_PAYMENT_EXECUTED", ENTITY, stop.id(), stop.id(),
				"第" + (stop.stops() + 1) + "次止付，执行时间" + when + "，止付至" + until);
		feedback(stop, "止付指令" + stop.caseNumber() + "已执行", "执行时间" + when + "，止付至" + until);
		return Map.of(EmergencyStopPaymentProcess.VAR_STOPPED, true, EmergencyStopPaymentProcess.VAR_EXPIRES_AT,
				Date.from(expires));
	}

	/** The police ask for the second (last) stop before the first lapses. */
	@Transactional
	public void renew(String id, Actor actor) {
		StopPayment stop = ownStop(id, actor);
		if (!"STOPPED".equals(stop.status())) {
			throw ApiException.conflict("banking.stopNotActive");
		}
		if (stop.stops() >= this.properties.maxStops()) {
			throw ApiException.conflict("banking.stopLimitReached", this.properties.maxStops());
		}
		this.stops.status(id, "RENEWAL_REQUESTED", false);
		this.letters.stopPaymentInstruction(stop, stop.stops() + 1);
		this.runtime.createMessageCorrelation(EmergencyStopPaymentProcess.MESSAGE_RENEWED)
			.processInstanceBusinessKey(id)
			.setVariable(EmergencyStopPaymentProcess.VAR_STOP_DUE_AT, responseDue())
			.correlate();
		this.audit.record("STOP_PAYMENT_RENEWAL_REQUESTED", ENTITY, id, id, "申请第" + (stop.stops() + 1) + "次止付");
	}

	/** The funds were frozen by a criminal freeze: the stop ends here. */
	@Transactional
	public void freeze(String id, String reference, Actor actor) {
		StopPayment stop = ownStop(id, actor);
		new Validation().requireText(reference, "reference")
			.require(reference == null || reference.length() <= 100, "reference", "validation.tooLong")
			.throwIfInvalid();
		if (!"STOPPED".equals(stop.status())) {
			throw ApiException.conflict("banking.stopNotActive");
		}
		this.stops.frozen(id, reference.trim());
		this.runtime.createMessageCorrelation(EmergencyStopPaymentProcess.MESSAGE_FROZEN)
			.processInstanceBusinessKey(id)
			.correlate();
		this.audit.record("STOP_PAYMENT_FROZEN", ENTITY, id, id, "已冻结（" + reference.trim() + "）");
		this.events.publishEvent(new DeadlineNotice(DeadlineNotice.FEEDBACK, stop.institutionCode(), null,
				"止付指令" + stop.caseNumber() + "已转冻结", "冻结文书：" + reference.trim(), id));
	}

	private StopPayment ownStop(String id, Actor actor) {
		StopPayment stop = this.stops.find(id)
			.filter((found) -> found.policeAgency().equals(actor.agencyCode()))
			.orElseThrow(ApiException::notFound);
		if (!actor.has(Role.POLICE_OFFICER)) {
			throw new ApiException(HttpStatus.FORBIDDEN, "banking.stopByPoliceOnly");
		}
		return this.stops.lock(stop.id());
	}

	@Transactional
	public void lapse(String id) {
		StopPayment stop = this.stops.lock(id);
		this.stops.status(id, "LAPSED", true);
		this.audit.record("STOP_PAYMENT_LAPSED", ENTITY, id, id, "止付期满，自动失效");
		feedback(stop, "止付指令" + stop.caseNumber() + "已期满失效", "如需继续控制资金，请依法办理冻结");
		this.events.publishEvent(new DeadlineNotice(DeadlineNotice.FEEDBACK, stop.institutionCode(), null,
				"止付指令" + stop.caseNumber() + "已期满失效", "止付期满，自动解除", id));
	}

	@Transactional
	public void escalate(String id) {
		StopPayment stop = this.stops.find(id).orElseThrow();
		if (stop.status().equals("REQUESTED") || stop.status().equals("RENEWAL_REQUESTED")) {
			this.audit.record("STOP_PAYMENT_OVERDUE", ENTITY, id, id, stop.institutionCode() + "超时未反馈止付结果");
			this.events.publishEvent(new DeadlineNotice(DeadlineNotice.ESCALATION, stop.institutionCode(), null,
					"紧急止付超时：" + stop.caseNumber(), "请立即核对并执行止付", id));
			feedback(stop, "止付指令" + stop.caseNumber() + "银行尚未反馈", "已催办" + stop.institutionCode());
		}
	}

	private void feedback(StopPayment stop, String title, String body) {
		this.events.publishEvent(new DeadlineNotice(DeadlineNotice.FEEDBACK, stop.policeAgency(),
				Role.POLICE_OFFICER.name(), title, body, stop.id()));
	}

	@Bean
	static JavaDelegate lapseStopPaymentDelegate(ObjectProvider<StopPaymentSteps> steps) {
		return (execution) -> steps.getObject()
			.lapse((String) execution.getVariable(EmergencyStopPaymentProcess.VAR_CASE_ID));
	}

	@Bean
	static JavaDelegate escalateStopPaymentDelegate(ObjectProvider<StopPaymentSteps> steps) {
		return (execution) -> steps.getObject()
			.escalate((String) execution.getVariable(EmergencyStopPaymentProcess.VAR_CASE_ID));
	}

}
