package org.antifraud.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.antifraud.ApplicationTestSupport;
import org.junit.jupiter.api.Test;

/**
 * Every path of {@code AccountabilityInterviewProcess.bpmn}: held with commitments that
 * become an order, rescheduled at the unit's request, and a no-show escalated to listed
 * supervision.
 */
class AccountabilityInterviewProcessTests extends ApplicationTestSupport {

	private static final String OFFICE = "office.city";

	private String schedule(String at) throws Exception {
		return postJson(OFFICE, "/api/interviews", Map.of("unitCode", "QDB", "principal", "行长 李某", "scheduledAt", at,
				"place", "联席办会议室", "officials", List.of("林涛", "高远"), "reason", "涉诈账户数量居高不下"), 201)
			.path("id")
			.asText();
	}

	/**
	 * Confirms, holds the interview of {@code id} and records commitments; returns the
	 * new order.
	 */
	static String holdInterview(ApplicationTestSupport test, String id) throws Exception {
		JsonNode interview = test.getJson(OFFICE, "/api/interviews/" + id);
		String unitUser = test.users.inAgency(interview.path("unitCode").asText()).get(0).username();
		test.completeTask(unitUser, id, "Task_ConfirmAttendance",
				Map.of("response", "CONFIRM", "attendees", "行长、分管副行长"));
		moveTo(LocalDateTime.parse(interview.path("scheduledAt").asText().substring(0, 16))
			.plusHours(8)
			.plusMinutes(1));
		test.runJobs();
		test.completeTask(OFFICE, id, "Task_RecordMinutes", Map.of("attended", "YES", "present", "行长、分管副行长", "problems",
				"整改不力", "commitments", "一个月内完成存量账户排查", "rectificationWorkingDays", 20));
		test.runJobs();
		return test.getJson(OFFICE, "/api/interviews/" + id).path("resultOrderId").asText();
	}

	@Test
	void heldInterviewTurnsCommitmentsIntoAnOrder() throws Exception {
		String id = schedule("2026-10-09T09:30");
		String order = holdInterview(this, id);
		JsonNode interview = getJson(OFFICE, "/api/interviews/" + id);
		assertThat(interview.path("status").asText()).isEqualTo("RECTIFYING");
		JsonNode rectification = getJson("bank.qdb", "/api/rectifications/" + order);
		assertThat(rectification.path("interviewId").asText()).isEqualTo(id);
		assertThat(rectification.path("requiredMeasures").asText()).isEqualTo("一个月内完成存量账户排查");
		assertThat(documents("bank.qdb", "interview", id)).containsExactly("INTERVIEW_NOTICE:ISSUED",
				"INTERVIEW_MINUTES:ISSUED");
		assertThat(documents("bank.qdb", "rectification", order)).containsExactly("RECTIFICATION_NOTICE:ISSUED");
		completeTask("bank.qdb", order, "Task_SubmitFinalReport", Map.of("report", "已完成", "completed", "YES"));
		completeTask(OFFICE, order, "Task_VerifyRectification", Map.of("decision", "ACCEPT"));
		assertThat(getJson(OFFICE, "/api/interviews/" + id).path("status").asText()).isEqualTo("COMPLETED");
	}

	@Test
	void noticeMustPrecedeTheInterviewByThreeWorkingDays() throws Exception {
		// from Monday 2026-09-28 the earliest day is Thursday 2026-10-08 (Sep 29, Sep 30,
		// Oct 8)
		JsonNode problem = postJson(OFFICE, "/api/interviews", Map.of("unitCode", "QDB", "principal", "行长",
				"scheduledAt", "2026-09-30T09:30", "place", "会议室", "officials", List.of("林涛"), "reason", "x"), 400);
		assertThat(problem.path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("scheduledAt",
				"officials");
		schedule("2026-10-08T09:30");
		postJson("bank.qdb", "/api/interviews", Map.of(), 403);
	}

	@Test
	void unitAsksToReschedule() throws Exception {
		String id = schedule("2026-10-09T09:30");
		completeTask("bank.qdb", id, "Task_ConfirmAttendance", Map.of("response", "RESCHEDULE", "reason", "行长出差"));
		completeTask(OFFICE, id, "Task_RescheduleInterview",
				Map.of("scheduledAt", "2026-10-14T14:00", "place", "联席办会议室"));
		JsonNode rescheduled = getJson("bank.qdb", "/api/interviews/" + id);
		assertThat(rescheduled.path("reschedules").asInt()).isEqualTo(1);
		assertThat(task("bank.qdb", id, "Task_ConfirmAttendance")).isNotBlank();
		// the moved interview has a new notice; the first stays on file, superseded
		assertThat(documents("bank.qdb", "interview", id)).containsExactly("INTERVIEW_NOTICE:SUPERSEDED",
				"INTERVIEW_NOTICE:ISSUED");
	}

	@Test
	void noShowIsEscalatedToListedSupervision() throws Exception {
		String id = schedule("2026-10-09T09:30");
		completeTask("bank.qdb", id, "Task_ConfirmAttendance", Map.of("response", "CONFIRM"));
		moveTo(LocalDateTime.of(2026, 10, 9, 9, 31));
		runJobs();
		completeTask(OFFICE, id, "Task_RecordMinutes", Map.of("attended", "NO"));
		completeTask(OFFICE, id, "Task_HandleNoShow",
				Map.of("action", "ESCALATE", "opinion", "无正当理由未到场", "referToProcuratorate", "YES"));
		String number = getJson(OFFICE, "/api/interviews/" + id).path("caseNumber").asText();
		assertThat(getJson("procurator.city", "/api/pil-cases?organ=QDB&size=200").path("items")
			.findValuesAsText("id")
			.stream()
			.map((pil) -> {
				try {
					return getJson("procurator.city", "/api/pil-cases/" + pil).path("relatedCases").toString();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			})).anyMatch((related) -> related.contains(number));
		assertThat(getJson(OFFICE, "/api/interviews/" + id).path("status").asText()).isEqualTo("NO_SHOW_ESCALATED");
		assertThat(documents("bank.qdb", "interview", id)).containsExactly("INTERVIEW_NOTICE:ISSUED",
				"SUPERVISION_NOTICE:ISSUED");
		assertThat(this.jdbc.sql("select count(*) from listed_supervision where interview_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void otherUnitsCannotSeeIt() throws Exception {
		String id = schedule("2026-10-09T09:30");
		call("bank.icbc", get("/api/interviews/" + id), 404);
		assertThat(getJson("bank.qdb", "/api/interviews/" + id).path("caseNumber").asText())
			.startsWith("QD-JO-2026-INT-");
	}

}
