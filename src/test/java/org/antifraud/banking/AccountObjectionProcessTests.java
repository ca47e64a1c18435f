package org.antifraud.banking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;

import java.time.LocalDateTime;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.antifraud.ApplicationTestSupport;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;

/**
 * Paths of {@code AccountObjectionProcess.bpmn}: an objection upheld lifts the measure
 * and ends the account's process; one left unanswered is reminded and then escalated to
 * the regulator; one dismissed keeps the measure.
 */
class AccountObjectionProcessTests extends ApplicationTestSupport {

	static final String BANK = AccountRiskProcessTests.BANK;

	private String gradedAccount() throws Exception {
		String id = postJson(BANK, "/api/account-risk-signals",
				AccountRiskProcessTests.signal(cardNumber(), "I", "MONITORING_HIT"), 201)
			.path("accountId")
			.asText();
		runJobs();
		completeTask(BANK, id, "Task_ApplyMeasure", Map.of("customerNotified", true, "noticeChannel", "COUNTER"));
		runJobs();
		return id;
	}

	private String object(String accountId) throws Exception {
		return postJson(BANK, "/api/accounts/" + accountId + "/objections",
				Map.of("content", "本人账户仅用于工资收入，申请解除限制", "receivedOn", "2026-09-28"), 201)
			.path("id")
			.asText();
	}

	@Test
	void upheldObjectionLiftsTheMeasureAndEndsTheAccountProcess() throws Exception {
		String accountId = gradedAccount();
		ProcessInstance risk = processInstanceQuery().processInstanceBusinessKey(accountId).singleResult();
		String objection = object(accountId);
		JsonNode account = getJson(BANK, "/api/accounts/" + accountId);
		// 15 days from 2026-09-28 end on Tuesday 2026-10-13
		assertThat(account.path("objections").get(0).path("dueOn").asText()).isEqualTo("2026-10-13");
		completeTask(BANK, objection, "Task_AnswerObjection",
				Map.of("decision", "UPHELD", "answer", "经核实为本人正常使用，已解除限制"));
		JsonNode lifted = getJson(BANK, "/api/accounts/" + accountId);
		assertThat(lifted.path("appliedMeasure").asText()).isEqualTo("NONE");
		assertThat(lifted.path("objections").get(0).path("status").asText()).isEqualTo("UPHELD");
		BpmnAwareTests.assertThat(risk).isEnded().hasPassed("EndEvent_MeasureLifted");
	}

	@Test
	void unansweredObjectionIsRemindedThenEscalated() throws Exception {
		String accountId = gradedAccount();
		String objection = object(accountId);
		moveTo(LocalDateTime.of(2026, 10, 10, 9, 1));
		runJobs();
		assertThat(getJson(BANK, "/api/accounts/" + accountId).path("objections").get(0).path("remindedAt").asText())
			.isNotBlank();
		moveTo(LocalDateTime.of(2026, 10, 14, 0, 1));
		runJobs();
		assertThat(getJson(BANK, "/api/accounts/" + accountId).path("objections").get(0).path("escalatedAt").asText())
			.isNotBlank();
		eventually(() -> assertThat(getJson("regulator.pboc", "/api/notifications?size=200").path("items").toString())
			.contains("客户异议答复逾期"));
		// the task stays open: the bank must still answer
		completeTask(BANK, objection, "Task_AnswerObjection", Map.of("decision", "DISMISSED", "answer", "维持措施"));
		assertThat(getJson(BANK, "/api/accounts/" + accountId).path("appliedMeasure").asText()).isEqualTo("REVERIFY");
	}

	@Test
	void objectionsNeedAMeasureAndTheBank() throws Exception {
		String accountId = gradedAccount();
		postJson("police.laoshan", "/api/accounts/" + accountId + "/objections", Map.of("content", "x"), 404);
		JsonNode problem = postJson(BANK, "/api/accounts/" + accountId + "/objections",
				Map.of("content", " ", "receivedOn", "2026-10-30"), 400);
		assertThat(problem.path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("content", "receivedOn");
	}

}
