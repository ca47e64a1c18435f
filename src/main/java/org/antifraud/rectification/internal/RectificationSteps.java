package org.antifraud.rectification.internal;

import static org.antifraud.rectification.RectificationProcess.TASK_FINAL;
import static org.antifraud.rectification.RectificationProcess.TASK_PROGRESS;
import static org.antifraud.rectification.RectificationProcess.TASK_PUBLIC_NOTICE;
import static org.antifraud.rectification.RectificationProcess.TASK_SCHEDULE_INTERVIEW;
import static org.antifraud.rectification.RectificationProcess.TASK_VERIFY;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.antifraud.audit.AuditTrail;
import org.antifraud.calendar.WorkingDayCalendar;
import org.antifraud.common.Now;
import org.antifraud.common.Validation;
import org.antifraud.rectification.InterviewRequested;
import org.antifraud.rectification.RectificationConcluded;
import org.antifraud.rectification.RectificationProcess;
import org.antifraud.rectification.RectificationProperties;
import org.antifraud.rectification.RectificationReferred;
import org.antifraud.rectification.Rectifications;
import org.antifraud.security.Actor;
import org.antifraud.workflow.ProcessTaskHandler;
import org.antifraud.workflow.TaskRef;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The steps of a rectification: reports, verification with extensions, the overdue flag
 * and the two levels of escalation (interview, then public notice with listed
 * supervision).
 */
@Component
class RectificationSteps extends ProcessTaskHandler {

	static final String ENTITY = "RECTIFICATION";

	private final RectificationRepository orders;

	private final Rectifications rectifications;

	private final WorkingDayCalendar calendar;

	private final RectificationProperties properties;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	RectificationSteps(RectificationRepository orders, Rectifications rectifications, WorkingDayCalendar calendar,
			RectificationProperties properties, AuditTrail audit, ApplicationEventPublisher events) {
		super(RectificationProcess.KEY, TASK_PROGRESS, TASK_FINAL, TASK_VERIFY, TASK_SCHEDULE_INTERVIEW,
				TASK_PUBLIC_NOTICE);
		this.orders = orders;
		this.rectifications = rectifications;
		this.calendar = calendar;
		this.properties = properties;
		this.audit = audit;
		this.events = events;
	}

	@Override
	public Map<String, Object> complete(TaskRef task, Map<String, Object> v, Actor actor) {
		String id = task.caseId();
		RectificationOrder order = this.orders.lock(id);
		Map<String, Object> variables = switch (task.taskKey()) {
			case TASK_PROGRESS -> {
				this.orders.report(id, "PROGRESS", (String) v.get("progress"), actor.username());
				yield this.rectifications.nextReport(order.reportCycleDays());
			}
			case TASK_FINAL -> {
				this.orders.report(id, "FINAL", (String) v.get("report"), actor.username());
				this.orders.finalReport(id, (String) v.get("report"));
				yield Map.of();
			}
			case TASK_VERIFY -> verify(order, v);
			case TASK_SCHEDULE_INTERVIEW -> scheduleInterview(order, v, actor);
			default -> publicNotice(order, v);
		};
		this.audit.record(task.taskKey().replace("Task_", "RECTIFICATION_").toUpperCase(), ENTITY, id, id,
				(String) v.getOrDefault("decision", v.get("opinion")));
		return variables;
	}

	private Map<String, Object> verify(RectificationOrder order, Map<String, Object> v) {
		String decision = (String) v.get("decision");
		String opinion = (String) v.get("opinion");
		if ("ACCEPT".equals(decision)) {
			this.orders.concluded(order.id(), "ACCEPTED", opinion, null);
			this.events.publishEvent(new RectificationConcluded(order.id(), order.interviewId(), "ACCEPTED"));
			return Map.of("decision", decision);
		}
		boolean canExtend = order.extensions() < this.properties.maxExtensions();
		Number days = (Number) v.get("extensionWorkingDays");
		new Validation().require(opinion != null, "opinion", "validation.opinionRequired")
			.require(!canExtend || days != null, "extensionWorkingDays", "rectification.extensionRequired")
			.throwIfInvalid();
		Map<String, Object> variables = new HashMap<>(
				Map.of("decision", decision, RectificationProcess.VAR_CAN_EXTEND, canExtend));
		if (canExtend) {
			LocalDate deadline = this.calendar.addWorkingDays(Now.today(), days.intValue()).date();
			this.orders.extended(order.id(), deadline, opinion);
			variables.putAll(this.rectifications.schedule(deadline, order.reportCycleDays()));
		}
		else {
			variables.put(RectificationProcess.VAR_ESCALATION, escalate(order, "NOT_ACCEPTED"));
		}
		return variables;
	}

	/**
	 * The next level of escalation: an interview first, public notice once interviewed.
	 */
	private String escalate(RectificationOrder order, String status) {
		String escalation = "INTERVIEW".equals(order.origin()) ? "PUBLIC_NOTICE" : "INTERVIEW";
		this.orders.escalation(order.id(), escalation, status);
		return escalation;
	}

	private Map<String, Object> scheduleInterview(RectificationOrder order, Map<String, Object> v, Actor actor) {
		String officials = (String) v.get("officials");
		this.events.publishEvent(new InterviewRequested(order.id(), actor.agencyCode(), actor.username(),
				order.unitCode(), (String) v.get("principal"), LocalDateTime.parse((String) v.get("scheduledAt")),
				(String) v.get("place"),
				Arrays.stream(officials.split("\\R")).map(String::trim).filter((name) -> !name.isEmpty()).toList(),
				(String) v.get("reason")));
		this.orders.concluded(order.id(), "ESCALATED", null, "INTERVIEW");
		this.events.publishEvent(new RectificationConcluded(order.id(), order.interviewId(), "ESCALATED_TO_INTERVIEW"));
		return Map.of();
	}

	private Map<String, Object> publicNotice(RectificationOrder order, Map<String, Object> v) {
		String notice = (String) v.get("noticeText");
		this.rectifications.listUnderSupervision(order.unitCode(), notice, order.caseNumber(), order.id(),
				order.interviewId());
		this.orders.concluded(order.id(), "PUBLICLY_NOTIFIED", null, "PUBLIC_NOTICE");
		if ("YES".equals(v.get("referToProcuratorate"))) {
			this.events.publishEvent(new RectificationReferred(order.id(), order.caseNumber(), order.unitCode(),
					order.problems() + "\n整改要求：" + order.requiredMeasures() + "\n通报：" + notice));
		}
		this.events.publishEvent(new RectificationConcluded(order.id(), order.interviewId(), "PUBLICLY_NOTIFIED"));
		return Map.of();
	}

	/** The deadline passed without a final report: escalate. */
	@Transactional
	public String flagOverdue(String id) {
		RectificationOrder order = this.orders.lock(id);
		this.audit.record("RECTIFICATION_OVERDUE", ENTITY, id, id, "整改逾期（期限" + order.deadlineOn() + "）");
		return escalate(order, "OVERDUE");
	}

	@Bean
	static JavaDelegate flagRectificationOverdueDelegate(ObjectProvider<RectificationSteps> steps) {
		return (execution) -> execution.setVariable(RectificationProcess.VAR_ESCALATION,
				steps.getObject().flagOverdue((String) execution.getVariable(RectificationProcess.VAR_CASE_ID)));
	}

}
