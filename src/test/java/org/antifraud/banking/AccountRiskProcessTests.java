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
 * Paths of {@code AccountRiskProcess.bpmn}: a grade and its measure applied, a passed
 * re-verification lifting the measure at once, a failed or missed one raising the grade,
 * a police case account, new signals while under measure, and the periodic review.
 */
class AccountRiskProcessTests extends ApplicationTestSupport {

	static final String BANK = "bank.icbc";

	static Map<String, Object> signal(String account, String accountClass, String kind) {
		return new HashMap<>(Map.of("institutionCode", "ICBC-QD", "accountNumber", account, "accountClass",
				accountClass, "holderName", "李四", "holderIdNumber", HOLDER, "kind", kind, "detail", "短时间内大额分散转入集中转出"));
	}

	JsonNode send(String user, String account, String accountClass, String kind) throws Exception {
		return postJson(user, "/api/account-risk-signals", signal(account, accountClass, kind), 201);
	}

	static final String HOLDER = residentId();

	private JsonNode account(String user, String id) throws Exception {
		return getJson(user, "/api/accounts/" + id);
	}

	private ProcessInstance instance(String accountId) {
		return processInstanceQuery().processDefinitionKey(AccountRiskProcess.KEY)
			.processInstanceBusinessKey(accountId)
			.singleResult();
	}

	private void apply(String id) throws Exception {
		completeTask(BANK, id, "Task_ApplyMeasure", Map.of("customerNotified", true, "noticeChannel", "SMS"));
		runJobs();
	}

	@Test
	void measureAppliedThenPassedVerificationLiftsItAtOnce() throws Exception {
		String number = cardNumber();
		String id = send(BANK, number, "I", "MONITORING_HIT").path("accountId").asText();
		ProcessInstance instance = instance(id);
		JsonNode second = send(BANK, number, "I", "MONITORING_HIT");
		assertThat(second.path("grade").asText()).isEqualTo("MEDIUM");
		assertThat(second.path("measure").asText()).isEqualTo("SUSPEND_NON_COUNTER");
		runJobs();
		String applyTask = task(BANK, id, "Task_ApplyMeasure");
		JsonNode problem = postJson(BANK, "/api/tasks/" + applyTask + "/complete", Map.of("noticeChannel", "SMS"), 400);
		assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("customerNotified");
		apply(id);
		JsonNode applied = account(BANK, id);
		assertThat(applied.path("appliedMeasure").asText()).isEqualTo("SUSPEND_NON_COUNTER");
		assertThat(applied.path("verification").asText()).isEqualTo("PENDING");
		assertThat(applied.path("basicServicesAllowed").asText()).contains("社会保险");
		assertThat(applied.path("history").findValuesAsText("note").toString()).contains("保留税费缴纳");
		// the customer's notice (Law Art. 32) is on file for the bank alone
		assertThat(documents(BANK, "account", id)).containsExactly("CUSTOMER_RISK_NOTICE:ISSUED");
		assertThat(documents("police.laoshan", "account", id)).isEmpty();
		completeTask(BANK, id, "Task_ReverifyCustomer", Map.of("outcome", "PASSED", "method", "COUNTER"));
		// lifted in the same transaction as the verification, before any job runs
		JsonNode lifted = account(BANK, id);
		assertThat(lifted.path("measure").asText()).isEqualTo("NONE");
		assertThat(lifted.path("appliedMeasure").asText()).isEqualTo("NONE");
		assertThat(lifted.path("history").findValuesAsText("event")).contains("VERIFIED", "LIFTED");
		runJobs();
		BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_NoMeasure");
	}

	@Test
	void failedVerificationRaisesTheGradeAndKeepsTheMeasure() throws Exception {
		String id = send(BANK, cardNumber(), "II", "MONITORING_HIT").path("accountId").asText();
		runJobs();
		assertThat(account(BANK, id).path("measure").asText()).isEqualTo("REVERIFY");
		apply(id);
		completeTask(BANK, id, "Task_ReverifyCustomer", Map.of("outcome", "FAILED", "method", "VIDEO"));
		JsonNode raised = account(BANK, id);
		assertThat(raised.path("grade").asText()).isEqualTo("HIGH");
		assertThat(raised.path("measure").asText()).isEqualTo("NO_RECEIVE_NO_PAY");
		runJobs();
		apply(id);
		BpmnAwareTests.assertThat(instance(id)).isWaitingAt("Gateway_UnderMeasure");
		assertThat(account(BANK, id).path("appliedMeasure").asText()).isEqualTo("NO_RECEIVE_NO_PAY");
	}

	@Test
	void verificationNotDoneInTimeRaisesTheGrade() throws Exception {
		String id = send(BANK, cardNumber(), "I", "COMPLAINT").path("accountId").asText();
		runJobs();
		apply(id);
		String due = account(BANK, id).path("verificationDueAt").asText();
		assertThat(due).isNotBlank();
		// ten working days from Monday 2026-09-28 across the National Day holiday
		moveTo(LocalDateTime.of(2026, 10, 17, 0, 1));
		runJobs();
		JsonNode expired = account(BANK, id);
		assertThat(expired.path("verification").asText()).isEqualTo("EXPIRED");
		assertThat(expired.path("grade").asText()).isEqualTo("HIGH");
		assertThat(expired.path("measure").asText()).isEqualTo("RECEIVE_ONLY");
		assertThat(task(BANK, id, "Task_ApplyMeasure")).isNotBlank();
	}

	@Test
	void policeCaseAccountIsSuspendedAndCannotBeLiftedByTheBank() throws Exception {
		String number = cardNumber();
		JsonNode sent = send("police.laoshan", number, "II", "CASE_ACCOUNT");
		String id = sent.path("accountId").asText();
		assertThat(sent.path("measure").asText()).isEqualTo("SUSPEND_ALL");
		runJobs();
		apply(id);
		BpmnAwareTests.assertThat(instance(id)).isWaitingAt("Gateway_UnderMeasure");
		// the periodic review three months on
		moveTo(LocalDateTime.of(2026, 12, 28, 9, 1));
		runJobs();
		String review = task(BANK, id, "Task_ReviewAccount");
		JsonNode refused = postJson(BANK, "/api/tasks/" + review + "/complete",
				Map.of("decision", "LIFT", "opinion", "客户称已不再使用"), 400);
		assertThat(refused.path("errors").findValuesAsText("field")).containsExactly("decision");
		complete(BANK, review, Map.of("decision", "KEEP", "opinion", "涉案账户，维持"));
		runJobs();
		BpmnAwareTests.assertThat(instance(id)).isWaitingAt("Gateway_UnderMeasure");
		// the police sender and the bank see it; other banks and branches do not
		assertThat(account("police.laoshan", id).path("holderIdNumber").asText()).isEqualTo(HOLDER);
		assertThat(account("supervisor.city", id).path("holderIdNumber").asText()).contains("****");
		call("bank.qdb", get("/api/accounts/" + id), 404);
		call("police.shinan", get("/api/accounts/" + id), 404);
		assertThat(getJson("bank.qdb", "/api/accounts?size=200").path("items").findValuesAsText("id"))
			.doesNotContain(id);
		assertThat(getJson("police.laoshan", "/api/accounts?size=200").path("items").findValuesAsText("id"))
			.contains(id);
	}

	@Test
	void newSignalWhileUnderMeasureGradesAgainAndReviewLifts() throws Exception {
		String number = cardNumber();
		String id = send(BANK, number, "I", "MONITORING_HIT").path("accountId").asText();
		ProcessInstance instance = instance(id);
		runJobs();
		apply(id);
		completeTask(BANK, id, "Task_ReverifyCustomer", Map.of("outcome", "FAILED", "method", "COUNTER"));
		runJobs();
		apply(id);
		BpmnAwareTests.assertThat(instance(id)).isWaitingAt("Gateway_UnderMeasure");
		send("police.laoshan", number, "I", "COMPLAINT");
		BpmnAwareTests.assertThat(instance(id)).hasPassed("MessageEvent_NewSignal");
		runJobs();
		moveTo(LocalDateTime.of(2026, 12, 28, 9, 1));
		runJobs();
		completeTask(BANK, id, "Task_ReviewAccount", Map.of("decision", "LIFT", "opinion", "复评未见异常交易"));
		assertThat(account(BANK, id).path("appliedMeasure").asText()).isEqualTo("NONE");
		runJobs();
		BpmnAwareTests.assertThat(instance).isEnded();
	}

	@Test
	void badSignalsAreRefusedFieldByField() throws Exception {
		Map<String, Object> body = signal("6222020200112233445", "IV", "MONITORING_HIT");
		body.put("holderIdNumber", "370212199001011235");
		body.put("institutionCode", "QDB");
		JsonNode problem = postJson(BANK, "/api/account-risk-signals", body, 400);
		assertThat(problem.path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("institutionCode",
				"accountNumber", "accountClass", "holderIdNumber");
		assertThat(problem.path("errors").findValuesAsText("message").toString()).contains("Luhn", "校验码");
		JsonNode byPolice = postJson("police.laoshan", "/api/account-risk-signals",
				signal(cardNumber(), "I", "MONITORING_HIT"), 400);
		assertThat(byPolice.path("errors").findValuesAsText("field")).containsExactly("kind");
		postJson("procurator.city", "/api/account-risk-signals", signal(cardNumber(), "I", "COMPLAINT"), 403);
		assertThat(this.jdbc.sql("select count(*) from bank_account where account_number = '6222020200112233445'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anAppliedDisciplineOrderGradesTheNamedAccountsUntilTheDisciplineIsLifted() throws Exception {
		String caseId = fileCase("POLICE_DETERMINED", residentId());
		approveAndServe(caseId);
		String number = cardNumber();
		String orderTask = detail("supervisor.city", caseId).path("orders")
			.findParents("institutionCode")
			.stream()
			.filter((order) -> "ICBC-QD".equals(order.path("institutionCode").asText()))
			.findFirst()
			.orElseThrow()
			.path("taskId")
			.asText();
		complete(BANK, orderTask, Map.of("outcome", "APPLIED", "affectedIdentifiers", number + "\n13900139000"));
		eventually(() -> assertThat(
				getJson(BANK, "/api/accounts?size=200").path("items").findValuesAsText("accountNumber"))
			.contains(number));
		JsonNode account = getJson(BANK, "/api/accounts?size=200").path("items")
			.findParents("accountNumber")
			.stream()
			.filter((a) -> number.equals(a.path("accountNumber").asText()))
			.findFirst()
			.orElseThrow();
		assertThat(account.path("grade").asText()).isEqualTo("HIGH");
		assertThat(account.path("measure").asText()).isEqualTo("SUSPEND_NON_COUNTER");
		assertThat(account.path("signals").findValuesAsText("reference")).containsExactly(caseId);
	}

}
