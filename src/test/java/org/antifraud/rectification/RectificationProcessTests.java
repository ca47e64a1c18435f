package org.antifraud.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.antifraud.ApplicationTestSupport;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;

/**
 * Every path of {@code RectificationProcess.bpmn}: accepted at once, returned then
 * accepted, overdue, extensions exhausted up to an interview, and a second failure after
 * an interview up to public notice, listed supervision and a referral to the
 * procuratorate.
 */
class RectificationProcessTests extends ApplicationTestSupport {

	static final String OFFICE = "office.city";

	static final String BANK = "bank.icbc";

	static String order(ApplicationTestSupport test, Integer cycle) throws Exception {
		Map<String, Object> body = new HashMap<>(Map.of("unitCode", "ICBC-QD", "problems", "涉诈账户排查不到位，开户审核流于形式",
				"requiredMeasures", "全面排查存量账户，落实开户尽职调查", "deadlineWorkingDays", 10));
		if (cycle != null) {
			body.put("reportCycleWorkingDays", cycle);
		}
		return test.postJson(OFFICE, "/api/rectifications", body, 201).path("id").asText();
	}

	private JsonNode view(String user, String id) throws Exception {
		return getJson(user, "/api/rectifications/" + id);
	}

	private ProcessInstance instance(String id) {
		return processInstanceQuery().processInstanceBusinessKey(id).singleResult();
	}

	private void report(String id) throws Exception {
		completeTask(BANK, id, "Task_SubmitFinalReport", Map.of("report", "已完成全部整改", "completed", "YES"));
	}

	private void reject(String id, Integer days) throws Exception {
		Map<String, Object> body = new HashMap<>(Map.of("decision", "REJECT", "opinion", "抽查发现仍有问题"));
		if (days != null) {
			body.put("extensionWorkingDays", days);
		}
		completeTask(OFFICE, id, "Task_VerifyRectification", body);
	}

	@Test
	void acceptedFirstTimeWithProgressReports() throws Exception {
		String id = order(this, 3);
		ProcessInstance instance = instance(id);
		JsonNode issued = view(BANK, id);
		// 10 working days from Monday 2026-09-28 across the National Day holiday and the
		// working Saturday
		assertThat(issued.path("deadline").asText()).isEqualTo("2026-10-16");
		assertThat(task(BANK, id, "Task_SubmitFinalReport")).isNotBlank();
		// first progress report three working days on: Sep 29, Sep 30, Oct 8
		moveTo(LocalDateTime.of(2026, 10, 8, 9, 1));
		runJobs();
		completeTask(BANK, id, "Task_SubmitProgressReport", Map.of("progress", "已排查存量账户六成"));
		report(id);
		completeTask(OFFICE, id, "Task_VerifyRectification", Map.of("decision", "ACCEPT"));
		BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_RectificationAccepted");
		JsonNode done = view(OFFICE, id);
		assertThat(done.path("status").asText()).isEqualTo("ACCEPTED");
		assertThat(done.path("reports").findValuesAsText("kind")).containsExactly("PROGRESS", "FINAL");
	}

	@Test
	void returnedThenAccepted() throws Exception {
		String id = order(this, null);
		report(id);
		postJson(OFFICE, "/api/tasks/" + task(OFFICE, id, "Task_VerifyRectification") + "/complete",
				Map.of("decision", "REJECT", "opinion", "仍有问题"), 400);
		reject(id, 5);
		JsonNode returned = view(BANK, id);
		assertThat(returned.path("extensions").asInt()).isEqualTo(1);
		// five working days: Sep 29, Sep 30, Oct 8, Oct 9 and the working Saturday Oct 10
		assertThat(returned.path("deadline").asText()).isEqualTo("2026-10-10");
		report(id);
		completeTask(OFFICE, id, "Task_VerifyRectification", Map.of("decision", "ACCEPT"));
		assertThat(view(OFFICE, id).path("status").asText()).isEqualTo("ACCEPTED");
	}

	@Test
	void extensionsExhaustedEscalateToAnInterview() throws Exception {
		String id = order(this, null);
		report(id);
		reject(id, 3);
		report(id);
		reject(id, 3);
		report(id);
		reject(id, null);
		BpmnAwareTests.assertThat(instance(id)).isWaitingAt("Task_ScheduleInterview");
		String interviewId = scheduleInterview(id);
		JsonNode escalated = view(OFFICE, id);
		assertThat(escalated.path("status").asText()).isEqualTo("ESCALATED");
		assertThat(escalated.path("escalation").asText()).isEqualTo("INTERVIEW");
		assertThat(getJson(BANK, "/api/interviews/" + interviewId).path("sourceOrderId").asText()).isEqualTo(id);
	}

	@Test
	void overdueRectificationEscalates() throws Exception {
		String id = order(this, 3);
		moveTo(LocalDateTime.of(2026, 10, 17, 0, 1));
		runJobs();
		JsonNode overdue = view(OFFICE, id);
		assertThat(overdue.path("status").asText()).isEqualTo("OVERDUE");
		BpmnAwareTests.assertThat(instance(id)).isWaitingAt("Task_ScheduleInterview");
		assertThat(getJson(BANK, "/api/tasks?size=200").path("items").findValuesAsText("caseId")).doesNotContain(id);
	}

	@Test
	void failingAgainAfterAnInterviewMeansPublicNoticeListingAndReferral() throws Exception {
		String id = order(this, null);
		moveTo(LocalDateTime.of(2026, 10, 17, 0, 1));
		runJobs();
		String interviewId = scheduleInterview(id);
		String second = AccountabilityInterviewProcessTests.holdInterview(this, interviewId);
		JsonNode followUp = view(BANK, second);
		assertThat(followUp.path("origin").asText()).isEqualTo("INTERVIEW");
		assertThat(followUp.path("requiredMeasures").asText()).contains("一个月内");
		report(second);
		reject(second, 3);
		report(second);
		reject(second, 3);
		report(second);
		reject(second, null);
		completeTask(OFFICE, second, "Task_DecidePublicNotice",
				Map.of("noticeText", "工商银行青岛分行整改不力，予以通报", "referToProcuratorate", "YES"));
		JsonNode notified = view(OFFICE, second);
		assertThat(notified.path("status").asText()).isEqualTo("PUBLICLY_NOTIFIED");
		assertThat(notified.path("listedSupervisionUntil").asText()).isEqualTo("2027-04-22");
		assertThat(documents(BANK, "rectification", second)).containsExactly("RECTIFICATION_NOTICE:ISSUED",
				"SUPERVISION_NOTICE:ISSUED");
		assertThat(getJson(OFFICE, "/api/interviews/" + interviewId).path("status").asText())
			.isEqualTo("RECTIFICATION_FAILED");
		JsonNode clue = getJson("procurator.city", "/api/pil-cases?organ=ICBC-QD&size=200").path("items")
			.findParents("id")
			.stream()
			.filter((c) -> getJsonQuietly(c.path("id").asText()).path("relatedCases")
				.toString()
				.contains(notified.path("caseNumber").asText()))
			.findFirst()
			.orElseThrow();
		assertThat(clue.path("stage").asText()).isEqualTo("CLUE");
	}

	private JsonNode getJsonQuietly(String pilId) {
		try {
			return getJson("procurator.city", "/api/pil-cases/" + pilId);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String scheduleInterview(String id) throws Exception {
		completeTask(OFFICE, id, "Task_ScheduleInterview", Map.of("principal", "行长 张某", "scheduledAt",
				"2026-10-22T09:30", "place", "市反诈联席办第一会议室", "officials", "联席办 林涛\n金融监管局 高远", "reason", "整改逾期未完成"));
		return getJson(OFFICE, "/api/interviews?size=200").path("items")
			.findParents("sourceOrderId")
			.stream()
			.filter((i) -> id.equals(i.path("sourceOrderId").asText()))
			.findFirst()
			.orElseThrow()
			.path("id")
			.asText();
	}

	@Test
	void dataScopes() throws Exception {
		String id = order(this, null);
		call("bank.qdb", get("/api/rectifications/" + id), 404);
		call("police.laoshan", get("/api/rectifications/" + id), 404);
		assertThat(view(BANK, id).path("unitCode").asText()).isEqualTo("ICBC-QD");
		assertThat(view("supervisor.city", id).path("caseNumber").asText()).startsWith("QD-JO-2026-RECT-");
		assertThat(getJson("bank.qdb", "/api/rectifications?size=200").path("items").findValuesAsText("id"))
			.doesNotContain(id);
		postJson(BANK, "/api/rectifications", Map.of(), 403);
		JsonNode problem = postJson("regulator.nfra", "/api/rectifications",
				Map.of("unitCode", "NOPE", "problems", "", "requiredMeasures", "x"), 400);
		assertThat(problem.path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("unitCode", "problems",
				"deadlineOn");
		List<String> deadlines = getJson("supervisor.city", "/api/supervision/deadlines?case=" + id).path("items")
			.findValuesAsText("taskKey");
		assertThat(deadlines).containsExactly("Task_SubmitFinalReport");
	}

}
