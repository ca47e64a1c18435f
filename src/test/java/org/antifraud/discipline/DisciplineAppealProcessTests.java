package org.antifraud.discipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.antifraud.ApplicationTestSupport;
import org.antifraud.common.Now;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;

/**
 * Every path of {@code DisciplineAppealProcess.bpmn}: an appeal at any time during the
 * term, accepted or not, upheld or lifting the discipline at once.
 */
class DisciplineAppealProcessTests extends ApplicationTestSupport {

	@Test
	void appealUpheldKeepsTheTerm() throws Exception {
		String caseId = activeCase();
		hearAppeal(caseId, "出租银行卡事实清楚", "UPHOLD", "认定事实清楚，维持惩戒");
		assertThat(caseStatus(caseId)).isEqualTo("ACTIVE");
		BpmnAwareTests.assertThat(instance(caseId)).isWaitingAt("Gateway_TermEvents");
		assertThat(detail("police.laoshan", caseId).path("appeals").get(0).path("status").asText()).isEqualTo("UPHELD");
	}

	@Test
	void appealLiftsAtOnce() throws Exception {
		String caseId = activeCase();
		hearAppeal(caseId, "系被他人冒用身份开卡", "LIFT", "申诉成立");
		JsonNode detail = detail("supervisor.city", caseId);
		assertThat(detail.path("status").asText()).isEqualTo("LIFTING");
		assertThat(detail.path("liftReason").asText()).isEqualTo("APPEAL");
		BpmnAwareTests.assertThat(instance(caseId)).isWaitingAt("Task_ConfirmLifting");
		// lifting orders go out the same day, to the same institutions
		assertThat(detail.path("orders").findValuesAsText("kind")).contains("LIFTING");
		answerAll(caseId, "LIFTED");
		runJobs();
		assertThat(caseStatus(caseId)).isEqualTo("CLOSED");
	}

	@Test
	void appealNotAcceptedNeedsAnOpinion() throws Exception {
		String caseId = activeCase();
		fileAppeal(caseId);
		postJson("police.laoshan", "/api/tasks/" + task("police.laoshan", caseId, "Task_AcceptAppeal") + "/complete",
				Map.of("decision", "NOT_ACCEPT"), 400);
		completeTask("police.laoshan", caseId, "Task_AcceptAppeal",
				Map.of("decision", "NOT_ACCEPT", "opinion", "申诉人未提供新的事实和理由"));
		assertThat(caseStatus(caseId)).isEqualTo("ACTIVE");
	}

	@Test
	void secondAppealWhileOneIsOpenConflicts() throws Exception {
		String caseId = activeCase();
		fileAppeal(caseId);
		postJson("police.laoshan", "/api/discipline-cases/" + caseId + "/appeals",
				Map.of("appellant", "张三", "grounds", "再次申诉"), 409);
	}

	private void fileAppeal(String caseId) throws Exception {
		JsonNode appeal = postJson("police.laoshan", "/api/discipline-cases/" + caseId + "/appeals",
				Map.of("appellant", "张三", "grounds", "银行卡系被他人冒用开立", "receivedOn", Now.today().toString()), 201);
		assertThat(appeal.path("acceptDue").asText()).isEqualTo("2026-10-08");
	}

	/** Files, accepts, verifies and decides an appeal, then runs the jobs that follow. */
	private void hearAppeal(String caseId, String findings, String decision, String opinion) throws Exception {
		fileAppeal(caseId);
		completeTask("police.laoshan", caseId, "Task_AcceptAppeal", Map.of("decision", "ACCEPT"));
		completeTask("legal.laoshan", caseId, "Task_VerifyAppeal",
				Map.of("findings", findings, "recommendation", decision));
		completeTask("leader.city", caseId, "Task_DecideAppeal", Map.of("decision", decision, "opinion", opinion));
		runJobs();
	}

	private ProcessInstance instance(String caseId) {
		return processInstanceQuery().processInstanceId(processInstance(caseId)).singleResult();
	}

	private String activeCase() throws Exception {
		String caseId = fileCase("POLICE_DETERMINED", residentId());
		approveAndServe(caseId);
		answerAll(caseId, "APPLIED");
		runJobs();
		assertThat(caseStatus(caseId)).isEqualTo("ACTIVE");
		return caseId;
	}

}
