package org.antifraud.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.antifraud.discipline.DataScopeMatrix;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Keycloak mode against a real Keycloak (infra/keycloak/start.sh, run by the build before
 * the ITs): the portal's login through the realm and back, bearer tokens of users and of
 * a bank's system, tokens that must be refused, and the data-scope matrix of local mode
 * (inherited) with every call made with the user's own access token.
 */
@TestPropertySource(properties = "antifraud.security.mode=keycloak")
class KeycloakIT extends DataScopeMatrix {

	private static final String GATEWAY_SECRET = "gateway-icbc-demo-secret";

	@DynamicPropertySource
	static void realm(DynamicPropertyRegistry registry) {
		registry.add("antifraud.security.keycloak.issuer", Keycloak::issuer);
	}

	/** Every call of the matrix and the helpers carries the user's access token. */
	@Override
	protected MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
		return request.header("Authorization", "Bearer " + Keycloak.userToken(username));
	}

	@Test
	void thePortalSignsInThroughKeycloakKeepsNoTokenInTheBrowserAndSignsOutThereToo() throws Exception {
		HttpClient browser = Keycloak.browser();
		HttpResponse<String> page = signIn(browser, "/sso?redirect=/tasks/abc", "bank.icbc");
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/tasks/abc");

		JsonNode session = session(browser);
		assertThat(session.path("authenticated").asBoolean()).isTrue();
		assertThat(session.path("username").asText()).isEqualTo("bank.icbc");
		assertThat(session.path("agencyCode").asText()).isEqualTo("ICBC-QD");
		assertThat(session.path("roles").toString()).isEqualTo("[\"BANK_OFFICER\"]");
		// the browser holds the session cookie and the CSRF token, never a token of the
		// realm
		List<HttpCookie> cookies = cookies(browser);
		assertThat(cookies).extracting(HttpCookie::getName).containsOnly("JSESSIONID", "XSRF-TOKEN");
		assertThat(cookies).extracting(HttpCookie::getValue).noneMatch((value) -> value.startsWith("eyJ"));

		HttpResponse<String> out = browser
			.send(api("/api/session").method("DELETE", HttpRequest.BodyPublishers.noBody())
				.header("X-XSRF-TOKEN", cookie(browser, "XSRF-TOKEN"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(out.statusCode()).isEqualTo(200);
		String logout = this.json.readTree(out.body()).path("logoutUrl").asText();
		assertThat(logout).startsWith(Keycloak.issuer() + "/protocol/openid-connect/logout?")
			.contains("id_token_hint=", "post_logout_redirect_uri=");
		assertThat(session(browser).path("authenticated").asBoolean()).isFalse();
		HttpResponse<String> ended = browser.send(HttpRequest.newBuilder(URI.create(logout)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(ended.statusCode()).isEqualTo(302);
		assertThat(ended.headers().firstValue("Location").orElseThrow()).isEqualTo(base() + "/login?loggedOut=1");
		// Keycloak's own session is gone: the next login asks for the password again
		HttpResponse<String> again = follow(browser, app("/sso").GET().build());
		assertThat(again.headers().firstValue("Location").orElseThrow()).startsWith(Keycloak.issuer());
		assertThat(browser.send(
				HttpRequest.newBuilder(URI.create(again.headers().firstValue("Location").orElseThrow())).GET().build(),
				HttpResponse.BodyHandlers.ofString())
			.body()).contains("kc-form-login");
	}

	@Test
	void aUserKnownOnlyToKeycloakIsRememberedAtFirstSignInSoColleaguesCanTransferToThem() throws Exception {
		Keycloak.ensureUser("bank.icbc.kc", "ICBC-QD", "BANK_OFFICER", "工行青岛分行反诈专员", "孙悦");
		assertThat(this.users.find("bank.icbc.kc")).isEmpty();
		signIn(Keycloak.browser(), "/sso", "bank.icbc.kc");
		var user = this.users.find("bank.icbc.kc").orElseThrow();
		assertThat(user.agencyCode()).isEqualTo("ICBC-QD");
		assertThat(user.displayName()).isEqualTo("工行青岛分行反诈专员 孙悦");
		assertThat(user.roles()).extracting(Enum::name).containsExactly("BANK_OFFICER");
		assertThat(this.users.inAgency("ICBC-QD")).extracting("username").contains("bank.icbc.kc");
		// a second sign-in changes nothing but what Keycloak says
		signIn(Keycloak.browser(), "/sso", "bank.icbc.kc");
		assertThat(this.users.inAgency("ICBC-QD")).extracting("username").containsOnlyOnce("bank.icbc.kc");
	}

	@Test
	void camundaWebappsTakeTheSameLoginForAdminOnly() throws Exception {
		HttpClient admin = Keycloak.browser();
		HttpResponse<String> back = signIn(admin, "/camunda/app/cockpit/default/", "admin");
		assertThat(back.headers().firstValue("Location").orElseThrow()).contains("/camunda/app/cockpit/default/");
		assertThat(admin.send(app("/camunda/app/cockpit/default/").GET().build(), HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(200);
		HttpClient bank = Keycloak.browser();
		signIn(bank, "/sso", "bank.icbc");
		assertThat(bank.send(app("/camunda/app/cockpit/default/").GET().build(), HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(403);
		// engine REST (a servlet of its own): the ADMIN's bearer token, not a bank's
		HttpClient client = HttpClient.newHttpClient();
		assertThat(client
			.send(api("/engine-rest/engine").header("Authorization", "Bearer " + Keycloak.userToken("admin"))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(200);
		assertThat(client
			.send(api("/engine-rest/engine").header("Authorization", "Bearer " + Keycloak.userToken("bank.icbc"))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(403);
	}

	@Test
	void aBanksSystemAnswersItsOwnOrdersWithClientCredentialsAndNeverSeesAnotherBanks() throws Exception {
		String caseId = fileCase("POLICE_DETERMINED", residentId());
		approveAndServe(caseId);
		String icbc = Keycloak.clientToken("gateway-icbc", GATEWAY_SECRET);
		String qdb = Keycloak.clientToken("gateway-qdb", "gateway-qdb-demo-secret");

		JsonNode orders = bearer(icbc, get("/api/execution-orders?caseId=" + caseId), 200);
		assertThat(orders.path("items").findValuesAsText("institutionCode")).containsOnly("ICBC-QD");
		String taskId = orders.path("items").get(0).path("taskId").asText();
		assertThat(bearer(icbc, get("/api/tasks?caseId=" + caseId), 200).path("items").findValuesAsText("id"))
			.contains(taskId);
		// the same validation as the portal
		JsonNode refused = bearer(icbc,
				post("/api/tasks/" + taskId + "/complete").contentType(MediaType.APPLICATION_JSON)
					.content("{\"outcome\":\"NOT_APPLIED\"}"),
				400);
		assertThat(refused.path("errors").findValuesAsText("field")).contains("reason");
		// another bank's system: not found, and cannot answer it
		bearer(qdb, get("/api/tasks/" + taskId), 404);
		bearer(qdb, post("/api/tasks/" + taskId + "/complete").contentType(MediaType.APPLICATION_JSON)
			.content("{\"outcome\":\"APPLIED\",\"affectedIdentifiers\":\"6222020200112233446\"}"), 404);
		assertThat(bearer(qdb, get("/api/execution-orders?caseId=" + caseId), 200).path("items")
			.findValuesAsText("institutionCode")).containsOnly("QDB");
		bearer(icbc, post("/api/tasks/" + taskId + "/complete").contentType(MediaType.APPLICATION_JSON)
			.content("{\"outcome\":\"APPLIED\",\"affectedIdentifiers\":\"6222020200112233446\"}"), 204);

		// stop-payments addressed to the bank are listed for its system, not for
		// another's
		Map<String, Object> stop = new HashMap<>(Map.of("institutionCode", "ICBC-QD", "victimCase",
				"崂山分局 A3702120000002026090001 刷单返利诈骗案", "accountNumber", cardNumber(), "holderName", "赵六", "amount",
				"50000.00", "transactionAt", "2026-09-28T09:12"));
		String stopId = postJson("police.laoshan", "/api/stop-payments", stop, 201).path("id").asText();
		assertThat(bearer(icbc, get("/api/stop-payments?size=200"), 200).path("items").findValuesAsText("id"))
			.contains(stopId);
		assertThat(bearer(qdb, get("/api/stop-payments?size=200"), 200).path("items").findValuesAsText("id"))
			.doesNotContain(stopId);
		bearer(qdb, get("/api/stop-payments/" + stopId), 404);
	}

	@Test
	void tokensOfTheWrongAudienceIssuerOrAgencyAndExpiredOrTamperedTokensAreRefused() throws Exception {
		String good = Keycloak.clientToken("gateway-icbc", GATEWAY_SECRET);
		JsonNode session = bearer(good, get("/api/session"), 200);
		assertThat(session.path("username").asText()).isEqualTo("service-account-gateway-icbc");
		assertThat(session.path("agencyCode").asText()).isEqualTo("ICBC-QD");

		String[] parts = good.split("\\.");
		String otherSignature = parts[0] + "." + parts[1] + "." + flip(parts[2]);
		bearer(otherSignature, get("/api/tasks"), 401);
		String otherClaims = parts[0] + "." + flip(parts[1]) + "." + parts[2];
		bearer(otherClaims, get("/api/tasks"), 401);

		Keycloak.ensureServiceClient("test-no-audience", "ICBC-QD", "BANK_OFFICER", false);
		bearer(Keycloak.clientToken("test-no-audience", "test-no-audience-secret"), get("/api/tasks"), 401);
		Keycloak.ensureServiceClient("test-unknown-agency", "NOWHERE-BANK", "BANK_OFFICER", true);
		JsonNode unknown = bearer(Keycloak.clientToken("test-unknown-agency", "test-unknown-agency-secret"),
				get("/api/tasks"), 401);
		assertThat(unknown.path("status").asInt()).isEqualTo(401);
		Keycloak.ensureServiceClient("test-no-role", "ICBC-QD", null, true);
		bearer(Keycloak.clientToken("test-no-role", "test-no-role-secret"), get("/api/tasks"), 401);

		// expired: ten minutes on, past the five-minute lifespan and the 30-second skew
		Date before = ClockUtil.getCurrentTime();
		try {
			ClockUtil.setCurrentTime(Date.from(Instant.now().plusSeconds(600)));
			bearer(good, get("/api/tasks"), 401);
		}
		finally {
			ClockUtil.setCurrentTime(before);
		}
		bearer(good, get("/api/tasks"), 200);
	}

	@Test
	void thereIsNoPasswordLoginHereOnlyKeycloaks() throws Exception {
		HttpClient browser = Keycloak.browser();
		JsonNode anonymous = session(browser);
		assertThat(anonymous.path("authenticated").asBoolean()).isFalse();
		assertThat(anonymous.path("loginUrl").asText()).isEqualTo("/sso");
		HttpResponse<String> password = browser.send(api("/api/session").header("Content-Type", "application/json")
			.header("X-XSRF-TOKEN", cookie(browser, "XSRF-TOKEN"))
			.POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"bank.icbc\",\"password\":\"Demo@2026\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(password.statusCode()).isEqualTo(404);
		assertThat(this.json.readTree(password.body()).path("type").asText()).endsWith("session.passwordLoginOff");
		// nor HTTP Basic on the API
		call("bank.icbc", get("/api/tasks"), 200);
		assertThat(HttpClient.newHttpClient()
			.send(api("/api/tasks").header("Authorization", "Basic YmFuay5pY2JjOkRlbW9AMjAyNg==").GET().build(),
					HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(401);
	}

	@Test
	void rolesAndAgencyComeFromTheUsersToken() throws Exception {
		JsonNode supervisor = getJson("supervisor.city", "/api/session");
		assertThat(supervisor.path("agencyCode").asText()).isEqualTo("QD-GOV");
		assertThat(supervisor.path("roles").toString()).isEqualTo("[\"SUPERVISOR\"]");
		assertThat(supervisor.path("displayName").asText()).contains("马丽");
		JsonNode chief = getJson("procurator.chief", "/api/session");
		assertThat(chief.path("agencyCode").asText()).isEqualTo("QD-PROC");
		assertThat(chief.path("roles").toString()).isEqualTo("[\"CHIEF_PROCURATOR\"]");
	}

	private JsonNode bearer(String token, MockHttpServletRequestBuilder request, int status) throws Exception {
		var result = this.mvc.perform(request.header("Authorization", "Bearer " + token)).andReturn();
		String body = result.getResponse().getContentAsString();
		assertThat(result.getResponse().getStatus()).as(body).isEqualTo(status);
		return body.isEmpty() ? this.json.nullNode() : this.json.readTree(body);
	}

	/**
	 * Opens a page of the application that needs a login, signs in on Keycloak's page and
	 * follows the way back; answers the application's last redirect.
	 */
	private HttpResponse<String> signIn(HttpClient browser, String path, String username) throws Exception {
		HttpResponse<String> toKeycloak = follow(browser, app(path).GET().build());
		URI login = URI.create(toKeycloak.headers().firstValue("Location").orElseThrow());
		assertThat(login.toString()).startsWith(Keycloak.issuer() + "/protocol/openid-connect/auth");
		Map<String, String> request = Keycloak.parameters(login.getRawQuery());
		assertThat(request).containsEntry("client_id", "portal").containsEntry("code_challenge_method", "S256");
		assertThat(request.get("code_challenge")).isNotBlank();
		URI callback = Keycloak.signIn(browser, login, username);
		assertThat(callback.toString()).startsWith(base() + "/login/oauth2/code/keycloak");
		return follow(browser, HttpRequest.newBuilder(callback).GET().build());
	}

	/**
	 * Follows the application's redirects until one leaves it or one goes to the page
	 * asked for at the start (answered as that redirect).
	 */
	private HttpResponse<String> follow(HttpClient browser, HttpRequest first) throws Exception {
		HttpResponse<String> response = browser.send(first, HttpResponse.BodyHandlers.ofString());
		for (int hop = 0; hop < 10 && response.statusCode() == 302; hop++) {
			URI next = first.uri().resolve(response.headers().firstValue("Location").orElseThrow());
			boolean inApp = next.toString().startsWith(base());
			boolean machinery = next.getPath().startsWith("/oauth2/") || next.getPath().startsWith("/login/oauth2/")
					|| next.getPath().equals("/sso");
			if (!inApp || !machinery) {
				return response;
			}
			response = browser.send(HttpRequest.newBuilder(next).GET().build(), HttpResponse.BodyHandlers.ofString());
		}
		return response;
	}

	private JsonNode session(HttpClient browser) throws Exception {
		return this.json
			.readTree(browser.send(api("/api/session").GET().build(), HttpResponse.BodyHandlers.ofString()).body());
	}

	/** A page, as the browser navigates to it. */
	private HttpRequest.Builder app(String path) {
		return HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", "text/html");
	}

	/** A call of the portal's code to the API. */
	private HttpRequest.Builder api(String path) {
		return HttpRequest.newBuilder(URI.create(base() + path))
			.header("X-Requested-With", "XMLHttpRequest")
			.header("Accept", "application/json");
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

	private List<HttpCookie> cookies(HttpClient browser) {
		return ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().get(URI.create(base()));
	}

	private String cookie(HttpClient browser, String name) {
		return cookies(browser).stream().filter((c) -> c.getName().equals(name)).findFirst().orElseThrow().getValue();
	}

	private static String flip(String part) {
		int at = part.length() / 2;
		char c = part.charAt(at);
		return part.substring(0, at) + ((c == 'A') ? 'B' : 'A') + part.substring(at + 1);
	}

}
