package org.antifraud.interview.internal;

import static org.antifraud.common.Rows.timestamp;
import static org.antifraud.interview.AccountabilityInterviewProcess.TASK_CONFIRM;
import static org.antifraud.interview.AccountabilityInterviewProcess.TASK_MINUTES;
import static org.antifraud.interview.AccountabilityInterviewProcess.TASK_NO_SHOW;
import static org.antifraud.interview.AccountabilityInterviewProcess.TASK_RESCHEDULE;

import java.time.LocalDateTime;
import java.util.Map;

import org.antifraud.agency.Role;
import org.antifraud.audit.AuditTrail;
import org.antifraud.common.Now;
import org.antifraud.common.Validation;
import org.antifraud.interview.AccountabilityInterviewProcess;
import org.antifraud.interview.InterviewEnded;
import org.antifraud.interview.InterviewScheduled;
import org.antifraud.rectification.RectificationCommand;
import org.antifraud.rectification.RectificationReferred;
import org.antifraud.rectification.Rectifications;
import org.antifraud.security.Actor;
import org.antifraud.workflow.ProcessTaskHandler;
import org.antifraud.workflow.TaskRef;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of an interview: attendance, rescheduling, minutes, commitments turned into a
 * rectification order, and no-shows.
 */
@Component
class InterviewSteps extends ProcessTaskHandler {

	private final JdbcClient jdbc;

	private final InterviewService service;

	private final Rectifications rectifications;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	InterviewSteps(JdbcClient jdbc, InterviewService service, Rectifications rectifications, AuditTrail audit,
			ApplicationEventPublisher events) {
		super(AccountabilityInterviewProcess.KEY, TASK_CONFIRM, TASK_RESCHEDULE, TASK_MINUTES, TASK_NO_SHOW);
		this.jdbc = jdbc;
		this.service = service;
		this.rectifications = rectifications;
		this.audit = audit;
		this.events = events;
	}

	@Override
	public Map<String, Object> complete(TaskRef task, Map<String, Object> v, Actor actor) {
		String id = task.caseId();
		Map<String, Object> variables = switch (task.taskKey()) {
			case TASK_CONFIRM -> {
				String response = (String) v.get("response");
				new Validation()
					.require(!"RESCHEDULE".equals(response) || v.get("reason") != null, "reason", "validation.required")
					.throwIfInvalid();
				set(id, "status", "CONFIRM".equals(response) ? "CONFIRMED" : "RESCHEDULE_REQUESTED");
				yield Map.of("response", response);
			}
			case TASK_RESCHEDULE -> {
				LocalDateTime at = LocalDateTime.parse((String) v.get("scheduledAt"));
				Validation validation = new Validation();
				this.service.checkDate(at, validation);
				validation.throwIfInvalid();
				this.jdbc
					.sql("""
							update interview set scheduled_at = ?, place = ?, notice_served_on = ?, reschedules = reschedules + 1,
							  status = 'SCHEDULED' where id = ?""")
					.params(timestamp(at.atZone(Now.ZONE).toInstant()), v.get("place"), Now.today(), id)
					.update();
				InterviewLetters.Interview moved = this.service.noticeAgain(id);
				this.events.publishEvent(new InterviewScheduled(id, moved.caseNumber(), moved.unitCode(),
						at.atZone(Now.ZONE).toInstant()));
				yield this.service.times(at);
			}
			case TASK_MINUTES -> minutes(id, v);
			default -> {
				String action = (String) v.get("action");
				if ("ESCALATE".equals(action)) {
					InterviewLetters.Interview interview = this.service.load(id);
					this.events.publishEvent(new InterviewEnded(id));
					if ("YES".equals(v.get("referToProcuratorate"))) {
						String sourceOrder = this.jdbc.sql("select source_order_id from interview where id = ?")
							.param(id)
							.query(String.class)
							.optional()
							.orElse(null);
						this.events.publishEvent(
								new RectificationReferred(sourceOrder, interview.caseNumber(), interview.unitCode(),
										"约谈事由：" + interview.reason() + "\n被约谈单位无正当理由不参加约谈：" + v.get("opinion")));
					}
					this.rectifications.listUnderSupervision(interview.unitCode(), "无正当理由不参加约谈：" + v.get("opinion"),
							interview.caseNumber(), null, id);
					set(id, "status", "NO_SHOW_ESCALATED");
					this.jdbc.sql("update interview set closed_at = ? where id = ?")
						.params(timestamp(Now.instant()), id)
						.update();
				}
				yield Map.of("action", action);
			}
		};
		this.audit.record(task.taskKey().replace("Task_", "INTERVIEW_").toUpperCase(), InterviewService.ENTITY, id, id,
				String.valueOf(v.getOrDefault("response", v.getOrDefault("attended", v.get("action")))));
		return variables;
	}

	private Map<String, Object> minutes(String id, Map<String, Object> v) {
		String attended = (String) v.get("attended");
		boolean yes = "YES".equals(attended);
		new Validation().require(!yes || v.get("present") != null, "present", "validation.required")
			.require(!yes || v.get("problems") != null, "problems", "validation.required")
			.require(!yes || v.get("commitments") != null, "commitments", "validation.required")
			.require(!yes || v.get("rectificationWorkingDays") != null, "rectificationWorkingDays",
					"validation.required")
			.throwIfInvalid();
		this.jdbc
			.sql("""
					update interview set attended = ?, present = ?, problems = ?, commitments = ?, status = ? where id = ?""")
			.params(attended, v.get("present"), v.get("problems"), v.get("commitments"), yes ? "HELD" : "NO_SHOW", id)
			.update();
		if (yes) {
			this.service.minutes(id, (String) v.get("present"), (String) v.get("problems"),
					(String) v.get("commitments"), ((Number) v.get("rectificationWorkingDays")).intValue());
		}
		return Map.of("attended", attended, "rectificationWorkingDays",
				yes ? ((Number) v.get("rectificationWorkingDays")).intValue() : 0);
	}

	/** The unit's commitments become a rectification order issued by the joint office. */
	@Transactional
	public void orderCommitments(String id, int workingDays) {
		Map<String, Object> row = this.jdbc
			.sql("select unit_code, office_agency, scheduled_by, problems, commitments from interview where id = ?")
			.param(id)
			.query()
			.singleRow();
		String order = this.rectifications.issue(
				new RectificationCommand((String) row.get("unit_code"), (String) row.get("problems"),
						(String) row.get("commitments"), null, workingDays, null, "INTERVIEW", id),
				(String) row.get("office_agency"), Role.JOINT_OFFICE, (String) row.get("scheduled_by"));
		this.jdbc.sql("update interview set result_order_id = ?, status = 'RECTIFYING' where id = ?")
			.params(order, id)
			.update();
	}

	private void set(String id, String column, Object value) {
		this.jdbc.sql("update interview set " + column + " = ? where id = ?").params(value, id).update();
	}

	@Bean
	static JavaDelegate orderCommitmentsDelegate(ObjectProvider<InterviewSteps> steps) {
		return (execution) -> steps.getObject()
			.orderCommitments((String) execution.getVariable(AccountabilityInterviewProcess.VAR_CASE_ID),
					((Number) execution.getVariable("rectificationWorkingDays")).intValue());
	}

}
