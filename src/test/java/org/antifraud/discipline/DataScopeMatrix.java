package org.antifraud.discipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.antifraud.ApplicationTestSupport;
import org.junit.jupiter.api.Test;

/**
 * Who sees what of a joint-discipline case: the matrix every authentication mode must
 * pass. {@link DisciplineDataScopeTests} runs it with local users; the Keycloak IT runs
 * it with the realm's access tokens.
 */
public abstract class DataScopeMatrix extends ApplicationTestSupport {

	@Test
	void bankOfficerCannotReadAnotherBanksOrder() throws Exception {
		String caseId = fileCase("POLICE_DETERMINED", residentId());
		approveAndServe(caseId);
		JsonNode qdbOrder = detail("bank.qdb", caseId).path("orders").get(0);
		assertThat(qdbOrder.path("institutionCode").asText()).isEqualTo("QDB");
		assertThat(detail("bank.qdb", caseId).path("orders")).hasSize(1);
		call("bank.icbc", get("/api/execution-orders/" + qdbOrder.path("id").asText()), 404);
		call("bank.qdb", get("/api/execution-orders/" + qdbOrder.path("id").asText()), 200);
		// nor complete its task
		postJson("bank.icbc", "/api/tasks/" + qdbOrder.path("taskId").asText() + "/complete",
				Map.of("outcome", "APPLIED", "affectedIdentifiers", "x"), 404);
	}

	@Test
	void unrelatedAgenciesGetNotFound() throws Exception {
		String caseId = fileCase("POLICE_DETERMINED", residentId());
		call("police.shinan", get("/api/discipline-cases/" + caseId), 404);
		call("bank.icbc", get("/api/discipline-cases/" + caseId), 404);
		call("procurator.city", get("/api/discipline-cases/" + caseId), 404);
		assertThat(getJson("police.shinan", "/api/discipline-cases?size=200").path("items").findValuesAsText("id"))
			.doesNotContain(caseId);
		String taskId = task("legal.laoshan", caseId, "Task_ReviewDetermination");
		call("legal.shinan", get("/api/tasks/" + taskId), 404);
		postJson("legal.shinan", "/api/tasks/" + taskId + "/complete", Map.of("decision", "APPROVE"), 404);
	}

	@Test
	void supervisorReadsEverythingButCompletesNothing() throws Exception {
		String caseId = fileCase("POLICE_DETERMINED", residentId());
		assertThat(getJson("supervisor.city", "/api/discipline-cases?size=200").path("items").findValuesAsText("id"))
			.contains(caseId);
		String taskId = task("legal.laoshan", caseId, "Task_ReviewDetermination");
		postJson("supervisor.city", "/api/tasks/" + taskId + "/complete", Map.of("decision", "APPROVE"), 404);
	}

	@Test
	void residentIdIsMaskedExceptForFilingBranchAndExecutingInstitutions() throws Exception {
		String idNumber = residentId();
		String caseId = fileCase("POLICE_DETERMINED", idNumber);
		approveAndServe(caseId);
		assertThat(detail("police.laoshan", caseId).path("subject").path("idNumber").asText()).isEqualTo(idNumber);
		assertThat(detail("bank.icbc", caseId).path("subject").path("idNumber").asText()).isEqualTo(idNumber);
		String masked = detail("leader.city", caseId).path("subject").path("idNumber").asText();
		assertThat(masked).isEqualTo(idNumber.substring(0, 6) + "********" + idNumber.substring(14));
		assertThat(detail("supervisor.city", caseId).path("subject").path("masked").asBoolean()).isTrue();
		// a reveal is possible for those who see the case, and audited
		long reveals = reveals(caseId, "leader.city");
		assertThat(
				postJson("leader.city", "/api/discipline-cases/" + caseId + "/reveal", Map.of(), 200).path("idNumber")
					.asText())
			.isEqualTo(idNumber);
		assertThat(reveals(caseId, "leader.city")).isEqualTo(reveals + 1);
		assertThat(reveals(caseId, "bank.icbc")).isPositive();
	}

	@Test
	void provinceSeesOnlyBelowThresholdCases() throws Exception {
		String below = fileCase("POLICE_DETERMINED", residentId(), 1, 0);
		String atThreshold = fileCase("POLICE_DETERMINED", residentId());
		List<String> listed = getJson("leader.province", "/api/discipline-cases?size=200").path("items")
			.findValuesAsText("id");
		assertThat(listed).contains(below).doesNotContain(atThreshold);
		call("leader.province", get("/api/discipline-cases/" + atThreshold), 404);
	}

	@Test
	void caseListFindsAnExactResidentIdWithinScope() throws Exception {
		String idNumber = residentId();
		String caseId = fileCase("POLICE_DETERMINED", idNumber);
		assertThat(
				getJson("police.laoshan", "/api/discipline-cases?q=" + idNumber).path("items").findValuesAsText("id"))
			.containsExactly(caseId);
		assertThat(getJson("police.shinan", "/api/discipline-cases?q=" + idNumber).path("total").asLong()).isZero();
	}

	@Test
	void jointOfficeListsOverdueOrdersOfEveryInstitution() throws Exception {
		String caseId = fileCase("POLICE_DETERMINED", residentId());
		approveAndServe(caseId);
		assertThat(getJson("office.city", "/api/execution-orders?overdue=true&caseId=" + caseId).path("total").asLong())
			.isZero();
		moveTo(START.plusDays(12));
		List<String> overdue = getJson("office.city", "/api/execution-orders?overdue=true&size=200&caseId=" + caseId)
			.path("items")
			.findValuesAsText("caseId");
		assertThat(overdue).hasSize(14).containsOnly(caseId);
		assertThat(getJson("bank.icbc", "/api/execution-orders?overdue=true&size=200").path("items")
			.findValuesAsText("institutionCode")).containsOnly("ICBC-QD");
	}

	private long reveals(String caseId, String actor) {
		return jdbc.sql("select count(*) from audit_event where action = 'ID_REVEALED' and case_ref = ? and actor = ?")
			.params(caseId, actor)
			.query(Long.class)
			.single();
	}

}
