package org.antifraud.discipline.internal;

import static org.antifraud.discipline.JointDisciplineProcess.TASK_ANSWER_ORDER;
import static org.antifraud.discipline.JointDisciplineProcess.TASK_APPROVE;
import static org.antifraud.discipline.JointDisciplineProcess.TASK_APPROVE_BELOW_THRESHOLD;
import static org.antifraud.discipline.JointDisciplineProcess.TASK_CONFIRM_LIFTING;
import static org.antifraud.discipline.JointDisciplineProcess.TASK_REVIEW;
import static org.antifraud.discipline.JointDisciplineProcess.TASK_SERVE_NOTICE;
import static org.antifraud.discipline.JointDisciplineProcess.TASK_SUPPLEMENT;

import java.time.LocalDate;
import java.util.Map;

import org.antifraud.audit.AuditTrail;
import org.antifraud.common.Now;
import org.antifraud.common.Validation;
import org.antifraud.discipline.CaseStatus;
import org.antifraud.discipline.JointDisciplineProcess;
import org.antifraud.security.Actor;
import org.antifraud.workflow.Decision;
import org.antifraud.workflow.ProcessTaskHandler;
import org.antifraud.workflow.TaskRef;

import org.springframework.stereotype.Component;

/**
 * Completes the user tasks of the joint-discipline process: review decisions,
 * supplements, the served notice and the institutions' answers.
 */
@Component
class DisciplineTaskHandler extends ProcessTaskHandler {

	private final DisciplineRepository cases;

	private final OrderService orders;

	private final AuditTrail audit;

	DisciplineTaskHandler(DisciplineRepository cases, OrderService orders, AuditTrail audit) {
		super(JointDisciplineProcess.KEY, TASK_REVIEW, TASK_SUPPLEMENT, TASK_APPROVE_BELOW_THRESHOLD, TASK_APPROVE,
				TASK_SERVE_NOTICE, TASK_ANSWER_ORDER, TASK_CONFIRM_LIFTING);
		this.cases = cases;
		this.orders = orders;
		this.audit = audit;
	}

	@Override
	public Map<String, Object> complete(TaskRef task, Map<String, Object> values, Actor actor) {
		String caseId = task.caseId();
		return switch (task.taskKey()) {
			case TASK_REVIEW -> review(caseId, "LEGAL_REVIEW", values, actor, CaseStatus.AWAITING_APPROVAL);
			case TASK_APPROVE_BELOW_THRESHOLD ->
				review(caseId, "PROVINCIAL_APPROVAL", values, actor, CaseStatus.AWAITING_APPROVAL);
			case TASK_APPROVE -> review(caseId, "APPROVAL", values, actor, CaseStatus.AWAITING_APPROVAL);
			case TASK_SUPPLEMENT -> supplement(caseId, values, actor);
			case TASK_SERVE_NOTICE -> serveNotice(caseId, values);
			default -> {
				this.orders.answer(task.itemId(), values, actor);
				yield Map.of();
			}
		};
	}

	private Map<String, Object> review(String caseId, String step, Map<String, Object> values, Actor actor,
			CaseStatus approvedStatus) {
		Decision decision = Decision.from(values);
		String opinion = (String) values.get("opinion");
		DisciplineCase c = this.cases.lock(caseId);
		CaseStatus next = switch (decision) {
			case APPROVE ->
				(step.equals("LEGAL_REVIEW") && c.belowThreshold()) ? CaseStatus.PROVINCIAL_REVIEW : approvedStatus;
			case RETURN -> CaseStatus.RETURNED;
			case REJECT -> CaseStatus.REJECTED;
		};
		this.cases.review(caseId, step, decision.name(), opinion, actor.username(), actor.agencyCode(), Now.instant());
		if (next == CaseStatus.REJECTED) {
			this.cases.closed(caseId, next, Now.instant());
		}
		else {
			this.cases.status(caseId, next);
		}
		if (opinion != null) {
			this.cases.opinion(caseId, opinion);
		}
		this.audit.record(step + "_" + decision, DisciplineService.ENTITY, caseId, caseId, opinion);
		return Map.of(Decision.VARIABLE, decision.name());
	}

	private Map<String, Object> supplement(String caseId, Map<String, Object> values, Actor actor) {
		this.cases.lock(caseId);
		this.cases.supplement(caseId, (String) values.get("basisSummary"));
		this.cases.review(caseId, "SUPPLEMENT", "SUPPLEMENTED", (String) values.get("supplementNote"), actor.username(),
				actor.agencyCode(), Now.instant());
		this.audit.record("CASE_SUPPLEMENTED", DisciplineService.ENTITY, caseId, caseId,
				(String) values.get("supplementNote"));
		return Map.of();
	}

	private Map<String, Object> serveNotice(String caseId, Map<String, Object> values) {
		DisciplineCase c = this.cases.lock(caseId);
		LocalDate servedOn = LocalDate.parse(values.get("servedOn").toString());
		LocalDate approvedOn = c.approvedAt().atZone(Now.ZONE).toLocalDate();
		new Validation().require(!servedOn.isAfter(Now.today()), "servedOn", "validation.dateInFuture")
			.require(!servedOn.isBefore(approvedOn), "servedOn", "discipline.servedBeforeApproval")
			.throwIfInvalid();
		this.cases.notice(caseId, c.noticeNumber(), servedOn);
		this.audit.record("NOTICE_SERVED", DisciplineService.ENTITY, caseId, caseId,
				c.noticeNumber() + "，" + servedOn + "，" + values.get("serviceMethod"));
		return Map.of();
	}

}
