package org.antifraud.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.antifraud.ApplicationTestSupport;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

/**
 * The leadership deadline view: every process's deadlines with their colour on the
 * official calendar, urges and notifications, the summary and the Excel list.
 */
class SupervisionTests extends ApplicationTestSupport {

	@org.springframework.beans.factory.annotation.Autowired
	private org.antifraud.workflow.TaskReplay replay;

	@org.springframework.beans.factory.annotation.Autowired
	private org.springframework.transaction.support.TransactionTemplate transactions;

	@org.springframework.beans.factory.annotation.Autowired
	private org.springframework.context.ApplicationEventPublisher events;

	private JsonNode deadlines(String query) throws Exception {
		return getJson("supervisor.city", "/api/supervision/deadlines?size=200&" + query).path("items");
	}

	@Test
	void colourOfAReviewDueAfterTheNationalDayHoliday() throws Exception {
		String caseId = fileCase("POLICE_DETERMINED", residentId());
		String taskId = task("legal.laoshan", caseId, "Task_ReviewDetermination");
		JsonNode deadline = deadlines("case=" + caseId).get(0);
		assertThat(deadline.path("id").asText()).isEqualTo("TASK:" + taskId);
		assertThat(deadline.path("agencyCode").asText()).isEqualTo("QD-PSB-LS");
		assertThat(deadline.path("due").asText()).isEqualTo("2026-10-08");
		// Monday 2026-09-28: Sep 29, Sep 30, Oct 8 are three working days: yellow
		assertThat(deadline.path("status").asText()).isEqualTo("YELLOW");
		assertThat(deadlines("case=" + caseId + "&status=YELLOW")).hasSize(1);
		assertThat(deadlines("case=" + caseId + "&status=GREEN")).isEmpty();
		// Friday before: four working days left would be green; a week later it is
		// overdue
		moveTo(LocalDateTime.of(2026, 10, 9, 9, 0));
		assertThat(deadlines("case=" + caseId + "&status=RED").findValuesAsText("id"))
			.containsExactly("TASK:" + taskId);
		// completing the task closes the deadline
		complete("legal.laoshan", taskId, Map.of("decision", "APPROVE"));
		assertThat(deadlines("case=" + caseId).findValuesAsText("taskKey"))
			.containsExactly("Task_ApproveDetermination");
	}

	@Test
	void executionOrdersAndTheTermEndAreDeadlinesToo() throws Exception {
		String caseId = fileCase("POLICE_DETERMINED", residentId());
		approveAndServe(caseId);
		JsonNode open = deadlines("case=" + caseId);
		assertThat(open.findValuesAsText("taskKey").stream().filter("Task_AnswerExecutionOrder"::equals)).hasSize(14);
		assertThat(open.findValuesAsText("agencyCode")).contains("ICBC-QD", "CMCC-QD", "ALIPAY");
		JsonNode term = deadlines("case=" + caseId + "&status=GREEN").get(0);
		assertThat(term.path("kind").asText()).isEqualTo("TERM_END");
		assertThat(term.path("due").asText()).isEqualTo("2028-09-28");
	}

	@Test
	void urgeIsCountedNotifiedAndShownOnTheTask() throws Exception {
		String caseId = fileCase("POLICE_DETERMINED", residentId());
		String taskId = task("legal.laoshan", caseId, "Task_ReviewDetermination");
		String deadlineId = "TASK:" + taskId;
		postJson("bank.icbc", "/api/supervision/urges", Map.of("deadlineId", deadlineId, "reason", "x"), 403);
		postJson("supervisor.city", "/api/supervision/urges", Map.of("deadlineId", deadlineId), 400);
		postJson("supervisor.city", "/api/supervision/urges", Map.of("deadlineId", "TASK:none", "reason", "x"), 404);
		postJson("supervisor.city", "/api/supervision/urges", Map.of("deadlineId", deadlineId, "reason", "请于今日办结"),
				201);
		JsonNode urged = postJson("office.city", "/api/supervision/urges",
				Map.of("deadlineId", deadlineId, "reason", "再次催办"), 201);
		assertThat(urged.path("urgeCount").asInt()).isEqualTo(2);
		assertThat(getJson("legal.laoshan", "/api/tasks/" + taskId + "/comments").findValuesAsText("message"))
			.anyMatch((message) -> message.startsWith("【催办】") && message.contains("请于今日办结"));
		eventually(() -> {
			JsonNode notes = getJson("legal.laoshan", "/api/notifications?unread=true&size=200").path("items");
			List<String> kinds = notes.findParents("taskId")
				.stream()
				.filter((n) -> taskId.equals(n.path("taskId").asText()))
				.map((n) -> n.path("kind").asText())
				.collect(Collectors.toList());
			assertThat(kinds).contains("NEW_TASK", "URGE", "URGE");
		});
		assertThat(getJson("police.laoshan", "/api/notifications?size=200").path("items").findValuesAsText("taskId"))
			.doesNotContain(taskId);
	}

	/**
	 * The orders a step sends out are notified together, in the step's transaction: every
	 * institution hears of its own order, once, as soon as the step has committed.
	 */
	@Test
	void everyInstitutionIsToldOfItsOrderOnce() throws Exception {
		String caseId = fileCase("POLICE_DETERMINED", residentId());
		approveAndServe(caseId);
		for (String user : List.of("bank.icbc", "bank.qdb", "pay.alipay", "telecom.cmcc", "telecom.cbn")) {
			assertThat(kinds(user, caseId)).containsOnlyOnce("NEW_TASK");
		}
	}

	@Test
	void remindersAndEscalationsOfOrdersAreNotified() throws Exception {
		String caseId = fileCase("POLICE_DETERMINED", residentId());
		approveAndServe(caseId);
		moveTo(LocalDateTime.of(2026, 10, 9, 0, 1));
		runJobs();
		eventually(() -> assertThat(kinds("bank.icbc", caseId)).contains("NEW_TASK", "REMINDER"));
		eventually(() -> assertThat(kinds("office.city", caseId)).contains("ESCALATION"));
	}

	/**
	 * A step's new tasks are notified in its own transaction: gone with it when it rolls
	 * back, there the moment it commits, with no event left to deliver.
	 */
	@Test
	void newTasksAreNotifiedInTheStepsTransaction() {
		String caseRef = "opened-" + System.nanoTime();
		org.antifraud.workflow.TaskOpened opened = new org.antifraud.workflow.TaskOpened("task-" + caseRef,
				"JointDisciplineProcess", "Task_AnswerExecutionOrder", "反馈协助执行结果", caseRef, "QDB:BANK_OFFICER",
				java.time.Instant.parse("2026-10-12T09:00:00Z"), true);
		this.transactions.executeWithoutResult((status) -> {
			this.events.publishEvent(opened);
			status.setRollbackOnly();
		});
		assertThat(notifications(caseRef)).isZero();
		long[] beforeCommit = new long[1];
		this.transactions.executeWithoutResult((status) -> {
			this.events.publishEvent(opened);
			// runs after the step's own synchronizations: the notification is there,
			// in the transaction that is about to commit
			org.springframework.transaction.support.TransactionSynchronizationManager
				.registerSynchronization(new org.springframework.transaction.support.TransactionSynchronization() {
					@Override
					public void beforeCommit(boolean readOnly) {
						beforeCommit[0] = notifications(caseRef);
					}
				});
		});
		assertThat(beforeCommit[0]).isEqualTo(1);
		assertThat(notifications(caseRef)).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from event_publication where serialized_event like ?")
			.param("%" + caseRef + "%")
			.query(Long.class)
			.single()).isZero();
	}

	private long notifications(String caseRef) {
		return this.jdbc.sql("select count(*) from notification where case_ref = ? and kind = 'NEW_TASK'")
			.param(caseRef)
			.query(Long.class)
			.single();
	}

	@Test
	void notificationEventsGoThroughThePublicationRegistry() {
		String caseRef = "registry-" + System.nanoTime();
		long[] inTransaction = new long[1];
		this.transactions.executeWithoutResult((status) -> {
			this.events.publishEvent(new org.antifraud.workflow.DeadlineNotice(
					org.antifraud.workflow.DeadlineNotice.REMINDER, "QDB", null, "测试提醒", "registry", caseRef));
			inTransaction[0] = this.jdbc.sql("select count(*) from event_publication where serialized_event like ?")
				.param("%" + caseRef + "%")
				.query(Long.class)
				.single();
		});
		// written in the publishing transaction, so a crash before delivery leaves it to
		// be republished
		assertThat(inTransaction[0]).isEqualTo(1);
		eventually(() -> assertThat(kinds("bank.qdb", caseRef)).containsExactly("REMINDER"));
		eventually(
				() -> assertThat(this.jdbc.sql("select count(*) from event_publication where serialized_event like ?")
					.param("%" + caseRef + "%")
					.query(Long.class)
					.single()).isZero());
	}

	@Test
	void interviewDatesAreDeadlines() throws Exception {
		String id = postJson(
				"office.city", "/api/interviews", Map.of("unitCode", "CMCC-QD", "principal", "总经理", "scheduledAt",
						"2026-10-12T10:00", "place", "会议室", "officials", List.of("林涛", "高远"), "reason", "涉诈电话卡管控不力"),
				201)
			.path("id")
			.asText();
		JsonNode deadline = deadlines("case=" + id).findParents("kind")
			.stream()
			.filter((d) -> "INTERVIEW".equals(d.path("kind").asText()))
			.findFirst()
			.orElseThrow();
		assertThat(deadline.path("due").asText()).isEqualTo("2026-10-12");
		assertThat(deadline.path("agencyCode").asText()).isEqualTo("CMCC-QD");
	}

	@Test
	void deadlinesCanBeRebuiltFromTheEngine() throws Exception {
		String caseId = fileCase("POLICE_DETERMINED", residentId());
		this.jdbc.sql("delete from deadline where case_ref = ?").param(caseId).update();
		assertThat(deadlines("case=" + caseId)).isEmpty();
		assertThat(this.replay.replay()).isPositive();
		assertThat(deadlines("case=" + caseId).findValuesAsText("taskKey")).containsExactly("Task_ReviewDetermination");
	}

	private List<String> kinds(String user, String caseId) throws Exception {
		return getJson(user, "/api/notifications?size=200").path("items")
			.findParents("kind")
			.stream()
			.filter((n) -> caseId.equals(n.path("caseRef").asText()))
			.map((n) -> n.path("kind").asText())
			.toList();
	}

	@Test
	void notificationsAreReadByTheirOwnerOnly() throws Exception {
		String caseId = fileCase("POLICE_DETERMINED", residentId());
		eventually(() -> assertThat(kinds("legal.laoshan", caseId)).contains("NEW_TASK"));
		JsonNode note = getJson("legal.laoshan", "/api/notifications?unread=true&size=200").path("items")
			.findParents("caseRef")
			.stream()
			.filter((n) -> caseId.equals(n.path("caseRef").asText()))
			.findFirst()
			.orElseThrow();
		String id = note.path("id").asText();
		postJson("legal.shinan", "/api/notifications/" + id + "/read", Map.of(), 404);
		postJson("legal.laoshan", "/api/notifications/" + id + "/read", Map.of(), 204);
		assertThat(getJson("legal.laoshan", "/api/notifications?unread=true&size=200").path("items")
			.findValuesAsText("id")).doesNotContain(id);
	}

	@Test
	void summaryCountsLateWorkPerAgency() throws Exception {
		String caseId = fileCase("POLICE_DETERMINED", residentId());
		moveTo(LocalDateTime.of(2026, 10, 12, 10, 0));
		completeTask("legal.laoshan", caseId, "Task_ReviewDetermination", Map.of("decision", "APPROVE"));
		JsonNode summary = getJson("supervisor.city", "/api/supervision/summary?from=2026-10-01&to=2026-10-31");
		JsonNode laoshan = summary.path("agencies")
			.findParents("agencyCode")
			.stream()
			.filter((row) -> "QD-PSB-LS".equals(row.path("agencyCode").asText()))
			.findFirst()
			.orElseThrow();
		assertThat(laoshan.path("lateInPeriod").asLong()).isPositive();
		assertThat(laoshan.path("onTimeRate").asDouble()).isLessThan(1.0);
		// due 2026-10-08, done 2026-10-12: Oct 9 (Fri), Oct 10 (working Saturday), Oct 12
		// = 3 working days late
		assertThat(laoshan.path("averageWorkingDaysLate").asDouble()).isPositive();
		assertThat(summary.path("mostOverdue").size()).isLessThanOrEqualTo(10);
		call("bank.icbc", get("/api/supervision/summary"), 403);
	}

	@Test
	void excelListHasChineseHeadersAndColouredStatus() throws Exception {
		String caseId = fileCase("POLICE_DETERMINED", residentId());
		byte[] xlsx = call("supervisor.city", get("/api/supervision/deadlines.xlsx?process=JointDisciplineProcess"),
				200)
			.getResponse()
			.getContentAsByteArray();
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			List<Row> rows = workbook.getFirstSheet().read();
			assertThat(rows.get(0).getCellText(0)).isEqualTo("序号");
			assertThat(rows.get(0).getCellText(8)).isEqualTo("状态");
			Row row = rows.stream().filter((r) -> caseId.equals(r.getCellText(5))).findFirst().orElseThrow();
			assertThat(row.getCellText(4)).isEqualTo("审核认定材料");
			assertThat(row.getCellText(2)).isEqualTo("QD-PSB-LS");
			assertThat(row.getCellText(6)).isEqualTo("2026-10-08");
			assertThat(row.getCellText(8)).startsWith("黄");
		}
	}

}
