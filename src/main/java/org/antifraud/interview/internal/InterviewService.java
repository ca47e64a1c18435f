package org.antifraud.interview.internal;

import static org.antifraud.common.Rows.instant;
import static org.antifraud.common.Rows.timestamp;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.HashMap;

import org.antifraud.agency.Agency;
import org.antifraud.agency.AgencyDirectory;
import org.antifraud.agency.Role;
import org.antifraud.audit.AuditTrail;
import org.antifraud.calendar.WorkingDayCalendar;
import org.antifraud.common.ApiException;
import org.antifraud.common.Now;
import org.antifraud.common.NumberSequences;
import org.antifraud.common.RowIds;
import org.antifraud.common.Validation;
import org.antifraud.interview.AccountabilityInterviewProcess;
import org.antifraud.interview.InterviewProperties;
import org.antifraud.interview.InterviewScheduled;
import org.antifraud.rectification.InterviewRequested;
import org.antifraud.rectification.RectificationConcluded;
import org.antifraud.security.Actor;
import org.antifraud.workflow.TaskDeadlines;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Schedules interviews (from the API or a failed rectification) and keeps their dates
 * valid: the notice must reach the unit the configured working days ahead.
 */
@Service
class InterviewService {

	static final String ENTITY = "INTERVIEW";

	private final JdbcClient jdbc;

	private final AgencyDirectory agencies;

	private final WorkingDayCalendar calendar;

	private final NumberSequences numbers;

	private final InterviewProperties properties;

	private final RuntimeService runtime;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final InterviewLetters letters;

	InterviewService(JdbcClient jdbc, AgencyDirectory agencies, WorkingDayCalendar calendar, NumberSequences numbers,
			InterviewProperties properties, RuntimeService runtime, AuditTrail audit, ApplicationEventPublisher events,
			InterviewLetters letters) {
		this.jdbc = jdbc;
		this.agencies = agencies;
		this.calendar = calendar;
		this.numbers = numbers;
		this.properties = properties;
		this.runtime = runtime;
		this.audit = audit;
		this.events = events;
		this.letters = letters;
	}

	/** An interview as the joint office schedules it. */
	record ScheduleRequest(String unitCode, String principal, LocalDateTime scheduledAt, String place,
			List<String> officials, String reason, String sourceOrderId) {
	}

	@Transactional
	public String schedule(ScheduleRequest request, Actor actor) {
		if (!actor.has(Role.JOINT_OFFICE)) {
			throw new ApiException(HttpStatus.FORBIDDEN, "interview.onlyJointOffice");
		}
		return schedule(request, actor.agencyCode(), actor.username());
	}

	@EventListener
	void on(InterviewRequested event) {
		schedule(new ScheduleRequest(event.unitCode(), event.principal(), event.scheduledAt(), event.place(),
				event.officials(), event.reason(), event.orderId()), event.officeAgency(), event.requestedBy());
	}

	@EventListener
	void on(RectificationConcluded event) {
		if (event.interviewId() != null) {
			String status = "ACCEPTED".equals(event.outcome()) ? "COMPLETED" : "RECTIFICATION_FAILED";
			this.jdbc.sql("update interview set status = ?, closed_at = ? where id = ?")
				.params(status, timestamp(Now.instant()), event.interviewId())
				.update();
			this.audit.record("INTERVIEW_" + status, ENTITY, event.interviewId(), event.interviewId(),
					"约谈整改结果：" + event.outcome());
		}
	}

	String schedule(ScheduleRequest request, String officeAgency, String by) {
		Agency unit = this.agencies.find(request.unitCode()).orElse(null);
		List<String> officials = (request.officials() != null)
				? request.officials().stream().filter((name) -> name != null && !name.isBlank()).toList() : List.of();
		Validation validation = new Validation()
			.require(unit != null && !unit.code().equals(officeAgency), "unitCode", "rectification.unitInvalid")
			.requireText(request.principal(), "principal")
			.requireText(request.place(), "place")
			.requireText(request.reason(), "reason")
			.require(officials.size() >= 2, "officials", "interview.twoOfficials");
		checkDate(request.scheduledAt(), validation);
		validation.throwIfInvalid();
		String id = RowIds.next();
		String number = String.format("%s-%d-INT-%04d", officeAgency, Now.today().getYear(),
				this.numbers.nextThisYear("interview", officeAgency));
		this.jdbc
			.sql("""
					insert into interview (id, case_number, status, unit_code, office_agency, scheduled_by, principal, reason,
					  scheduled_at, place, officials, notice_served_on, source_order_id)
					values (?, ?, 'SCHEDULED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, number, unit.code(), officeAgency, by, request.principal().trim(), request.reason().trim(),
					timestamp(request.scheduledAt().atZone(Now.ZONE).toInstant()), request.place().trim(),
					String.join("\n", officials), Now.today(), request.sourceOrderId())
			.update();
		this.letters.notice(load(id));
		Map<String, Object> variables = new HashMap<>(times(request.scheduledAt()));
		variables.put(AccountabilityInterviewProcess.VAR_CASE_ID, id);
		variables.put(AccountabilityInterviewProcess.VAR_UNIT_GROUP,
				Actor.group(unit.code(), unit.type().officerRole()));
		variables.put(AccountabilityInterviewProcess.VAR_OFFICE_GROUP, Actor.group(officeAgency, Role.JOINT_OFFICE));
		String instance = this.runtime.startProcessInstanceByKey(AccountabilityInterviewProcess.KEY, id, variables)
			.getId();
		this.jdbc.sql("update interview set process_instance_id = ? where id = ?").params(instance, id).update();
		this.events.publishEvent(
				new InterviewScheduled(id, number, unit.code(), request.scheduledAt().atZone(Now.ZONE).toInstant()));
		this.audit.record("INTERVIEW_SCHEDULED", ENTITY, id, id,
				number + "，" + unit.name() + "，" + request.scheduledAt() + "，" + request.place());
		return id;
	}

	/** An interview as its letters print it. */
	InterviewLetters.Interview load(String id) {
		return this.jdbc.sql("""
				select id, case_number, unit_code, office_agency, principal, reason, scheduled_at, place, officials
				from interview where id = ?""")
			.param(id)
			.query((rs, n) -> new InterviewLetters.Interview(rs.getString("id"), rs.getString("case_number"),
					rs.getString("unit_code"), rs.getString("office_agency"), rs.getString("principal"),
					rs.getString("reason"), instant(rs, "scheduled_at").atZone(Now.ZONE).toLocalDateTime(),
					rs.getString("place"), rs.getString("officials")))
			.single();
	}

	/**
	 * Serves a new notice for a moved interview (it supersedes the earlier one); returns
	 * the interview as moved.
	 */
	InterviewLetters.Interview noticeAgain(String id) {
		InterviewLetters.Interview moved = load(id);
		this.letters.notice(moved);
		return moved;
	}

	/** Records the minutes of a held interview as a letter. */
	void minutes(String id, String present, String summary, String commitments, int rectificationWorkingDays) {
		this.letters.minutes(load(id), present, summary, commitments,
				this.calendar.addWorkingDays(Now.today(), rectificationWorkingDays).date());
	}

	/**
	 * The interview moment and the day attendance must be confirmed by (the working day
	 * before).
	 */
	Map<String, Object> times(LocalDateTime scheduledAt) {
		LocalDate confirmBy = this.calendar.previousWorkingDay(scheduledAt.toLocalDate()).date();
		return Map.of(AccountabilityInterviewProcess.VAR_INTERVIEW_AT,
				Date.from(scheduledAt.atZone(Now.ZONE).toInstant()), AccountabilityInterviewProcess.VAR_CONFIRM_DUE_AT,
				TaskDeadlines.endOfDay(confirmBy.isBefore(Now.today()) ? Now.today() : confirmBy));
	}

	/**
	 * The notice served today must precede the interview by the configured working days.
	 */
	void checkDate(LocalDateTime scheduledAt, Validation validation) {
		if (scheduledAt == null) {
			validation.add("scheduledAt", "validation.required");
			return;
		}
		LocalDate earliest = this.calendar.addWorkingDays(Now.today(), this.properties.noticeWorkingDays()).date();
		validation.require(!scheduledAt.toLocalDate().isBefore(earliest), "scheduledAt", "interview.noticeTooShort");
		validation.require(
				this.calendar.isWorkingDay(scheduledAt.toLocalDate())
						&& !scheduledAt.toLocalTime().isBefore(LocalTime.of(8, 0))
						&& !scheduledAt.toLocalTime().isAfter(LocalTime.of(18, 0)),
				"scheduledAt", "interview.outsideOfficeHours");
	}

}
