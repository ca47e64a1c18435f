package org.antifraud.rectification;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

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
import org.antifraud.rectification.internal.RectificationLetters;
import org.antifraud.rectification.internal.RectificationRepository;
import org.antifraud.security.Actor;
import org.antifraud.workflow.TaskDeadlines;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues rectification orders (from the API or from an interview's commitments) and flags
 * units under listed supervision.
 */
@Service
public class Rectifications {

	static final String ENTITY = "RECTIFICATION";

	private static final LocalTime REPORT_TIME = LocalTime.of(9, 0);

	private final RectificationRepository store;

	private final AgencyDirectory agencies;

	private final WorkingDayCalendar calendar;

	private final NumberSequences numbers;

	private final RectificationProperties properties;

	private final RuntimeService runtime;

	private final AuditTrail audit;

	private final RectificationLetters letters;

	Rectifications(RectificationRepository store, AgencyDirectory agencies, WorkingDayCalendar calendar,
			NumberSequences numbers, RectificationProperties properties, RuntimeService runtime, AuditTrail audit,
			RectificationLetters letters) {
		this.store = store;
		this.agencies = agencies;
		this.calendar = calendar;
		this.numbers = numbers;
		this.properties = properties;
		this.runtime = runtime;
		this.audit = audit;
		this.letters = letters;
	}

	/** Issues an order as the signed-in JOINT_OFFICE or REGULATOR_OFFICER. */
	@Transactional
	public String issue(RectificationCommand command, Actor actor) {
		Role role = actor.has(Role.JOINT_OFFICE) ? Role.JOINT_OFFICE
				: actor.has(Role.REGULATOR_OFFICER) ? Role.REGULATOR_OFFICER : null;
		if (role == null) {
			throw new ApiException(HttpStatus.FORBIDDEN, "rectification.onlyOfficeOrRegulator");
		}
		return issue(command, actor.agencyCode(), role, actor.username());
	}

	/** Issues an order on behalf of an issuing agency; returns the order id. */
	@Transactional
	public String issue(RectificationCommand command, String issuerAgency, Role issuerRole, String issuedBy) {
		Agency unit = this.agencies.find(command.unitCode()).orElse(null);
		LocalDate deadline = (command.deadlineOn() != null) ? command.deadlineOn()
				: (command.deadlineWorkingDays() != null && command.deadlineWorkingDays() > 0)
						? this.calendar.addWorkingDays(Now.today(), command.deadlineWorkingDays()).date() : null;
		new Validation()
			.require(unit != null && !unit.code().equals(issuerAgency), "unitCode", "rectification.unitInvalid")
			.requireText(command.problems(), "problems")
			.requireText(command.requiredMeasures(), "requiredMeasures")
			.require(command.problems() == null || command.problems().length() <= 4000, "problems",
					"validation.tooLong")
			.require(command.requiredMeasures() == null || command.requiredMeasures().length() <= 4000,
					"requiredMeasures", "validation.tooLong")
			.require(deadline != null, "deadlineOn", "rectification.deadlineRequired")
			.require(deadline == null || deadline.isAfter(Now.today()), "deadlineOn", "rectification.deadlineInPast")
			.require(
					command.reportCycleWorkingDays() == null
							|| (command.reportCycleWorkingDays() >= 1 && command.reportCycleWorkingDays() <= 60),
					"reportCycleWorkingDays", "validation.outOfRange")
			.throwIfInvalid();
		String id = RowIds.next();
		String number = this.numbers.caseNumber("rectification", issuerAgency, "RECT");
		String origin = (command.origin() != null) ? command.origin() : "DIRECT";
		this.store.insert(id, number, issuerAgency, issuedBy, unit.code(), command.problems().trim(),
				command.requiredMeasures().trim(), deadline, command.reportCycleWorkingDays(), origin,
				command.interviewId());
		Map<String, Object> variables = new HashMap<>(schedule(deadline, command.reportCycleWorkingDays()));
		variables.put(RectificationProcess.VAR_CASE_ID, id);
		variables.put(RectificationProcess.VAR_ISSUER_GROUP, Actor.group(issuerAgency, issuerRole));
		variables.put(RectificationProcess.VAR_UNIT_GROUP, Actor.group(unit.code(), unit.type().officerRole()));
		variables.put(RectificationProcess.VAR_OFFICE_GROUP,
				Actor.group(this.properties.officeAgency(), Role.JOINT_OFFICE));
		this.letters.notice(id, number, issuerAgency, unit.code(), command.problems().trim(),
				command.requiredMeasures().trim(), deadline, command.reportCycleWorkingDays());
		String instance = this.runtime.startProcessInstanceByKey(RectificationProcess.KEY, id, variables).getId();
		this.store.processInstance(id, instance);
		this.audit.record("RECTIFICATION_ORDERED", ENTITY, id, id, number + "，" + unit.name() + "，整改期限" + deadline);
		return id;
	}

	/**
	 * The timer variables of a rectification period: the deadline, and the first progress
	 * report one cycle of working days from today when a cycle is set.
	 */
	public Map<String, Object> schedule(LocalDate deadline, Integer cycle) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(RectificationProcess.VAR_DEADLINE_AT, Date.from(WorkingDayCalendar.endOf(deadline)));
		variables.put(RectificationProcess.VAR_DEADLINE_DUE_AT, TaskDeadlines.endOfDay(deadline));
		variables.put(RectificationProcess.VAR_HAS_CYCLE, cycle != null);
		variables.putAll(nextReport(cycle));
		return variables;
	}

	/** When the next progress report falls due, one cycle from today. */
	public Map<String, Object> nextReport(Integer cycle) {
		LocalDate report = this.calendar.addWorkingDays(Now.today(), (cycle != null) ? cycle : 1).date();
		LocalDate due = this.calendar.addWorkingDays(report, this.properties.progressReportWorkingDays()).date();
		return Map.of(RectificationProcess.VAR_NEXT_REPORT_AT, Date.from(WorkingDayCalendar.at(report, REPORT_TIME)),
				RectificationProcess.VAR_PROGRESS_DUE_AT, TaskDeadlines.endOfDay(due));
	}

	/**
	 * Puts a unit under listed supervision (挂牌督办) for the configured months from today
	 * and serves it the 督办通知书: after an interview that did not bring rectification
	 * ({@code orderId} set) or after a unit stayed away from its interview.
	 * @param caseNumber the number of the order or interview that led here
	 */
	@Transactional
	public void listUnderSupervision(String unitCode, String reason, String caseNumber, String orderId,
			String interviewId) {
		LocalDate until = Now.today().plusMonths(this.properties.listedSupervisionMonths());
		this.store.listed(unitCode, Now.today(), until, reason, orderId, interviewId);
		this.letters.supervision(this.properties.officeAgency(), unitCode, until, caseNumber,
				(orderId != null) ? this.store.find(orderId).orElseThrow() : null, interviewId, reason);
		this.audit.record("LISTED_SUPERVISION", ENTITY, unitCode, (orderId != null) ? orderId : interviewId,
				unitCode + "挂牌督办至" + until + "，期间不得评优评先");
	}

}
