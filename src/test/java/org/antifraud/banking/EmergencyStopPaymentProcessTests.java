package org.antifraud.banking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.antifraud.ApplicationTestSupport;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;

/**
 * Paths of {@code EmergencyStopPaymentProcess.bpmn}: matched and stopped at once, refused
 * on a mismatch, lapsing after 48 hours, renewed once and refused a third time, frozen,
 * and the bank's inbox putting stop-payments first.
 */
class EmergencyStopPaymentProcessTests extends ApplicationTestSupport {

	static final String POLICE = "police.laoshan";

	static final String BANK = "bank.icbc";

	static final Map<String, Object> MATCHED = Map.of("nameMatches", true, "accountMatches", true, "amountMatches",
			true, "timeMatches", true, "stoppedAmount", 48000);

	public static String send(ApplicationTestSupport test) throws Exception {
		Map<String, Object> body = new HashMap<>(Map.of("institutionCode", "ICBC-QD", "victimCase",
				"崂山分局 A3702120000002026090001 刷单返利诈骗案", "accountNumber", cardNumber(), "holderName", "赵六", "amount",
				"50000.00", "transactionAt", "2026-09-28T09:12"));
		return test.postJson(POLICE, "/api/stop-payments", body, 201).path("id").asText();
	}

	private JsonNode view(String user, String id) throws Exception {
		return getJson(user, "/api/stop-payments/" + id);
	}

	@Test
	void matchedInstructionIsStoppedAtOnceAndLapsesAfter48Hours() throws Exception {
		String id = send(this);
		ProcessInstance instance = processInstanceQuery().processInstanceBusinessKey(id).singleResult();
		// the bank's inbox puts the stop-payment first, due within minutes
		JsonNode first = getJson(BANK, "/api/tasks?size=1").path("items").get(0);
		assertThat(first.path("caseId").asText()).isEqualTo(id);
		assertThat(first.path("dueAt").asText()).isEqualTo("2026-09-28T02:30:00Z");
		moveTo(LocalDateTime.of(2026, 9, 28, 10, 7));
		completeTask(BANK, id, "Task_ExecuteStopPayment", MATCHED);
		JsonNode stopped = view(POLICE, id);
		assertThat(stopped.path("status").asText()).isEqualTo("STOPPED");
		assertThat(stopped.path("stoppedAt").asText()).isEqualTo("2026-09-28T02:07:00Z");
		assertThat(stopped.path("expiresAt").asText()).isEqualTo("2026-09-30T02:07:00Z");
		eventually(() -> assertThat(getJson(POLICE, "/api/notifications?size=200").path("items").toString())
			.contains(stopped.path("caseNumber").asText() + "已执行"));
		moveTo(LocalDateTime.of(2026, 9, 30, 10, 6));
		runJobs();
		assertThat(view(POLICE, id).path("status").asText()).isEqualTo("STOPPED");
		moveTo(LocalDateTime.of(2026, 9, 30, 10, 8));
		runJobs();
		assertThat(view(BANK, id).path("status").asText()).isEqualTo("LAPSED");
		BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_StopLapsed");
	}

	@Test
	void mismatchIsRefusedWithTheMismatch() throws Exception {
		String id = send(this);
		String task = task(BANK, id, "Task_ExecuteStopPayment");
		Map<String, Object> mismatch = Map.of("nameMatches", false, "accountMatches", true, "amountMatches", true,
				"timeMatches", false);
		JsonNode problem = postJson(BANK, "/api/tasks/" + task + "/complete", mismatch, 400);
		assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("note");
		Map<String, Object> withNote = new HashMap<>(mismatch);
		withNote.put("note", "户名为赵陆，交易时间为09:21");
		complete(BANK, task, withNote);
		JsonNode refused = view(POLICE, id);
		assertThat(refused.path("status").asText()).isEqualTo("REFUSED");
		assertThat(refused.path("mismatch").asText()).isEqualTo("NAME,TIME");
		assertThat(refused.path("stops").asInt()).isZero();
	}

	@Test
	void renewedOnceThenRefusedAThirdTimeAndFrozen() throws Exception {
		String id = send(this);
		completeTask(BANK, id, "Task_ExecuteStopPayment", MATCHED);
		postJson(POLICE, "/api/stop-payments/" + id + "/renewal", Map.of(), 200);
		assertThat(view(POLICE, id).path("status").asText()).isEqualTo("RENEWAL_REQUESTED");
		completeTask(BANK, id, "Task_ExecuteStopPayment", MATCHED);
		JsonNode renewed = view(POLICE, id);
		assertThat(renewed.path("stops").asInt()).isEqualTo(2);
		// the second stop follows on from the first: 96 hours in all
		assertThat(renewed.path("expiresAt").asText()).isEqualTo("2026-10-02T02:00:00Z");
		JsonNode third = postJson(POLICE, "/api/stop-payments/" + id + "/renewal", Map.of(), 409);
		assertThat(third.path("detail").asText()).contains("最多2次");
		assertThat(documents(BANK, "stop-payment", id)).containsExactly("STOP_PAYMENT_INSTRUCTION:ISSUED",
				"STOP_PAYMENT_INSTRUCTION:ISSUED");
		postJson("police.shinan", "/api/stop-payments/" + id + "/freeze", Map.of("reference", "x"), 404);
		postJson(POLICE, "/api/stop-payments/" + id + "/freeze", Map.of("reference", "青公崂冻字〔2026〕第18号"), 200);
		assertThat(view(BANK, id).path("status").asText()).isEqualTo("FROZEN");
		assertThat(processInstanceQuery().processInstanceBusinessKey(id).count()).isZero();
	}

	@Test
	void slowBankIsChasedAndOnlyTheInvolvedSeeTheInstruction() throws Exception {
		String id = send(this);
		moveTo(LocalDateTime.of(2026, 9, 28, 10, 31));
		runJobs();
		assertThat(view(POLICE, id).path("timeline").findValuesAsText("action")).contains("STOP_PAYMENT_OVERDUE");
		call("bank.qdb", get("/api/stop-payments/" + id), 404);
		call("police.shinan", get("/api/stop-payments/" + id), 404);
		assertThat(getJson("bank.qdb", "/api/stop-payments?size=200").path("items").findValuesAsText("id"))
			.doesNotContain(id);
		postJson(BANK, "/api/stop-payments", Map.of(), 403);
		JsonNode problem = postJson(POLICE, "/api/stop-payments", Map.of("institutionCode", "ICBC-QD", "accountNumber",
				"123", "amount", -5, "transactionAt", "2027-01-01T00:00"), 400);
		assertThat(problem.path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("victimCase",
				"accountNumber", "holderName", "amount", "transactionAt");
	}

}
