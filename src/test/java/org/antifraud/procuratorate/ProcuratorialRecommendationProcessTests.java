package org.antifraud.procuratorate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.antifraud.ApplicationTestSupport;
import org.antifraud.common.Now;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every path of {@code ProcuratorialRecommendationProcess.bpmn}, driven over the API by
 * {@code procurator.city}, {@code procurator.chief} and the organ's officers.
 */
class ProcuratorialRecommendationProcessTests extends ApplicationTestSupport {

	private static final String PROCURATOR = "procurator.city";

	private static final String CHIEF = "procurator.chief";

	private static final String NFRA = "regulator.nfra";

	private String register(String organ) throws Exception {
		return postJson(PROCURATOR, "/api/pil-cases", Map.of("source", "JOINT_OFFICE_REFERRAL", "organCode", organ,
				"factsOfHarm", "辖区银行网点对涉诈账户监测不力，致群众财产损失", "relatedCases", List.of("QD-PSB-LS-2026-00001")), 201)
			.path("id")
			.asText();
	}

	/**
	 * Registers, files, serves the filing decision and holds the consultation (not
	 * performed).
	 */
	private String consulted(String organ, String organUser) throws Exception {
		String id = register(organ);
		completeTask(CHIEF, id, "Task_DecideFiling", Map.of("decision", "APPROVE"));
		completeTask(PROCURATOR, id, "Task_ServeFilingDecision",
				Map.of("servedOn", Now.today().toString(), "serviceMethod", "IN_PERSON"));
		completeTask(organUser, id, "Task_RespondToConsultation",
				Map.of("factsConfirmed", "PARTLY", "statement", "已开展排查", "plan", "两个月内完成整改"));
		completeTask(PROCURATOR, id, "Task_RecordConsultation", Map.of("minutes", "双方确认了部分事实", "performed", "NO"));
		return id;
	}

	/** Takes a consulted case to a served recommendation. */
	private String served(String organ, String organUser, boolean urgent) throws Exception {
		String id = consulted(organ, organUser);
		draftAndIssue(id, urgent);
		return id;
	}

	private void draftAndIssue(String id, boolean urgent) throws Exception {
		Map<String, Object> draft = new HashMap<>(
				Map.of("caseSource", "联席办移送", "factsOfHarm", "群众被骗资金经涉案账户转移", "nonPerformance", "未依法督促辖内机构落实账户风险管控",
						"legalBasis", "《反电信网络诈骗法》第十五条、第十八条", "recommendations", "督促辖内银行落实涉诈账户分级管控", "urgent", urgent));
		draft.put("copyTo", "QD-GOV");
		completeTask(PROCURATOR, id, "Task_DraftRecommendation", draft);
		completeTask(CHIEF, id, "Task_ApproveRecommendation", Map.of("decision", "APPROVE"));
		runJobs();
		completeTask(PROCURATOR, id, "Task_ServeRecommendation",
				Map.of("servedOn", Now.today().toString(), "serviceMethod", "WRITTEN"));
		runJobs();
	}

	private JsonNode pil(String user, String id) throws Exception {
		return getJson(user, "/api/pil-cases/" + id);
	}

	private ProcessInstance instance(String id) {
		String pid = this.jdbc.sql("select process_instance_id from pil_case where id = ?")
			.param(id)
			.query(String.class)
			.single();
		return processInstanceQuery().processInstanceId(pid).singleResult();
	}

	@Test
	void closedAfterConsultation() throws Exception {
		String id = register("NFRA-QD");
		ProcessInstance instance = instance(id);
		completeTask(CHIEF, id, "Task_DecideFiling", Map.of("decision", "APPROVE"));
		JsonNode filed = pil(PROCURATOR, id);
		assertThat(filed.path("filingServiceDue").asText()).isEqualTo("2026-10-08");
		completeTask(PROCURATOR, id, "Task_ServeFilingDecision",
				Map.of("servedOn", Now.today().toString(), "serviceMethod", "MAIL"));
		completeTask(NFRA, id, "Task_RespondToConsultation",
				Map.of("factsConfirmed", "CONFIRMED", "statement", "已完成全部整改", "plan", "无"));
		completeTask(PROCURATOR, id, "Task_RecordConsultation", Map.of("minutes", "已全面履职", "performed", "YES"));
		BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_ClosedAfterConsultation");
		assertThat(pil(PROCURATOR, id).path("closeReason").asText()).isEqualTo("PERFORMED_AT_CONSULTATION");
	}

	@Test
	void replyOnTimeAndPerformed() throws Exception {
		String id = served("NFRA-QD", NFRA, false);
		JsonNode rec = pil(NFRA, id).path("recommendation");
		assertThat(rec.path("documentNumber").asText()).matches("青检公建〔2026〕\\d+号");
		// two months from 2026-09-28 is 2026-11-28, a Saturday: due Monday 2026-11-30
		assertThat(rec.path("replyDue").asText()).isEqualTo("2026-11-30");
		assertThat(rec.path("replyDueStatus").asText()).isEqualTo("GREEN");
		assertThat(rec.path("replyDueProvisional").asBoolean()).isFalse();
		String task = task(NFRA, id, "Task_ReplyToRecommendation");
		assertThat(getJson(NFRA, "/api/tasks/" + task).path("due").asText()).isEqualTo("2026-11-30");
		moveTo(LocalDateTime.of(2026, 11, 20, 10, 0));
		complete(NFRA, task, Map.of("response", "REPLY", "replyText", "已督促辖内银行完成整改", "rectification", "FULL"));
		completeTask(PROCURATOR, id, "Task_FollowUp", Map.of("evidence", "抽查十家网点均已落实", "result", "PERFORMED"));
		JsonNode closed = pil(PROCURATOR, id);
		assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
		assertThat(closed.path("closeReason").asText()).isEqualTo("PERFORMED");
		assertThat(closed.path("recommendation").path("reply").path("rectification").asText()).isEqualTo("FULL");
	}

	@Test
	void urgentRecommendationHasFifteenDays() throws Exception {
		String id = served("NFRA-QD", NFRA, true);
		// 15 days from 2026-09-28 is 2026-10-13, a working Tuesday
		assertThat(pil(PROCURATOR, id).path("recommendation").path("replyDue").asText()).isEqualTo("2026-10-13");
	}

	@Test
	void replyOverdueGoesToFollowUpAnyway() throws Exception {
		String id = served("NFRA-QD", NFRA, false);
		// due Monday 2026-11-30: reminders 10 working days before (Nov 16) and 3 before
		// (Nov 25)
		moveTo(LocalDateTime.of(2026, 11, 16, 9, 30));
		runJobs();
		assertThat(pil(PROCURATOR, id).path("recommendation").path("remindedAt").isMissingNode()).isFalse();
		assertThat(reminders(id)).isEqualTo(1);
		moveTo(LocalDateTime.of(2026, 11, 25, 9, 30));
		runJobs();
		assertThat(reminders(id)).isEqualTo(2);
		eventually(() -> assertThat(getJson(NFRA, "/api/notifications?size=200").path("items").findValuesAsText("kind"))
			.contains("REMINDER"));
		moveTo(LocalDateTime.of(2026, 12, 1, 0, 1));
		runJobs();
		JsonNode overdue = pil(PROCURATOR, id);
		assertThat(overdue.path("recommendation").path("replyOverdue").asBoolean()).isTrue();
		assertThat(overdue.path("stage").asText()).isEqualTo("FOLLOW_UP");
		assertThat(getJson(PROCURATOR, "/api/pil-cases?overdue=true&size=200").path("items").findValuesAsText("id"))
			.contains(id);
		BpmnAwareTests.assertThat(instance(id)).isWaitingAt("Task_FollowUp");
		assertThat(getJson(NFRA, "/api/tasks?size=200").path("items").findValuesAsText("caseId")).doesNotContain(id);
	}

	private long reminders(String id) {
		return this.jdbc.sql("select count(*) from audit_event where case_ref = ? and action = 'PIL_REPLY_REMINDED'")
			.param(id)
			.query(Long.class)
			.single();
	}

	@Test
	void objectionLeadsToARevisedRecommendationWithANewDeadline() throws Exception {
		String id = served("NFRA-QD", NFRA, false);
		String firstNumber = pil(PROCURATOR, id).path("recommendation").path("documentNumber").asText();
		completeTask(NFRA, id, "Task_ReplyToRecommendation",
				Map.of("response", "OBJECT", "objectionGrounds", "部分事项不属于本局监管职责"));
		completeTask(CHIEF, id, "Task_ReviewObjection", Map.of("objectionOutcome", "REVISE", "opinion", "删去第二项建议"));
		moveTo(LocalDateTime.of(2026, 10, 12, 10, 0));
		draftAndIssue(id, false);
		JsonNode revised = pil(PROCURATOR, id);
		assertThat(revised.path("recommendations")).hasSize(2);
		assertThat(revised.path("recommendations").get(0).path("status").asText()).isEqualTo("SUPERSEDED");
		assertThat(revised.path("recommendation").path("documentNumber").asText()).isNotEqualTo(firstNumber);
		assertThat(revised.path("recommendation").path("replyDue").asText()).isEqualTo("2026-12-14");
		BpmnAwareTests.assertThat(instance(id)).isWaitingAt("Task_ReplyToRecommendation");
	}

	@Test
	void objectionUpheldKeepsTheDeadlineAndWithdrawalCloses() throws Exception {
		String id = served("NFRA-QD", NFRA, false);
		completeTask(NFRA, id, "Task_ReplyToRecommendation", Map.of("response", "OBJECT", "objectionGrounds", "异议"));
		completeTask(CHIEF, id, "Task_ReviewObjection", Map.of("objectionOutcome", "UPHOLD", "opinion", "维持"));
		assertThat(getJson(NFRA, "/api/tasks/" + task(NFRA, id, "Task_ReplyToRecommendation")).path("due").asText())
			.isEqualTo("2026-11-30");
		ProcessInstance instance = instance(id);
		completeTask(NFRA, id, "Task_ReplyToRecommendation", Map.of("response", "OBJECT", "objectionGrounds", "再次异议"));
		completeTask(CHIEF, id, "Task_ReviewObjection", Map.of("objectionOutcome", "WITHDRAW", "opinion", "撤回"));
		BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_RecommendationWithdrawn");
		assertThat(pil(PROCURATOR, id).path("closeReason").asText()).isEqualTo("RECOMMENDATION_WITHDRAWN");
	}

	@Test
	void notPerformedLeadsToAnAdministrativeSuit() throws Exception {
		String id = served("NFRA-QD", NFRA, false);
		completeTask(NFRA, id, "Task_ReplyToRecommendation",
				Map.of("response", "REPLY", "replyText", "正在研究", "rectification", "PLANNED"));
		postJson(PROCURATOR, "/api/tasks/" + task(PROCURATOR, id, "Task_FollowUp") + "/complete",
				Map.of("evidence", "未见整改", "result", "NOT_PERFORMED"), 400);
		completeTask(PROCURATOR, id, "Task_FollowUp",
				Map.of("evidence", "未见整改", "result", "NOT_PERFORMED", "nonPerformanceReason", "PLAN_NOT_CARRIED_OUT"));
		BpmnAwareTests.assertThat(instance(id)).isWaitingAt("Task_FileSuit");
		completeTask(PROCURATOR, id, "Task_FileSuit",
				Map.of("court", "青岛铁路运输法院", "filedOn", Now.today().toString(), "claims", "确认被告未依法履职违法并责令履职"));
		completeTask(PROCURATOR, id, "Task_RecordJudgment",
				Map.of("outcome", "JUDGMENT_FOR", "decidedOn", Now.today().toString(), "summary", "判决支持全部诉讼请求"));
		JsonNode litigated = pil(PROCURATOR, id);
		assertThat(litigated.path("closeReason").asText()).isEqualTo("LITIGATED");
		assertThat(litigated.path("litigation").path("court").asText()).isEqualTo("青岛铁路运输法院");
	}

	@Test
	void civilSuitWaitsForThirtyDaysOfPublicNotice() throws Exception {
		String id = served("ICBC-QD", "bank.icbc", false);
		completeTask("bank.icbc", id, "Task_ReplyToRecommendation",
				Map.of("response", "REPLY", "replyText", "部分整改", "rectification", "PARTIAL"));
		completeTask(PROCURATOR, id, "Task_FollowUp",
				Map.of("evidence", "仍有网点未落实", "result", "NOT_PERFORMED", "nonPerformanceReason", "PARTIAL"));
		completeTask(PROCURATOR, id, "Task_PublishCivilNotice",
				Map.of("publishedOn", Now.today().toString(), "medium", "正义网"));
		// 30 days from 2026-09-28 is 2026-10-28
		assertThat(pil(PROCURATOR, id).path("litigation").path("noticeEndsOn").asText()).isEqualTo("2026-10-28");
		BpmnAwareTests.assertThat(instance(id)).isWaitingAt("TimerEvent_NoticePeriodEnded");
		moveTo(LocalDateTime.of(2026, 10, 28, 12, 0));
		runJobs();
		BpmnAwareTests.assertThat(instance(id)).isWaitingAt("TimerEvent_NoticePeriodEnded");
		moveTo(LocalDateTime.of(2026, 10, 29, 0, 1));
		runJobs();
		BpmnAwareTests.assertThat(instance(id)).isWaitingAt("Task_FileSuit");
	}

	@Test
	void organComplyingDuringTheSuitEndsIt() throws Exception {
		String id = served("NFRA-QD", NFRA, false);
		moveTo(LocalDateTime.of(2026, 12, 1, 0, 1));
		runJobs();
		completeTask(PROCURATOR, id, "Task_FollowUp",
				Map.of("evidence", "逾期未回复", "result", "NOT_PERFORMED", "nonPerformanceReason", "NO_REPLY"));
		completeTask(PROCURATOR, id, "Task_FileSuit",
				Map.of("court", "青岛铁路运输法院", "filedOn", Now.today().toString(), "claims", "责令履职"));
		completeTask(PROCURATOR, id, "Task_RecordJudgment", Map.of("outcome", "WITHDRAWN_AFTER_COMPLIANCE", "decidedOn",
				Now.today().toString(), "summary", "被告在诉讼中全面履职，检察机关撤回起诉"));
		assertThat(pil(PROCURATOR, id).path("litigation").path("outcome").asText())
			.isEqualTo("WITHDRAWN_AFTER_COMPLIANCE");
	}

	@Nested
	class MonthEnds {

		@Test
		void servedOnThirtiethOfNovemberIsDueFirstOfFebruary() throws Exception {
			moveTo(LocalDateTime.of(2026, 11, 30, 9, 0));
			String id = served("NFRA-QD", NFRA, false);
			JsonNode recommendation = pil(PROCURATOR, id).path("recommendation");
			assertThat(recommendation.path("replyDue").asText()).isEqualTo("2027-02-01");
			assertThat(recommendation.path("replyDueProvisional").asBoolean()).isTrue();
		}

		@Test
		void servedOnNewYearsEveIsDueFirstOfMarch() throws Exception {
			moveTo(LocalDateTime.of(2026, 12, 31, 9, 0));
			String id = served("NFRA-QD", NFRA, false);
			assertThat(pil(PROCURATOR, id).path("recommendation").path("replyDue").asText()).isEqualTo("2027-03-01");
			assertThat(pil(PROCURATOR, id).path("timeline").findValuesAsText("detail"))
				.anyMatch((detail) -> detail.contains("暂按周末计算"));
		}

	}

	@Nested
	class DataScopes {

		@Test
		void organSeesTheCaseOnlyFromServiceOnAndWithoutInternalOpinions() throws Exception {
			String id = register("NFRA-QD");
			call(NFRA, get("/api/pil-cases/" + id), 404);
			assertThat(getJson(NFRA, "/api/pil-cases").path("items").findValuesAsText("id")).doesNotContain(id);
			completeTask(CHIEF, id, "Task_DecideFiling", Map.of("decision", "APPROVE", "opinion", "内部意见"));
			call(NFRA, get("/api/pil-cases/" + id), 404);
			completeTask(PROCURATOR, id, "Task_ServeFilingDecision",
					Map.of("servedOn", Now.today().toString(), "serviceMethod", "IN_PERSON"));
			JsonNode seen = pil(NFRA, id);
			assertThat(seen.path("filingOpinion").isMissingNode()).isTrue();
			assertThat(pil(PROCURATOR, id).path("filingOpinion").asText()).isEqualTo("内部意见");
		}

		@Test
		void otherAgenciesGetNotFound() throws Exception {
			String id = served("NFRA-QD", NFRA, false);
			for (String user : List.of("regulator.pboc", "bank.icbc", "police.laoshan", "procurator.laoshan")) {
				call(user, get("/api/pil-cases/" + id), 404);
			}
			assertThat(pil("supervisor.city", id).path("caseNumber").asText()).startsWith("QD-PROC-2026-PIL-");
		}

		@Test
		void onlyProcuratorsRegisterAndBadInputIsRejected() throws Exception {
			postJson("police.laoshan", "/api/pil-cases", Map.of(), 403);
			JsonNode problem = postJson(PROCURATOR, "/api/pil-cases",
					Map.of("source", "RUMOUR", "organCode", "QD-PSB-LS", "factsOfHarm", ""), 400);
			assertThat(problem.path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("source",
					"organCode", "factsOfHarm");
		}

		@Test
		void rejectedFilingNeedsAnOpinionAndCloses() throws Exception {
			String id = register("PBOC-QD");
			postJson(CHIEF, "/api/tasks/" + task(CHIEF, id, "Task_DecideFiling") + "/complete",
					Map.of("decision", "REJECT"), 400);
			completeTask(CHIEF, id, "Task_DecideFiling", Map.of("decision", "REJECT", "opinion", "不属于受案范围"));
			assertThat(pil(PROCURATOR, id).path("closeReason").asText()).isEqualTo("NOT_FILED");
		}

	}

}
