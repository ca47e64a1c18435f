package org.antifraud.procuratorate.internal;

import static org.antifraud.procuratorate.ProcuratorialRecommendationProcess.TASK_APPROVE;
import static org.antifraud.procuratorate.ProcuratorialRecommendationProcess.TASK_DECIDE_FILING;
import static org.antifraud.procuratorate.ProcuratorialRecommendationProcess.TASK_DRAFT;
import static org.antifraud.procuratorate.ProcuratorialRecommendationProcess.TASK_FILE_SUIT;
import static org.antifraud.procuratorate.ProcuratorialRecommendationProcess.TASK_FOLLOW_UP;
import static org.antifraud.procuratorate.ProcuratorialRecommendationProcess.TASK_PUBLISH_NOTICE;
import static org.antifraud.procuratorate.ProcuratorialRecommendationProcess.TASK_RECORD_CONSULTATION;
import static org.antifraud.procuratorate.ProcuratorialRecommendationProcess.TASK_RECORD_JUDGMENT;
import static org.antifraud.procuratorate.ProcuratorialRecommendationProcess.TASK_REPLY;
import static org.antifraud.procuratorate.ProcuratorialRecommendationProcess.TASK_RESPOND_CONSULTATION;
import static org.antifraud.procuratorate.ProcuratorialRecommendationProcess.TASK_REVIEW_OBJECTION;
import static org.antifraud.procuratorate.ProcuratorialRecommendationProcess.TASK_SERVE;
import static org.antifraud.procuratorate.ProcuratorialRecommendationProcess.TASK_SERVE_FILING;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Date;

import org.antifraud.agency.AgencyDirectory;
import org.antifraud.audit.AuditTrail;
import org.antifraud.common.Now;
import org.antifraud.common.Validation;
import org.antifraud.procuratorate.ProcuratorialRecommendationProcess;
import org.antifraud.security.Actor;
import org.antifraud.workflow.Decision;
import org.antifraud.workflow.ProcessTaskHandler;
import org.antifraud.workflow.TaskRef;
import org.antifraud.calendar.WorkingDayCalendar;
import org.antifraud.common.RowIds;

import org.springframework.stereotype.Component;

/**
 * Completes the user tasks of the public-interest litigation process and records what
 * each decided in the case and recommendation tables.
 */
@Component
class PilTaskHandler extends ProcessTaskHandler {

	private final PilRepository cases;

	private final PilService service;

	private final AgencyDirectory agencies;

	private final AuditTrail audit;

	private final PilLetters letters;

	PilTaskHandler(PilRepository cases, PilService service, AgencyDirectory agencies, AuditTrail audit,
			PilLetters letters) {
		super(ProcuratorialRecommendationProcess.KEY, TASK_DECIDE_FILING, TASK_SERVE_FILING, TASK_RESPOND_CONSULTATION,
				TASK_RECORD_CONSULTATION, TASK_DRAFT, TASK_APPROVE, TASK_SERVE, TASK_REPLY, TASK_REVIEW_OBJECTION,
				TASK_FOLLOW_UP, TASK_PUBLISH_NOTICE, TASK_FILE_SUIT, TASK_RECORD_JUDGMENT);
		this.cases = cases;
		this.service = service;
		this.agencies = agencies;
		this.audit = audit;
		this.letters = letters;
	}

	@Override
	public Map<String, Object> complete(TaskRef task, Map<String, Object> v, Actor actor) {
		String id = task.caseId();
		PilCase c = this.cases.lock(id);
		Map<String, Object> variables = switch (task.taskKey()) {
			case TASK_DECIDE_FILING -> decideFiling(id, v);
			case TASK_SERVE_FILING -> {
				LocalDate served = date(v, "servedOn", c.filedOn());
				this.cases.update(id, "filing_served_on", served, "stage", "CONSULTATION");
				yield Map.of();
			}
			case TASK_RESPOND_CONSULTATION -> {
				this.cases.update(id, "consultation_facts", v.get("factsConfirmed"), "consultation_statement",
						v.get("statement"), "consultation_plan", v.get("plan"));
				yield Map.of();
			}
			case TASK_RECORD_CONSULTATION -> recordConsultation(id, v);
			case TASK_DRAFT -> draft(id, v);
			case TASK_APPROVE -> approve(id, v);
			case TASK_SERVE -> {
				var r = this.cases.current(id);
				this.cases.updateRecommendation(r.id(), "served_on", date(v, "servedOn", r.issuedOn()),
						"service_method", v.get("serviceMethod"));
				yield Map.of();
			}
			case TASK_REPLY -> reply(id, v);
			case TASK_REVIEW_OBJECTION -> reviewObjection(id, v);
			case TASK_FOLLOW_UP -> followUp(id, v);
			case TASK_PUBLISH_NOTICE -> {
				LocalDate published = date(v, "publishedOn", null);
				LocalDate ends = this.service.noticeEnds(published);
				this.cases.update(id, "notice_published_on", published, "notice_ends_on", ends, "notice_medium",
						v.get("medium"));
				this.letters.publicNotice(c, published, ends);
				yield Map.of(ProcuratorialRecommendationProcess.VAR_NOTICE_ENDS_AT,
						Date.from(WorkingDayCalendar.endOf(ends)));
			}
			case TASK_FILE_SUIT -> {
				this.cases.update(id, "court", v.get("court"), "suit_filed_on", date(v, "filedOn", null), "claims",
						v.get("claims"), "stage", "LITIGATION");
				yield Map.of();
			}
			default -> {
				this.cases.update(id, "outcome", v.get("outcome"), "outcome_on", date(v, "decidedOn", c.suitFiledOn()),
						"outcome_summary", v.get("summary"));
				this.service.close(id, "LITIGATED");
				yield Map.of();
			}
		};
		this.audit.record(task.taskKey().replace("Task_", "PIL_").toUpperCase(), PilService.ENTITY, id, id, summary(v));
		return variables;
	}

	private Map<String, Object> decideFiling(String id, Map<String, Object> v) {
		String decision = (String) v.get(Decision.VARIABLE);
		String opinion = (String) v.get("opinion");
		new Validation().require("APPROVE".equals(decision) || opinion != null, "opinion", "validation.opinionRequired")
			.throwIfInvalid();
		if ("APPROVE".equals(decision)) {
			return Map.of(Decision.VARIABLE, decision, ProcuratorialRecommendationProcess.VAR_FILING_SERVICE_DUE_AT,
					this.service.file(id, opinion).get(ProcuratorialRecommendationProcess.VAR_FILING_SERVICE_DUE_AT));
		}
		this.cases.update(id, "filing_opinion", opinion);
		this.service.close(id, "NOT_FILED");
		return Map.of(Decision.VARIABLE, decision);
	}

	private Map<String, Object> recordConsultation(String id, Map<String, Object> v) {
		boolean performed = "YES".equals(v.get("performed"));
		this.cases.update(id, "consultation_minutes", v.get("minutes"));
		if (performed) {
			this.service.close(id, "PERFORMED_AT_CONSULTATION");
		}
		else {
			this.cases.update(id, "stage", "RECOMMENDATION");
		}
		return Map.of(ProcuratorialRecommendationProcess.VAR_PERFORMED, performed);
	}

	private Map<String, Object> draft(String id, Map<String, Object> v) {
		String copyTo = (String) v.get("copyTo");
		String[] codes = (copyTo != null) ? copyTo.split("[,，\\s]+") : new String[0];
		new Validation()
			.require(Arrays.stream(codes).allMatch((code) -> this.agencies.find(code).isPresent()), "copyTo",
					"pil.copyToUnknown")
			.throwIfInvalid();
		int version = this.cases.recommendations(id).size() + 1;
		this.cases.insertRecommendation(new Recommendation(RowIds.next(), id, version, "DRAFT",
				(String) v.get("caseSource"), (String) v.get("factsOfHarm"), (String) v.get("nonPerformance"),
				(String) v.get("legalBasis"), (String) v.get("recommendations"), Boolean.TRUE.equals(v.get("urgent")),
				(codes.length > 0) ? String.join(",", codes) : null, null, null, null, null, null, null, false, null,
				null, null, null, null, null, null, null));
		return Map.of();
	}

	private Map<String, Object> approve(String id, Map<String, Object> v) {
		Decision decision = Decision.from(v);
		Recommendation draft = this.cases.current(id);
		this.cases.updateRecommendation(draft.id(), "approval_opinion", v.get("opinion"), "status",
				(decision == Decision.APPROVE) ? "APPROVED" : (decision == Decision.RETURN) ? "RETURNED" : "REJECTED");
		if (decision == Decision.REJECT) {
			this.service.close(id, "NOT_ISSUED");
		}
		return Map.of(Decision.VARIABLE, decision.name());
	}

	private Map<String, Object> reply(String id, Map<String, Object> v) {
		String response = (String) v.get("response");
		boolean object = "OBJECT".equals(response);
		new Validation().require(object || v.get("replyText") != null, "replyText", "validation.required")
			.require(object || v.get("rectification") != null, "rectification", "validation.required")
			.require(!object || v.get("objectionGrounds") != null, "objectionGrounds", "validation.required")
			.throwIfInvalid();
		Recommendation r = this.cases.current(id);
		this.cases.updateRecommendation(r.id(), "response", response, "reply_text", v.get("replyText"), "rectification",
				v.get("rectification"), "objection_grounds", v.get("objectionGrounds"), "replied_at", Now.instant());
		this.cases.update(id, "stage", object ? "OBJECTION" : "FOLLOW_UP");
		return Map.of("response", response);
	}

	private Map<String, Object> reviewObjection(String id, Map<String, Object> v) {
		String outcome = (String) v.get("objectionOutcome");
		Recommendation r = this.cases.current(id);
		this.cases.updateRecommendation(r.id(), "objection_outcome", outcome, "objection_opinion", v.get("opinion"));
		switch (outcome) {
			case "UPHOLD" -> this.cases.update(id, "stage", "REPLY");
			case "REVISE" -> this.cases.update(id, "stage", "RECOMMENDATION");
			default -> {
				this.cases.updateRecommendation(r.id(), "status", "WITHDRAWN");
				this.service.close(id, "RECOMMENDATION_WITHDRAWN");
			}
		}
		return Map.of("objectionOutcome", outcome);
	}

	private Map<String, Object> followUp(String id, Map<String, Object> v) {
		String result = (String) v.get("result");
		boolean performed = "PERFORMED".equals(result);
		new Validation()
			.require(performed || v.get("nonPerformanceReason") != null, "nonPerformanceReason", "validation.required")
			.throwIfInvalid();
		this.cases.update(id, "follow_up_evidence", v.get("evidence"), "follow_up_result", result,
				"non_performance_reason", performed ? null : v.get("nonPerformanceReason"));
		if (performed) {
			this.service.close(id, "PERFORMED");
		}
		else {
			this.cases.update(id, "stage", "LITIGATION");
		}
		return Map.of("result", result);
	}

	/** A submitted date, not in the future and not before {@code notBefore}. */
	private static LocalDate date(Map<String, Object> values, String field, LocalDate notBefore) {
		LocalDate date = LocalDate.parse(values.get(field).toString());
		new Validation().require(!date.isAfter(Now.today()), field, "validation.dateInFuture")
			.require(notBefore == null || !date.isBefore(notBefore), field, "pil.dateBeforePreviousStep")
			.throwIfInvalid();
		return date;
	}

	private static String summary(Map<String, Object> values) {
		Object first = values.getOrDefault(Decision.VARIABLE, values.getOrDefault("result", values.get("response")));
		return (first != null) ? first.toString() : null;
	}

}
