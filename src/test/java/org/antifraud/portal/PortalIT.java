package org.antifraud.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.antifraud.TestData;
import org.antifraud.TestProfiles;
import org.antifraud.common.Now;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The portal over real HTTP and in a real browser, against a server of its own with the
 * job executor running, as a deployment has it: the session cookie and the CSRF token
 * echoed from its cookie, the JSON login and logout, the shell for every client route,
 * and the end-to-end run. (Not in the shared context: MockMvc's CSRF support rewires that
 * context's CSRF filter, which a browser never meets.) On PostgreSQL its database is its
 * own and new, so each user's inbox holds what the run puts there, as in a new
 * deployment, not what the shared context's tests left open.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "camunda.bpm.job-execution.enabled=true")
@ActiveProfiles(resolver = TestProfiles.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PortalIT {

	private static final String PASSWORD = "Demo@2026";

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		if ("postgres".equals(System.getProperty("test.database"))) {
			String url = TestProfiles.freshDatabase("antifraud_portal_it");
			registry.add("spring.datasource.url", () -> url);
		}
	}

	@LocalServerPort
	private int port;

	@Autowired
	private ObjectMapper json;

	/** The browser's cookie jar for this test's origin. */
	private final Map<String, String> cookies = new LinkedHashMap<>();

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@BeforeEach
	void freshBrowser() {
		this.cookies.clear();
	}

	private HttpResponse<String> send(String method, String path, Object body, boolean withCsrf)
			throws IOException, InterruptedException {
		return send(method, path, body, withCsrf, "application/json");
	}

	private HttpResponse<String> send(String method, String path, Object body, boolean withCsrf, String accept)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", accept)
			.header("Accept-Language", "zh-CN")
			.header("X-Requested-With", "XMLHttpRequest")
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body))
					: HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		String token = cookie("XSRF-TOKEN");
		if (withCsrf && token != null) {
			request.header("X-XSRF-TOKEN", token);
		}
		if (!this.cookies.isEmpty()) {
			request.header("Cookie",
					this.cookies.entrySet()
						.stream()
						.map((c) -> c.getKey() + "=" + c.getValue())
						.collect(Collectors.joining("; ")));
		}
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		for (String header : response.headers().allValues("Set-Cookie")) {
			HttpCookie.parse(header).forEach((c) -> {
				if (c.getMaxAge() == 0) {
					this.cookies.remove(c.getName());
				}
				else {
					this.cookies.put(c.getName(), c.getValue());
				}
			});
		}
		return response;
	}

	private String cookie(String name) {
		return this.cookies.get(name);
	}

	private JsonNode body(HttpResponse<String> response) throws IOException {
		return this.json.readTree(response.body());
	}

	@Test
	void aUserSignsInWorksAndSignsOutWithTheSessionAndTheCsrfToken() throws Exception {
		HttpResponse<String> anonymous = send("GET", "/api/session", null, false);
		assertThat(anonymous.statusCode()).isEqualTo(200);
		assertThat(body(anonymous).path("authenticated").asBoolean()).isFalse();
		assertThat(cookie("XSRF-TOKEN")).isNotBlank();

		// a write without the token is refused, even the login
		assertThat(send("POST", "/api/session", Map.of("username", "police.laoshan", "password", PASSWORD), false)
			.statusCode()).isEqualTo(403);

		HttpResponse<String> wrong = send("POST", "/api/session",
				Map.of("username", "police.laoshan", "password", "wrong"), true);
		assertThat(wrong.statusCode()).isEqualTo(401);
		assertThat(body(wrong).path("detail").asText()).isEqualTo("用户名或密码不正确。");
		assertThat(wrong.headers().firstValue("WWW-Authenticate")).isEmpty();

		HttpResponse<String> blank = send("POST", "/api/session", Map.of("username", "", "password", ""), true);
		assertThat(blank.statusCode()).isEqualTo(400);
		assertThat(body(blank).path("errors").findValuesAsText("field")).contains("username", "password");

		String before = cookie("JSESSIONID");
		HttpResponse<String> login = send("POST", "/api/session",
				Map.of("username", "police.laoshan", "password", PASSWORD), true);
		assertThat(login.statusCode()).isEqualTo(200);
		JsonNode user = body(login);
		assertThat(user.path("agencyCode").asText()).isEqualTo("QD-PSB-LS");
		assertThat(user.path("agencyName").asText()).isNotBlank();
		assertThat(user.path("roles").findValuesAsText("")).isEmpty();
		assertThat(user.path("roles").toString()).contains("POLICE_OFFICER");
		assertThat(cookie("JSESSIONID")).isNotNull().isNotEqualTo(before);
		assertThat(body(send("GET", "/api/session", null, false)).path("username").asText())
			.isEqualTo("police.laoshan");

		// work done in the session: a case filed shows up under 我发起的
		String id = TestData.residentId();
		HttpResponse<String> filed = send("POST", "/api/discipline-cases",
				Map.of("subject", Map.of("name", "会话测试", "idNumber", id), "category", "POLICE_DETERMINED", "basis",
						Map.of("documentNumber", "青公(反诈)认字〔2026〕第9001号", "decidedOn", "2026-09-25", "lastActOn",
								"2026-09-01", "summary", "出租银行卡供诈骗团伙使用"),
						"instruments", java.util.List.of(Map.of("type", "BANK_ACCOUNT", "identifier",
								TestData.cardNumber(), "institutionCode", "ICBC-QD"))),
				true);
		assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
		String caseId = body(filed).path("id").asText();
		JsonNode started = body(send("GET", "/api/tasks/started", null, false));
		assertThat(started.path("items").findValuesAsText("caseId")).contains(caseId);

		assertThat(send("DELETE", "/api/session", null, true).statusCode()).isEqualTo(200);
		HttpResponse<String> after = send("GET", "/api/tasks", null, false);
		assertThat(after.statusCode()).isEqualTo(401);
		assertThat(after.headers().firstValue("WWW-Authenticate")).isEmpty();
	}

	@Test
	void theShellAnswersEveryClientRouteAndPagesBehindTheLoginComeBackAfterIt() throws Exception {
		for (String route : new String[] { "/", "/inbox", "/tasks/abc", "/search", "/supervision", "/login" }) {
			HttpResponse<String> shell = send("GET", route, null, false, "text/html,*/*;q=0.8");
			assertThat(shell.statusCode()).as(route).isEqualTo(200);
			assertThat(shell.body()).as(route).contains("<div id=\"app\"></div>");
			assertThat(shell.headers().firstValue("Cache-Control").orElse("")).as(route).contains("no-cache");
		}
		// the script that asks for the session before the code arrives: public, never
		// stale
		HttpResponse<String> early = send("GET", "/early.js", null, false, "*/*");
		assertThat(early.statusCode()).isEqualTo(200);
		assertThat(early.body()).contains("/api/session");
		assertThat(early.headers().firstValue("Cache-Control").orElse("")).contains("no-cache");
		HttpResponse<String> cockpit = send("GET", "/camunda/app/cockpit/default/", null, false, "text/html");
		assertThat(cockpit.statusCode()).isEqualTo(302);
		assertThat(cockpit.headers().firstValue("Location").orElseThrow())
			.endsWith("/login?redirect=%2Fcamunda%2Fapp%2Fcockpit%2Fdefault%2F");
	}

	/**
	 * The portal itself, driven in Debian's Chromium by {@code e2e/run.mjs}: police file,
	 * legal and the city approve, the notice is served, a bank answers (and is refused a
	 * NOT_APPLIED without reason on the field), the supervisor urges, a search finds the
	 * case. Screenshots under {@code target/e2e-screenshots}.
	 */
	@Test
	void theWholeJobIsDoneInThePortal() throws Exception {
		ProcessBuilder node = new ProcessBuilder("node", "e2e/run.mjs").directory(new File("src/main/portal"))
			.inheritIO();
		node.environment().put("PORTAL_URL", "http://localhost:" + this.port);
		Process run = node.start();
		boolean finished = run.waitFor(10, TimeUnit.MINUTES);
		if (!finished) {
			run.destroyForcibly();
		}
		assertThat(finished).as("the end-to-end run finished in 10 minutes").isTrue();
		assertThat(run.exitValue()).as("the end-to-end run (its output is above)").isZero();
	}

}
