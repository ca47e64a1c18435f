package org.antifraud.discipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.antifraud.ApplicationTestSupport;
import org.antifraud.common.Now;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every path of {@code JointDisciplineProcess.bpmn} and
 * {@code DisciplineAppealProcess.bpmn}, driven through the API as the demo users, with
 * time moved on the engine clock.
 */
class JointDisciplineProcessTests extends ApplicationTestSupport {

	private ProcessInstance instance(String caseId) {
		return processInstanceQuery().processInstanceId(processInstance(caseId)).singleResult();
	}

	@Test
	void happyPath() throws Exception {
		String caseId = fileCase("POLICE_DETERMINED", residentId());
		BpmnAwareTests.assertThat(instance(caseId)).isWaitingAt("Task_ReviewDetermination");
		approveAndServe(caseId);
		ProcessInstance instance = instance(caseId);
		BpmnAwareTests.assertThat(instance).isWaitingAt("Task_AnswerExecutionOrder");
		JsonNode detail = detail("supervisor.city", caseId);
		assertThat(detail.path("status").asText()).isEqualTo("EXECUTING");
		assertThat(detail.path("termYears").asInt()).isEqualTo(2);
		assertThat(detail.path("termStart").asText()).isEqualTo("2026-09-28");
		assertThat(detail.path("termEnd").asText()).isEqualTo("2028-09-28");
		// every bank, payment institution and operator gets an order, due 3 working days
		// later
		// across the National Day holiday: Sep 29, Sep 30, Oct 8
		assertThat(detail.path("orders")).hasSize(14);
		assertThat(detail.path("orders").get(0).path("due").asText()).isEqualTo("2026-10-08");

		answerAll(caseId, "APPLIED");
		runJobs();
		assertThat(caseStatus(caseId)).isEqualTo("ACTIVE");
		BpmnAwareTests.assertThat(instance).isWaitingAt("Gateway_TermEvents");

		moveTo(LocalDateTime.of(2028, 9, 29, 0, 1));
		runJobs();
		assertThat(caseStatus(caseId)).isEqualTo("LIFTING");
		BpmnAwareTests.assertThat(instance).isWaitingAt("Task_ConfirmLifting");
		answerAll(caseId, "LIFTED");
		runJobs();
		BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_DisciplineClosed");
		JsonNode closed = detail("supervisor.city", caseId);
		assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
		assertThat(closed.path("liftReason").asText()).isEqualTo("EXPIRED");
		assertThat(closed.path("orders")).hasSize(28);
	}

	@Test
	void legalReviewReturnsForSupplement() throws Exception {
		String caseId = fileCase("POLICE_DETERMINED", residentId());
		completeTask("legal.laoshan", caseId, "Task_ReviewDetermination",
				Map.of("decision", "RETURN", "opinion", "证据不足，请补充银行流水"));
		assertThat(caseStatus(caseId)).isEqualTo("RETURNED");
		BpmnAwareTests.assertThat(instance(caseId)).isWaitingAt("Task_SupplementDetermination");
		completeTask("police.laoshan", caseId, "Task_SupplementDetermination",
				Map.of("basisSummary", "补充了三张银行卡的流水", "supplementNote", "已调取银行流水"));
		BpmnAwareTests.assertThat(instance(caseId)).isWaitingAt("Task_ReviewDetermination");
		JsonNode detail = detail("police.laoshan", caseId);
		assertThat(detail.path("status").asText()).isEqualTo("UNDER_REVIEW");
		assertThat(detail.path("basis").path("summary").asText()).isEqualTo("补充了三张银行卡的流水");
		assertThat(detail.path("lastOpinion").asText()).isEqualTo("证据不足，请补充银行流水");
	}

	@Test
	void returnWithoutOpinionIsRejected() throws Exception {
		String caseId = fileCase("POLICE_DETERMINED", residentId());
		JsonNode problem = postJson("legal.laoshan",
				"/api/tasks/" + task("legal.laoshan", caseId, "Task_ReviewDetermination") + "/complete",
				Map.of("decision", "RETURN"), 400);
		assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("opinion");
		BpmnAwareTests.assertThat(instance(caseId)).isWaitingAt("Task_ReviewDetermination");
	}

	@Test
	void leaderRejects() throws Exception {
		String caseId = fileCase("CRIMINAL", residentId());
		ProcessInstance instance = instance(caseId);
		completeTask("legal.laoshan", caseId, "Task_ReviewDetermination", Map.of("decision", "APPROVE"));
		completeTask("leader.city", caseId, "Task_ApproveDetermination",
				Map.of("decision", "REJECT", "opinion", "行为发生在法律施行前"));
		BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_DeterminationRejected");
		assertThat(caseStatus(caseId)).isEqualTo("REJECTED");
	}

	@Test
	void belowThresholdNeedsProvincialApproval() throws Exception {
		String caseId = fileCase("POLICE_DETERMINED", residentId(), 2, 1);
		completeTask("legal.laoshan", caseId, "Task_ReviewDetermination", Map.of("decision", "APPROVE"));
		assertThat(caseStatus(caseId)).isEqualTo("PROVINCIAL_REVIEW");
		BpmnAwareTests.assertThat(instance(caseId)).isWaitingAt("Task_ApproveBelowThreshold");
		completeTask("leader.province", caseId, "Task_ApproveBelowThreshold", Map.of("decision", "APPROVE"));
		BpmnAwareTests.assertThat(instance(caseId)).isWaitingAt("Task_ApproveDetermination");
		completeTask("leader.city", caseId, "Task_ApproveDetermination", Map.of("decision", "APPROVE"));
		runJobs();
		BpmnAwareTests.assertThat(instance(caseId)).isWaitingAt("Task_ServeNotice");
	}

	@Test
	void criminalCategoryAddsDishonestListAndThreeYears() throws Exception {
		String caseId = fileCase("CRIMINAL", residentId(), 1, 0);
		approveAndServe(caseId);
		JsonNode detail = detail("supervisor.city", caseId);
		assertThat(detail.path("termYears").asInt()).isEqualTo(3);
		assertThat(detail.path("dishonestList").asBoolean()).isTrue();
		assertThat(detail.path("measures").findValuesAsText("code")).contains("DISHONEST_LIST");
	}

	@Nested
	class ExecutionOrders {

		@Test
		void institutionAnswersNotAppliedWithReason() throws Exception {
			String caseId = fileCase("POLICE_DETERMINED", residentId());
			approveAndServe(caseId);
			String taskId = task("bank.qdb", caseId, "Task_AnswerExecutionOrder");
			JsonNode problem = postJson("bank.qdb", "/api/tasks/" + taskId + "/complete",
					Map.of("outcome", "NOT_APPLIED"), 400);
			assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("reason");
			complete("bank.qdb", taskId, Map.of("outcome", "NOT_APPLIED", "reason", "账户已于2026年8月销户"));
			JsonNode order = detail("bank.qdb", caseId).path("orders").get(0);
			assertThat(order.path("outcome").asText()).isEqualTo("NOT_APPLIED");
			assertThat(order.path("reason").asText()).isEqualTo("账户已于2026年8月销户");
			assertThat(order.path("answeredBy").asText()).isEqualTo("bank.qdb");
		}

		@Test
		void bankMissesDeadlineAndIsRemindedThenEscalated() throws Exception {
			String caseId = fileCase("POLICE_DETERMINED", residentId());
			approveAndServe(caseId);
			// due 2026-10-08; reminder one working day before: Sep 30, 09:00
			moveTo(LocalDateTime.of(2026, 9, 30, 9, 1));
			runJobs();
			JsonNode order = icbcOrder(caseId);
			assertThat(order.path("remindedAt").isMissingNode()).isFalse();
			assertThat(order.path("escalatedAt").isMissingNode()).isTrue();
			moveTo(LocalDateTime.of(2026, 10, 9, 0, 1));
			runJobs();
			order = icbcOrder(caseId);
			assertThat(order.path("escalatedAt").isMissingNode()).isFalse();
			assertThat(order.path("dueStatus").asText()).isEqualTo("RED");
			assertThat(getJson("office.city", "/api/discipline-cases/" + caseId).path("timeline")
				.findValuesAsText("action")).contains("ORDER_REMINDED", "ORDER_ESCALATED");
			// the late answer is still taken
			completeTask("bank.icbc", caseId, "Task_AnswerExecutionOrder",
					Map.of("outcome", "APPLIED", "affectedIdentifiers", "6222020200112233445"));
			assertThat(icbcOrder(caseId).path("status").asText()).isEqualTo("ANSWERED");
		}

		private JsonNode icbcOrder(String caseId) throws Exception {
			return detail("bank.icbc", caseId).path("orders").get(0);
		}

	}

	@Test
	void repeatListingIsCappedAtFiveYears() throws Exception {
		String idNumber = residentId();
		String first = fileCase("CRIMINAL", idNumber);
		approveAndServe(first);
		answerAll(first, "APPLIED");
		runJobs();
		assertThat(detail("supervisor.city", first).path("termEnd").asText()).isEqualTo("2029-09-28");

		moveTo(LocalDateTime.of(2029, 6, 4, 10, 0));
		String second = fileCase("CRIMINAL", idNumber);
		ProcessInstance secondInstance = instance(second);
		approveAndServe(second);
		BpmnAwareTests.assertThat(secondInstance).isEnded().hasPassed("EndEvent_MergedIntoActiveCase");
		JsonNode merged = detail("supervisor.city", second);
		assertThat(merged.path("status").asText()).isEqualTo("MERGED");
		assertThat(merged.path("extendedCaseId").asText()).isEqualTo(first);
		// 2029-06-04 + 3 years would be 2032-06-04; continuous discipline stops at five
		// years
		JsonNode extended = detail("supervisor.city", first);
		assertThat(extended.path("termEnd").asText()).isEqualTo("2031-09-28");
		Job timer = this.engine.getManagementService()
			.createJobQuery()
			.processInstanceId(processInstance(first))
			.timers()
			.singleResult();
		assertThat(timer.getDuedate().toInstant())
			.isEqualTo(LocalDate.of(2031, 9, 29).atStartOfDay(Now.ZONE).toInstant());
	}

}
