package org.antifraud;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.antifraud.agency.UserDirectory;
import org.antifraud.common.Now;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The one Spring context of the API and scenario tests: demo seeds, in-memory H2 (or
 * PostgreSQL in {@code *IT}), no job executor. Time starts on Monday 2026-09-28 10:00
 * Beijing time, the week before the National Day holiday, and moves with {@link #moveTo}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles(resolver = TestProfiles.class)
public abstract class ApplicationTestSupport {

	protected static final String PASSWORD = "Demo@2026";

	protected static final LocalDateTime START = LocalDateTime.of(2026, 9, 28, 10, 0);

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected ObjectMapper json;

	@Autowired
	protected ProcessEngine engine;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	public UserDirectory users;

	@Autowired(required = false)
	private UserDetailsService userDetails;

	@LocalServerPort
	protected int port;

	@BeforeEach
	void startClock() {
		AbstractAssertions.init(this.engine);
		moveTo(START);
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	protected static void moveTo(LocalDateTime beijingTime) {
		ClockUtil.setCurrentTime(Date.from(beijingTime.atZone(Now.ZONE).toInstant()));
	}

	/** A random resident ID with a valid birth date and check character. */
	protected static String residentId() {
		return TestData.residentId();
	}

	/** A fresh Luhn-valid bank card number. */
	protected static String cardNumber() {
		return TestData.cardNumber();
	}

	/** A fresh mainland mobile number. */
	protected static String phone() {
		return TestData.phone();
	}

	/**
	 * The request as made by the user; a mode other than local proves the user its own
	 * way.
	 */
	protected MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
		return request.with(user(this.userDetails.loadUserByUsername(username))).with(csrf());
	}

	protected MvcResult call(String username, MockHttpServletRequestBuilder request, int expectedStatus)
			throws Exception {
		MvcResult result = this.mvc.perform(as(username, request)).andReturn();
		int status = result.getResponse().getStatus();
		if (status != expectedStatus) {
			throw new AssertionError("Expected " + expectedStatus + " but got " + status + ": "
					+ result.getResponse().getContentAsString());
		}
		return result;
	}

	public JsonNode getJson(String username, String url) throws Exception {
		return read(call(username, get(url), 200));
	}

	public JsonNode postJson(String username, String url, Object body, int expectedStatus) throws Exception {
		MvcResult result = call(username,
				post(url).contentType(MediaType.APPLICATION_JSON).content(this.json.writeValueAsString(body)),
				expectedStatus);
		return read(result);
	}

	private JsonNode read(MvcResult result) throws Exception {
		String body = result.getResponse().getContentAsString();
		return body.isEmpty() ? this.json.nullNode() : this.json.readTree(body);
	}

	/** Files a police determination of a subject with three cards (at the threshold). */
	protected String fileCase(String category, String idNumber) throws Exception {
		return fileCase(category, idNumber, 3, 0);
	}

	protected String fileCase(String category, String idNumber, int cards, int times) throws Exception {
		List<Map<String, Object>> instruments = new ArrayList<>();
		String[][] pool = { { "BANK_ACCOUNT", "6222020200112233446", "ICBC-QD" },
				{ "BANK_ACCOUNT", "6217000000000000004", "QDB" }, { "PHONE_CARD", "13900139000", "CMCC-QD" },
				{ "PAYMENT_ACCOUNT", "zhang@example.com", "ALIPAY" } };
		for (int i = 0; i < cards; i++) {
			instruments.add(Map.of("type", pool[i][0], "identifier", pool[i][1], "institutionCode", pool[i][2]));
		}
		Map<String, Object> body = Map.of("subject", Map.of("name", "张三", "idNumber", idNumber, "phone", "13800138000"),
				"category", category, "basis",
				Map.of("documentNumber", "青公(反诈)认字〔2026〕第0001号", "decidedOn", Now.today().toString(), "lastActOn",
						"2026-05-01", "summary", "出租、出借银行卡和电话卡供诈骗团伙使用"),
				"instruments", instruments, "timesCount", times);
		return postJson("police.laoshan", "/api/discipline-cases", body, 201).path("id").asText();
	}

	/**
	 * The id of the caller's open task of the case with the given key, failing if there
	 * is none.
	 */
	public String task(String username, String caseId, String taskKey) throws Exception {
		for (JsonNode task : getJson(username, "/api/tasks?size=200&caseId=" + caseId).path("items")) {
			if (caseId.equals(task.path("caseId").asText()) && taskKey.equals(task.path("taskKey").asText())) {
				return task.path("id").asText();
			}
		}
		throw new AssertionError(username + " has no task " + taskKey + " of case " + caseId);
	}

	public void complete(String username, String taskId, Map<String, Object> values) throws Exception {
		postJson(username, "/api/tasks/" + taskId + "/complete", values, 204);
	}

	public void completeTask(String username, String caseId, String taskKey, Map<String, Object> values)
			throws Exception {
		complete(username, task(username, caseId, taskKey), values);
	}

	/**
	 * Executes every job that is due now, one at a time, including the jobs those jobs
	 * create; a job can cancel another (an interrupting timer), so each is looked up
	 * afresh.
	 */
	public int runJobs() {
		ManagementService management = this.engine.getManagementService();
		for (int executed = 0; executed < 1000; executed++) {
			List<Job> next = management.createJobQuery().executable().orderByJobDuedate().asc().listPage(0, 1);
			if (next.isEmpty()) {
				return executed;
			}
			management.executeJob(next.get(0).getId());
		}
		throw new AssertionError("Jobs keep coming after 1000 executions");
	}

	protected JsonNode detail(String username, String caseId) throws Exception {
		return getJson(username, "/api/discipline-cases/" + caseId);
	}

	protected String caseStatus(String caseId) throws Exception {
		return detail("supervisor.city", caseId).path("status").asText();
	}

	/** Takes a filed case through review, approval and notice to its execution orders. */
	protected void approveAndServe(String caseId) throws Exception {
		completeTask("legal.laoshan", caseId, "Task_ReviewDetermination", Map.of("decision", "APPROVE"));
		completeTask("leader.city", caseId, "Task_ApproveDetermination", Map.of("decision", "APPROVE"));
		runJobs();
		completeTask("police.laoshan", caseId, "Task_ServeNotice",
				Map.of("servedOn", Now.today().toString(), "serviceMethod", "IN_PERSON"));
		runJobs();
	}

	/**
	 * Answers every pending order of the case as an officer of the addressed institution.
	 */
	protected void answerAll(String caseId, String outcome) throws Exception {
		for (JsonNode order : detail("supervisor.city", caseId).path("orders")) {
			if (!"PENDING".equals(order.path("status").asText())) {
				continue;
			}
			String officer = this.users.inAgency(order.path("institutionCode").asText()).get(0).username();
			complete(officer, order.path("taskId").asText(),
					Map.of("outcome", outcome, "affectedIdentifiers", "6222020200112233445"));
		}
	}

	/**
	 * Waits up to 30 seconds for an assertion about work done after commit
	 * (notifications).
	 */
	public static void eventually(org.awaitility.core.ThrowingRunnable assertion) {
		// generous: it returns as soon as the assertion holds, and a loaded 2-core
		// machine took over 5 s to rebuild the shared context's search index
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(30))
			.pollInterval(java.time.Duration.ofMillis(50))
			.untilAsserted(assertion);
	}

	protected String processInstance(String caseId) {
		return this.jdbc.sql("select process_instance_id from discipline_case where id = ?")
			.param(caseId)
			.query(String.class)
			.single();
	}

	/**
	 * The letters and attachments of a case as {@code TYPE:STATUS} (kind for
	 * attachments), in order.
	 */
	public List<String> documents(String user, String caseKind, String caseId) throws Exception {
		List<String> documents = new ArrayList<>();
		getJson(user, "/api/documents?caseKind=" + caseKind + "&caseId=" + caseId)
			.forEach((d) -> documents.add((d.hasNonNull("type") ? d.path("type").asText() : d.path("kind").asText())
					+ ":" + d.path("status").asText()));
		return documents;
	}

}
