package org.antifraud.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.antifraud.ApplicationTestSupport;
import org.junit.jupiter.api.Test;

/**
 * What the portal's task pages read beyond the inbox: the process diagram with the steps
 * passed and the current one, and the caller's completed tasks (已办).
 */
class PortalTaskTests extends ApplicationTestSupport {

	@Test
	void theTaskPageShowsTheDiagramAndCompletedWorkIsListedAsDone() throws Exception {
		String caseId = fileCase("POLICE_DETERMINED", residentId());
		String review = task("legal.laoshan", caseId, "Task_ReviewDetermination");
		JsonNode diagram = getJson("legal.laoshan", "/api/tasks/" + review + "/diagram");
		assertThat(diagram.path("xml").asText()).contains("JointDisciplineProcess");
		assertThat(diagram.path("active").findValuesAsText("")).isEmpty();
		assertThat(diagram.path("active").toString()).contains("Task_ReviewDetermination");
		assertThat(diagram.path("completed").size()).isPositive();
		// a bank cannot see the police's task, nor its diagram
		call("bank.icbc", get("/api/tasks/" + review + "/diagram"), 404);

		completeTask("legal.laoshan", caseId, "Task_ReviewDetermination", Map.of("decision", "APPROVE"));
		JsonNode done = getJson("legal.laoshan", "/api/tasks/done?size=200");
		assertThat(done.path("items").findValuesAsText("id")).contains(review);
		assertThat(getJson("bank.icbc", "/api/tasks/done?size=200").path("items").findValuesAsText("id"))
			.doesNotContain(review);
	}

}
