package org.antifraud.discipline.internal;

import java.time.LocalDate;
import java.util.Map;

import org.antifraud.agency.AgencyDirectory;
import org.antifraud.agency.AgencyType;
import org.antifraud.agency.Role;
import org.antifraud.audit.AuditTrail;
import org.antifraud.calendar.WorkingDayCalendar;
import org.antifraud.common.ApiException;
import org.antifraud.common.Now;
import org.antifraud.common.RowIds;
import org.antifraud.common.Validation;
import org.antifraud.discipline.CaseStatus;
import org.antifraud.discipline.DisciplineLifted;
import org.antifraud.discipline.JointDisciplineProcess;
import org.antifraud.security.Actor;
import org.antifraud.workflow.TaskDeadlines;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appeals (申诉) at any time during the term: registered by the filing branch, accepted,
 * verified and decided within working-day limits; a successful appeal lifts the
 * discipline at once (Law Art. 32).
 */
@Service
class AppealService {

	static final String ENTITY = "DISCIPLINE_APPEAL";

	private final AppealRepository appeals;

	private final DisciplineRepository cases;

	private final AgencyDirectory agencies;

	private final WorkingDayCalendar calendar;

	private final TaskDeadlines deadlines;

	private final RuntimeService runtime;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final DisciplineLetters letters;

	AppealService(AppealRepository appeals, DisciplineRepository cases, AgencyDirectory agencies,
			WorkingDayCalendar calendar, TaskDeadlines deadlines, RuntimeService runtime, AuditTrail audit,
			ApplicationEventPublisher events, DisciplineLetters letters) {
		this.appeals = appeals;
		this.cases = cases;
		this.agencies = agencies;
		this.calendar = calendar;
		this.deadlines = deadlines;
		this.runtime = runtime;
		this.audit = audit;
		this.events = events;
		this.letters = letters;
	}

	@Transactional
	public Appeal file(String caseId, AppealRequest request, Actor actor) {
		DisciplineCase c = this.cases.find(caseId).orElseThrow(ApiException::notFound);
		if (!actor.has(Role.POLICE_OFFICER) || !actor.agencyCode().equals(c.filingAgency())) {
			throw new ApiException(HttpStatus.FORBIDDEN, "appeal.onlyFilingBranch");
		}
		LocalDate received = (request.receivedOn() != null) ? request.receivedOn() : Now.today();
		new Validation().requireText(request.appellant(), "appellant")
			.require(this.letters.printable(request.appellant()), "appellant", "validation.unprintable")
			.requireText(request.grounds(), "grounds")
			.require(request.grounds() == null || request.grounds().length() <= 4000, "grounds", "validation.tooLong")
			.require(!received.isAfter(Now.today()), "receivedOn", "validation.dateInFuture")
			.throwIfInvalid();
		c = this.cases.lock(caseId);
		if (!CaseStatus.IN_TERM.contains(c.status())) {
			throw ApiException.conflict("appeal.notInTerm");
		}
		if (this.appeals.hasOpen(caseId)) {
			throw ApiException.conflict("appeal.alreadyOpen");
		}
		LocalDate acceptDue = this.calendar.addWorkingDays(received, this.deadlines.workingDays("appealAccept")).date();
		Appeal appeal = new Appeal(RowIds.next(), caseId, "FILED", request.appellant().trim(), request.grounds().trim(),
				received, actor.username(), acceptDue, null, null, null, null, null);
		this.appeals.insert(appeal);
		String city = this.agencies.ancestor(c.filingAgency(), AgencyType.CITY_POLICE).orElseThrow().code();
		String instance = this.runtime
			.startProcessInstanceByKey(JointDisciplineProcess.APPEAL_KEY, caseId, Variables.createVariables()
				.putValue(JointDisciplineProcess.VAR_CASE_ID, caseId)
				.putValue(JointDisciplineProcess.VAR_APPEAL_ID, appeal.id())
				.putValue(JointDisciplineProcess.VAR_OFFICER_GROUP, Actor.group(c.filingAgency(), Role.POLICE_OFFICER))
				.putValue(JointDisciplineProcess.VAR_LEGAL_GROUP, Actor.group(c.filingAgency(), Role.POLICE_LEGAL))
				.putValue(JointDisciplineProcess.VAR_LEADER_GROUP, Actor.group(city, Role.POLICE_LEADER))
				.putValue(JointDisciplineProcess.VAR_ACCEPT_DUE_AT, TaskDeadlines.endOfDay(acceptDue)))
			.getId();
		this.appeals.processInstance(appeal.id(), instance);
		this.audit.record("APPEAL_FILED", ENTITY, appeal.id(), caseId,
				"申诉人" + appeal.appellant() + "，受理期限" + acceptDue);
		return appeal;
	}

	void accept(String appealId, Map<String, Object> values) {
		String decision = (String) values.get("decision");
		String opinion = (String) values.get("opinion");
		new Validation().require("ACCEPT".equals(decision) || opinion != null, "opinion", "validation.opinionRequired")
			.throwIfInvalid();
		Appeal appeal = this.appeals.find(appealId);
		this.appeals.accepted(appealId, "ACCEPT".equals(decision) ? "ACCEPTED" : "NOT_ACCEPTED", opinion);
		if ("ACCEPT".equals(decision)) {
			this.letters.appealAccepted(appeal, this.cases.find(appeal.caseId()).orElseThrow());
		}
		this.audit.record("APPEAL_" + decision, ENTITY, appealId, appeal.caseId(), opinion);
	}

	void verify(String appealId, Map<String, Object> values) {
		Appeal appeal = this.appeals.find(appealId);
		this.appeals.verified(appealId, (String) values.get("findings"));
		this.audit.record("APPEAL_VERIFIED", ENTITY, appealId, appeal.caseId(), "核查建议：" + values.get("recommendation"));
	}

	void decide(String appealId, Map<String, Object> values) {
		Appeal appeal = this.appeals.find(appealId);
		String decision = (String) values.get("decision");
		this.appeals.decided(appealId, decision, (String) values.get("opinion"), Now.instant());
		this.letters.appealDecided(this.appeals.find(appealId), this.cases.find(appeal.caseId()).orElseThrow(),
				"LIFT".equals(decision), (String) values.get("opinion"));
		this.audit.record("APPEAL_DECIDED", ENTITY, appealId, appeal.caseId(), decision + "：" + values.get("opinion"));
	}

	/**
	 * Lifts the discipline of the appeal's case at once: the main process goes to
	 * lifting.
	 */
	@Transactional
	public void lift(String caseId) {
		DisciplineCase c = this.cases.lock(caseId);
		if (!CaseStatus.IN_TERM.contains(c.status())) {
			this.audit.record("APPEAL_LIFT_SKIPPED", DisciplineService.ENTITY, caseId, caseId,
					"案件已不在惩戒期：" + c.status());
			return;
		}
		this.cases.lifting(caseId, "APPEAL", Now.instant());
		this.runtime.createMessageCorrelation(JointDisciplineProcess.MESSAGE_LIFTED)
			.processInstanceId(c.processInstanceId())
			.correlate();
		this.audit.record("DISCIPLINE_LIFTED", DisciplineService.ENTITY, caseId, caseId, "申诉成立，立即解除惩戒");
		this.events.publishEvent(new DisciplineLifted(caseId, "APPEAL"));
	}

	/** An appeal as registered by the filing branch. */
	record AppealRequest(String appellant, String grounds, LocalDate receivedOn) {
	}

}
