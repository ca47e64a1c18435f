package org.antifraud.discipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.antifraud.ApplicationTestSupport;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The discipline API's validation and data scopes, as the demo users see them.
 */
class DisciplineApiTests extends ApplicationTestSupport {

	@Nested
	class Filing {

		@Test
		void residentIdWithWrongCheckDigitIsRejectedAndNothingIsFiled() throws Exception {
			String valid = residentId();
			char wrong = (valid.charAt(17) == '1') ? '2' : '1';
			String invalid = valid.substring(0, 17) + wrong;
			long before = cases();
			JsonNode problem = postJson("police.laoshan", "/api/discipline-cases",
					Map.of("subject", Map.of("name", "李四", "idNumber", invalid), "category", "CRIMINAL", "basis",
							Map.of("documentNumber", "X", "decidedOn", "2026-09-01", "lastActOn", "2026-05-01",
									"summary", "s"),
							"instruments", java.util.List.of(Map.of("type", "BANK_ACCOUNT", "identifier",
									"6222020200112233446", "institutionCode", "ICBC-QD"))),
					400);
			assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("subject.idNumber");
			assertThat(problem.path("errors").get(0).path("message").asText()).contains("校验码");
			assertThat(cases()).isEqualTo(before);
		}

		@Test
		void aNameTheLettersCannotPrintIsRefusedAtFilingNotInTheJobAfterApproval() throws Exception {
			long before = cases();
			JsonNode problem = postJson("police.laoshan", "/api/discipline-cases",
					Map.of("subject", Map.of("name", "王\uE000三", "idNumber", residentId()), "category", "CRIMINAL",
							"basis",
							Map.of("documentNumber", "X", "decidedOn", "2026-09-01", "lastActOn", "2026-05-01",
									"summary", "s"),
							"instruments", java.util.List.of(Map.of("type", "BANK_ACCOUNT", "identifier",
									"6222020200112233446", "institutionCode", "ICBC-QD"))),
					400);
			assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("subject.name");
			assertThat(problem.path("errors").get(0).path("message").asText()).contains("无法打印");
			assertThat(cases()).isEqualTo(before);
		}

		@Test
		void everyInvalidFieldIsReportedAtOnce() throws Exception {
			JsonNode problem = postJson("police.laoshan", "/api/discipline-cases", Map.of("subject",
					Map.of("name", "", "idNumber", residentId(), "phone", "12345"), "category", "SOMETHING", "basis",
					Map.of("documentNumber", "X", "decidedOn", "2026-09-01", "lastActOn", "2022-11-30", "summary", "s"),
					"instruments",
					java.util.List
						.of(Map.of("type", "PHONE_CARD", "identifier", "13900139000", "institutionCode", "ICBC-QD"))),
					400);
			assertThat(problem.path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("subject.name",
					"subject.phone", "category", "basis.lastActOn", "instruments[0].institutionCode");
			assertThat(problem.path("detail").asText()).isNotBlank();
		}

		@Test
		void englishMessagesOnRequest() throws Exception {
			JsonNode problem = read(call("police.laoshan",
					org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/discipline-cases")
						.header("Accept-Language", "en")
						.contentType("application/json")
						.content("{}"),
					400));
			assertThat(problem.path("errors").get(0).path("message").asText()).isEqualTo("Required");
		}

		@Test
		void bankOfficerCannotFile() throws Exception {
			postJson("bank.icbc", "/api/discipline-cases", Map.of(), 403);
		}

	}

	@Nested
	class Tasks {

		@Test
		void completingTwiceFailsAndChangesNothing() throws Exception {
			String caseId = fileCase("POLICE_DETERMINED", residentId());
			String taskId = task("legal.laoshan", caseId, "Task_ReviewDetermination");
			complete("legal.laoshan", taskId, Map.of("decision", "APPROVE"));
			String statusAfterFirst = caseStatus(caseId);
			JsonNode problem = postJson("legal.laoshan", "/api/tasks/" + taskId + "/complete",
					Map.of("decision", "REJECT", "opinion", "再次提交"), 409);
			assertThat(problem.path("detail").asText()).contains("已办结");
			assertThat(caseStatus(caseId)).isEqualTo(statusAfterFirst);
		}

		@Test
		void unknownFieldsAndOptionsAreRejected() throws Exception {
			String caseId = fileCase("POLICE_DETERMINED", residentId());
			String taskId = task("legal.laoshan", caseId, "Task_ReviewDetermination");
			JsonNode problem = postJson("legal.laoshan", "/api/tasks/" + taskId + "/complete",
					Map.of("decision", "MAYBE", "belowThreshold", true), 400);
			assertThat(problem.path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("decision",
					"belowThreshold");
		}

		@Test
		void formIsServedFromTheFormsFolder() throws Exception {
			String caseId = fileCase("POLICE_DETERMINED", residentId());
			String taskId = task("legal.laoshan", caseId, "Task_ReviewDetermination");
			assertThat(getJson("legal.laoshan", "/api/tasks/" + taskId + "/form").path("id").asText())
				.isEqualTo("review-determination");
		}

		@Test
		void claimTransferAndComment() throws Exception {
			String caseId = fileCase("POLICE_DETERMINED", residentId());
			approveAndServe(caseId);
			String taskId = task("bank.icbc", caseId, "Task_AnswerExecutionOrder");
			postJson("bank.icbc", "/api/tasks/" + taskId + "/claim", Map.of(), 204);
			postJson("bank.icbc2", "/api/tasks/" + taskId + "/claim", Map.of(), 409);
			// the transfer dialog offers the colleagues of the caller's own bank only
			JsonNode colleagues = getJson("bank.icbc", "/api/tasks/" + taskId + "/colleagues");
			assertThat(colleagues.findValuesAsText("username")).contains("bank.icbc2")
				.doesNotContain("bank.icbc", "bank.qdb", "police.laoshan");
			assertThat(colleagues.get(0).path("roles").toString()).contains("BANK_OFFICER");
			call("bank.qdb", get("/api/tasks/" + taskId + "/colleagues"), 404);
			postJson("bank.icbc", "/api/tasks/" + taskId + "/transfer", Map.of("username", "bank.qdb"), 400);
			postJson("bank.icbc", "/api/tasks/" + taskId + "/transfer", Map.of("username", "bank.icbc2"), 204);
			postJson("bank.icbc2", "/api/tasks/" + taskId + "/comments", Map.of("message", "已核查，今日冻结"), 201);
			assertThat(getJson("bank.icbc", "/api/tasks/" + taskId + "/comments").findValuesAsText("message"))
				.containsExactly("已核查，今日冻结");
			postJson("bank.icbc", "/api/tasks/" + taskId + "/complete",
					Map.of("outcome", "APPLIED", "affectedIdentifiers", "x"), 409);
			complete("bank.icbc2", taskId, Map.of("outcome", "APPLIED", "affectedIdentifiers", "6222020200112233445"));
		}

		@Test
		void inboxShowsDueStatusAndFiltersOverdue() throws Exception {
			String caseId = fileCase("POLICE_DETERMINED", residentId());
			fileCase("POLICE_DETERMINED", residentId());
			// the inbox of one case: the desk answering forty orders opens them case by
			// case
			JsonNode ofCase = getJson("legal.laoshan", "/api/tasks?process=JointDisciplineProcess&caseId=" + caseId);
			assertThat(ofCase.path("total").asLong()).isEqualTo(1);
			JsonNode task = ofCase.path("items").get(0);
			assertThat(task.path("caseId").asText()).isEqualTo(caseId);
			// 3 working days from Monday 2026-09-28: Sep 29, Sep 30, Oct 8 (National Day
			// holiday)
			assertThat(task.path("due").asText()).isEqualTo("2026-10-08");
			assertThat(task.path("dueStatus").asText()).isEqualTo("YELLOW");
			assertThat(task.path("workingDaysLeft").asInt()).isEqualTo(3);
			moveTo(START.plusDays(11));
			assertThat(getJson("legal.laoshan", "/api/tasks?overdue=true&caseId=" + caseId).path("items")
				.findValuesAsText("caseId")).containsExactly(caseId);
		}

	}

	private long cases() {
		return this.jdbc.sql("select count(*) from discipline_case").query(Long.class).single();
	}

	private JsonNode read(org.springframework.test.web.servlet.MvcResult result) throws Exception {
		return this.json.readTree(result.getResponse().getContentAsString());
	}

}
