package org.antifraud.telecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDateTime;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.antifraud.ApplicationTestSupport;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;

/**
 * Paths of {@code CardVerificationProcess.bpmn}: verified in time; not verified within 24
 * hours, suspended, then restored after the holder verifies; failed, objection dismissed;
 * and the card-count check.
 */
class CardVerificationProcessTests extends ApplicationTestSupport {

	static final String OPERATOR = "telecom.cmcc";

	public static String flag(ApplicationTestSupport test, String user, String phone, String holderId)
			throws Exception {
		return test
			.postJson(user, "/api/card-verifications", Map.of("operatorCode", "CMCC-QD", "phone", phone, "holderName",
					"孙七", "holderIdNumber", holderId, "reason", "FRAUD_LINKED", "detail", "关联电诈案件2起"), 201)
			.path("id")
			.asText();
	}

	private JsonNode view(String user, String id) throws Exception {
		return getJson(user, "/api/card-verifications/" + id);
	}

	@Test
	void verifiedInTime() throws Exception {
		String id = flag(this, "police.laoshan", phone(), residentId());
		assertThat(view(OPERATOR, id).path("dueAt").asText()).isEqualTo("2026-09-29T02:00:00Z");
		completeTask(OPERATOR, id, "Task_VerifyCardHolder", Map.of("outcome", "PASSED", "method", "ONLINE_FACE"));
		JsonNode done = view("police.laoshan", id);
		assertThat(done.path("status").asText()).isEqualTo("VERIFIED");
		assertThat(done.path("cardStatus").asText()).isEqualTo("ACTIVE");
		assertThat(documents("police.laoshan", "card-verification", id))
			.containsExactly("CARD_VERIFICATION_NOTICE:ISSUED");
	}

	@Test
	void notVerifiedIn24HoursIsSuspendedThenRestored() throws Exception {
		String id = flag(this, "office.city", phone(), residentId());
		ProcessInstance instance = processInstanceQuery().processInstanceBusinessKey(id).singleResult();
		moveTo(LocalDateTime.of(2026, 9, 29, 9, 59));
		runJobs();
		assertThat(view(OPERATOR, id).path("status").asText()).isEqualTo("PENDING");
		moveTo(LocalDateTime.of(2026, 9, 29, 10, 1));
		runJobs();
		JsonNode suspended = view(OPERATOR, id);
		assertThat(suspended.path("status").asText()).isEqualTo("SUSPENDED");
		assertThat(suspended.path("cardStatus").asText()).isEqualTo("SUSPENDED");
		postJson("telecom.unicom", "/api/card-verifications/" + id + "/holder-verified", Map.of(), 404);
		postJson(OPERATOR, "/api/card-verifications/" + id + "/holder-verified", Map.of(), 200);
		runJobs();
		JsonNode restored = view("office.city", id);
		assertThat(restored.path("status").asText()).isEqualTo("RESTORED");
		assertThat(restored.path("cardStatus").asText()).isEqualTo("ACTIVE");
		assertThat(restored.path("timeline").findValuesAsText("action")).contains("CARD_FLAGGED", "CARD_SUSPENDED",
				"CARD_HOLDER_VERIFIED", "CARD_RESTORED");
		BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_CardRestored");
	}

	@Test
	void failedVerificationAndDismissedObjectionKeepTheCardSuspended() throws Exception {
		String phone = phone();
		String id = flag(this, OPERATOR, phone, residentId());
		// flagged by the operator itself: found by its number, by the operator only
		eventually(() -> assertThat(getJson(OPERATOR, "/api/search?q=" + phone).path("items").findValuesAsText("id"))
			.containsExactly(id));
		assertThat(getJson("telecom.unicom", "/api/search?q=" + phone).path("total").asLong()).isZero();
		completeTask(OPERATOR, id, "Task_VerifyCardHolder", Map.of("outcome", "FAILED", "method", "STORE"));
		runJobs();
		postJson(OPERATOR, "/api/card-verifications/" + id + "/objection", Map.of("content", "本人一直在用，拨打96110申诉"), 200);
		completeTask(OPERATOR, id, "Task_ReviewCardObjection", Map.of("decision", "DISMISSED", "opinion", "人证不一致"));
		JsonNode kept = view(OPERATOR, id);
		assertThat(kept.path("status").asText()).isEqualTo("KEPT_SUSPENDED");
		assertThat(kept.path("objectionAnswer").asText()).isEqualTo("人证不一致");
		postJson(OPERATOR, "/api/card-verifications/" + id + "/objection", Map.of("content", "再次申诉"), 409);
	}

	@Test
	void sixthCardAtOneOperatorIsRefusedAndReported() throws Exception {
		String holder = residentId();
		for (int i = 0; i < 5; i++) {
			postJson(OPERATOR, "/api/phone-cards",
					Map.of("phone", phone(), "holderName", "周八", "holderIdNumber", holder), 201);
		}
		JsonNode refused = postJson(OPERATOR, "/api/phone-cards",
				Map.of("phone", phone(), "holderName", "周八", "holderIdNumber", holder), 409);
		assertThat(refused.path("detail").asText()).contains("5张");
		assertThat(this.jdbc.sql("select count(*) from card_refusal where holder_id_number = ?")
			.param(holder)
			.query(Long.class)
			.single()).isEqualTo(1);
		// another operator is a separate count
		postJson("telecom.unicom", "/api/phone-cards",
				Map.of("phone", phone(), "holderName", "周八", "holderIdNumber", holder), 201);
		eventually(() -> assertThat(getJson("leader.city", "/api/notifications?size=200").path("items").toString())
			.contains("超量办卡已拒绝"));
	}

	@Test
	void scopesAndBadInput() throws Exception {
		String id = flag(this, "police.laoshan", phone(), residentId());
		call("telecom.unicom", get("/api/card-verifications/" + id), 404);
		call("police.shinan", get("/api/card-verifications/" + id), 404);
		assertThat(view("supervisor.city", id).path("phone").asText()).contains("****");
		postJson("bank.icbc", "/api/card-verifications", Map.of(), 403);
		JsonNode problem = postJson("police.laoshan", "/api/card-verifications", Map.of("operatorCode", "ICBC-QD",
				"phone", "12345", "holderName", "", "holderIdNumber", "370212199001011235", "reason", "BORED"), 400);
		assertThat(problem.path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("operatorCode", "phone",
				"holderName", "holderIdNumber", "reason");
	}

}
