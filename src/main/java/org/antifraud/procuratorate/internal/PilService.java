package org.antifraud.procuratorate.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.antifraud.agency.Agency;
import org.antifraud.agency.AgencyDirectory;
import org.antifraud.agency.AgencyType;
import org.antifraud.agency.Role;
import org.antifraud.audit.AuditTrail;
import org.antifraud.calendar.WorkingDayCalendar;
import org.antifraud.common.ApiException;
import org.antifraud.common.Now;
import org.antifraud.common.NumberSequences;
import org.antifraud.common.RowIds;
import org.antifraud.common.Validation;
import org.antifraud.document.IssuedLetter;
import org.antifraud.procuratorate.PilProperties;
import org.antifraud.procuratorate.ProcuratorialRecommendationProcess;
import org.antifraud.procuratorate.RecommendationIssued;
import org.antifraud.rectification.RectificationReferred;
import org.antifraud.security.Actor;
import org.antifraud.workflow.DeadlineNotice;
import org.antifraud.workflow.TaskDeadlines;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers clues and carries out the automatic steps of a public-interest litigation
 * case: numbering and issuing the recommendation, the reply period in calendar months
 * (Civil Code), the reminder and the overdue flag.
 */
@Service
class PilService {

	static final String ENTITY = "PIL_CASE";

	static final Set<String> SOURCES = Set.of("OWN_DISCOVERY", "JOINT_OFFICE_REFERRAL", "POLICE_REFERRAL",
			"FAILED_RECTIFICATION", "CITIZEN_REPORT");

	private static final Set<AgencyType> ORGANS = Set.of(AgencyType.REGULATOR, AgencyType.BANK,
			AgencyType.PAYMENT_INSTITUTION, AgencyType.TELECOM_OPERATOR);

	private static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);

	private final PilRepository cases;

	private final AgencyDirectory agencies;

	private final NumberSequences numbers;

	private final WorkingDayCalendar calendar;

	private final PilProperties properties;

	private final RuntimeService runtime;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final PilLetters letters;

	PilService(PilRepository cases, AgencyDirectory agencies, NumberSequences numbers, WorkingDayCalendar calendar,
			PilProperties properties, RuntimeService runtime, AuditTrail audit, ApplicationEventPublisher events,
			PilLetters letters) {
		this.cases = cases;
		this.agencies = agencies;
		this.numbers = numbers;
		this.calendar = calendar;
		this.properties = properties;
		this.runtime = runtime;
		this.audit = audit;
		this.events = events;
		this.letters = letters;
	}

	/** A clue as a procurator registers it. */
	record ClueRequest(String source, String organCode, String factsOfHarm, List<String> relatedCases) {
	}

	@Transactional
	public PilCase register(ClueRequest request, Actor actor) {
		Agency procuratorate = this.agencies.find(actor.agencyCode()).orElseThrow();
		if (!actor.has(Role.PROCURATOR) || procuratorate.type() != AgencyType.PROCURATORATE) {
			throw new ApiException(HttpStatus.FORBIDDEN, "pil.onlyProcuratorMayRegister");
		}
		return open(request, procuratorate, actor.username());
	}

	/**
	 * A failed rectification referred by the joint office opens a clue at the referral
	 * procuratorate.
	 */
	@EventListener
	void on(RectificationReferred event) {
		Agency organ = this.agencies.find(event.unitCode()).orElse(null);
		if (organ == null || !ORGANS.contains(organ.type())) {
			this.audit.record("PIL_REFERRAL_NOT_APPLICABLE", ENTITY, event.orderId(), event.orderId(),
					event.unitCode() + "不属于公益诉讼检察的被建议单位");
			return;
		}
		Agency procuratorate = this.agencies.find(this.properties.referralProcuratorate()).orElseThrow();
		String facts = event.facts();
		open(new ClueRequest("FAILED_RECTIFICATION", organ.code(),
				(facts.length() > 4000) ? facts.substring(0, 4000) : facts, List.of(event.caseNumber())), procuratorate,
				AuditTrail.SYSTEM);
	}

	private PilCase open(ClueRequest request, Agency procuratorate, String registeredBy) {
		Agency organ = this.agencies.find(request.organCode()).orElse(null);
		List<String> related = (request.relatedCases() != null) ? request.relatedCases() : List.of();
		new Validation()
			.require(request.source() != null && SOURCES.contains(request.source()), "source", "validation.notAnOption")
			.require(organ != null && ORGANS.contains(organ.type()), "organCode", "pil.organInvalid")
			.requireText(request.factsOfHarm(), "factsOfHarm")
			.require(request.factsOfHarm() == null || request.factsOfHarm().length() <= 4000, "factsOfHarm",
					"validation.tooLong")
			.require(related.size() <= 20 && related.stream().allMatch((ref) -> ref != null && ref.length() <= 60),
					"relatedCases", "validation.invalid")
			.throwIfInvalid();
		String caseNumber = this.numbers.caseNumber("pil-case", procuratorate.code(), "PIL");
		String track = (organ.type() == AgencyType.REGULATOR) ? "ADMINISTRATIVE" : "SOCIAL_GOVERNANCE";
		PilCase c = new PilCase(RowIds.next(), caseNumber, "OPEN", "CLUE", procuratorate.code(), registeredBy,
				Now.instant(), request.source(), organ.code(), track, request.factsOfHarm().trim(),
				related.isEmpty() ? null : String.join(",", related), null, null, null, null, null, null, null, null,
				null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
		this.cases.insert(c);
		String instance = this.runtime
			.startProcessInstanceByKey(ProcuratorialRecommendationProcess.KEY, c.id(),
					Variables.createVariables()
						.putValue(ProcuratorialRecommendationProcess.VAR_CASE_ID, c.id())
						.putValue(ProcuratorialRecommendationProcess.VAR_PROCURATOR_GROUP,
								Actor.group(procuratorate.code(), Role.PROCURATOR))
						.putValue(ProcuratorialRecommendationProcess.VAR_CHIEF_GROUP,
								Actor.group(procuratorate.code(), Role.CHIEF_PROCURATOR))
						.putValue(ProcuratorialRecommendationProcess.VAR_ORGAN_GROUP,
								Actor.group(organ.code(), organ.type().officerRole()))
						.putValue(ProcuratorialRecommendationProcess.VAR_TRACK, track))
			.getId();
		this.cases.update(c.id(), "process_instance_id", instance);
		this.audit.record("PIL_CLUE_REGISTERED", ENTITY, c.id(), c.id(),
				caseNumber + "，被建议单位" + organ.name() + "，来源" + request.source());
		return c;
	}

	/** The filing decision is due to be served within the configured days. */
	Map<String, Object> file(String caseId, String opinion) {
		LocalDate due = this.calendar.addPeriod(Now.today(), Period.ofDays(this.properties.filingServiceDays())).date();
		this.cases.update(caseId, "stage", "FILED", "filed_on", Now.today(), "filing_service_due", due,
				"filing_opinion", opinion);
		this.letters.filingDecision(this.cases.lock(caseId));
		this.audit.record("PIL_FILED", ENTITY, caseId, caseId, "立案，立案决定书应于" + due + "前送达");
		return Map.of(ProcuratorialRecommendationProcess.VAR_FILING_SERVICE_DUE_AT, TaskDeadlines.endOfDay(due));
	}

	void close(String caseId, String reason) {
		this.cases.update(caseId, "status", "CLOSED", "stage", "CLOSED", "close_reason", reason, "closed_at",
				Now.instant());
		this.audit.record("PIL_CLOSED", ENTITY, caseId, caseId, reason);
	}

	/**
	 * Numbers the approved recommendation per procuratorate and year; the number is never
	 * reused.
	 */
	@Transactional
	public void issue(String caseId) {
		PilCase c = this.cases.lock(caseId);
		Recommendation draft = this.cases.current(caseId);
		// the letter's 文号 is the recommendation's number
		IssuedLetter letter = this.letters.recommendation(c, draft);
		for (Recommendation earlier : this.cases.recommendations(caseId)) {
			if ("ISSUED".equals(earlier.status())) {
				this.cases.updateRecommendation(earlier.id(), "status", "SUPERSEDED");
			}
		}
		this.cases.updateRecommendation(draft.id(), "status", "ISSUED", "issued_on", Now.today());
		letter.whenNumbered((number) -> this.cases.updateRecommendation(draft.id(), "document_number", number));
		this.cases.update(caseId, "stage", "RECOMMENDATION");
		this.audit.record("PIL_RECOMMENDATION_ISSUED", ENTITY, caseId, caseId, letter::number);
	}

	/**
	 * Starts the reply period from the day of service: two months, or fifteen days when
	 * urgent, ending on the next working day when the last day is a rest day.
	 */
	@Transactional
	public Map<String, Object> startReplyPeriod(String caseId) {
		PilCase c = this.cases.lock(caseId);
		Recommendation r = this.cases.current(caseId);
		Period period = r.urgent() ? Period.ofDays(this.properties.urgentReplyDays())
				: Period.ofMonths(this.properties.replyMonths());
		var deadline = this.calendar.addPeriod(r.servedOn(), period);
		this.cases.updateRecommendation(r.id(), "reply_due", deadline.date());
		this.cases.update(caseId, "stage", "REPLY");
		this.audit.record("PIL_REPLY_PERIOD_STARTED", ENTITY, caseId, caseId,
				"回复期限" + deadline.date() + (deadline.provisional() ? "（节假日安排未公布，暂按周末计算）" : ""));
		this.events.publishEvent(new RecommendationIssued(caseId, r.documentNumber(), c.organCode(), deadline.date()));
		Map<String, Object> variables = new HashMap<>();
		variables.put(ProcuratorialRecommendationProcess.VAR_REPLY_DUE_AT, TaskDeadlines.endOfDay(deadline.date()));
		variables.put(ProcuratorialRecommendationProcess.VAR_REPLY_OVERDUE_AT,
				Date.from(WorkingDayCalendar.endOf(deadline.date())));
		variables.putAll(nextReminder(deadline.date()));
		return variables;
	}

	/**
	 * The next configured reminder point before {@code due} that lies in the future, if
	 * any: each point is a number of working days before the deadline, at the start of
	 * office hours.
	 */
	Map<String, Object> nextReminder(LocalDate due) {
		for (int days : this.properties.replyReminders()) {
			LocalDate day = due;
			for (int i = 0; i < days; i++) {
				day = this.calendar.previousWorkingDay(day).date();
			}
			java.time.Instant at = WorkingDayCalendar.at(day, REMINDER_TIME);
			if (at.isAfter(Now.instant())) {
				return Map.of(ProcuratorialRecommendationProcess.VAR_HAS_REMINDER, true,
						ProcuratorialRecommendationProcess.VAR_REPLY_REMINDER_AT, Date.from(at));
			}
		}
		return Map.of(ProcuratorialRecommendationProcess.VAR_HAS_REMINDER, false);
	}

	@Transactional
	public Map<String, Object> remind(String caseId) {
		Recommendation r = this.cases.current(caseId);
		this.cases.updateRecommendation(r.id(), "reminded_at", Now.instant());
		this.audit.record("PIL_REPLY_REMINDED", ENTITY, caseId, caseId, "提醒被建议单位于" + r.replyDue() + "前回复");
		this.events
			.publishEvent(new DeadlineNotice(DeadlineNotice.REMINDER, this.cases.find(caseId).orElseThrow().organCode(),
					null, "检察建议书回复期限" + r.replyDue(), r.documentNumber(), caseId));
		return nextReminder(r.replyDue());
	}

	@Transactional
	public void flagOverdue(String caseId) {
		Recommendation r = this.cases.current(caseId);
		this.cases.updateRecommendation(r.id(), "reply_overdue", true);
		this.cases.update(caseId, "stage", "FOLLOW_UP");
		this.audit.record("PIL_REPLY_OVERDUE", ENTITY, caseId, caseId, "被建议单位逾期未回复（期限" + r.replyDue() + "）");
	}

	/** The day a civil public-interest notice published on {@code publishedOn} ends. */
	LocalDate noticeEnds(LocalDate publishedOn) {
		return this.calendar.addPeriod(publishedOn, Period.ofDays(this.properties.civilNoticeDays())).date();
	}

}
