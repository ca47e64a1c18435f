package org.antifraud.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The real Keycloak of the test run, started by {@code infra/keycloak/start.sh} (its URL
 * in {@code target/keycloak/url}): signs users in through its login form as a browser
 * would, gets client-credentials tokens, and creates the odd clients some tests need
 * through its admin API.
 */
public final class Keycloak {

	public static final String REALM = "joint-discipline";

	public static final String PASSWORD = "Demo@2026";

	public static final String PORTAL_SECRET = "portal-demo-secret";

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Pattern FORM_ACTION = Pattern
		.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

	private static final Pattern FORM_ACTION_FIRST = Pattern.compile("action=\"([^\"]+)\"");

	private static final Map<String, Token> USER_TOKENS = new ConcurrentHashMap<>();

	private Keycloak() {
	}

	public static String url() {
		String configured = System.getProperty("keycloak.url");
		if (configured != null) {
			return configured;
		}
		try {
			Path file = Path.of("target/keycloak/url");
			return Files.exists(file) ? Files.readString(file).strip() : "http://127.0.0.1:8180";
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static String issuer() {
		return url() + "/realms/" + REALM;
	}

	/**
	 * A browser: keeps cookies, follows no redirect by itself. Like a browser, it treats
	 * plain-HTTP localhost as secure enough for Keycloak's {@code Secure} cookies.
	 */
	public static HttpClient browser() {
		return HttpClient.newBuilder()
			.cookieHandler(new LocalhostCookies())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * On Keycloak's login page at {@code loginPage}, signs in; answers where Keycloak
	 * sends the browser next (the client's redirect URI with the code).
	 */
	public static URI signIn(HttpClient browser, URI loginPage, String username) throws Exception {
		HttpResponse<String> page = browser.send(HttpRequest.newBuilder(loginPage).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		if (page.statusCode() != 200) {
			throw new AssertionError("Keycloak's login page answered " + page.statusCode() + ": " + page.body());
		}
		Matcher form = FORM_ACTION.matcher(page.body());
		Matcher any = FORM_ACTION_FIRST.matcher(page.body());
		String action = form.find() ? form.group(1) : (any.find() ? any.group(1) : null);
		if (action == null) {
			throw new AssertionError("No login form on Keycloak's page: " + page.body());
		}
		HttpResponse<String> posted = browser.send(HttpRequest.newBuilder(URI.create(action.replace("&amp;", "&")))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(form(Map.of("username", username, "password", PASSWORD, "credentialId", "")))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (posted.statusCode() != 302) {
			throw new AssertionError("Keycloak refused " + username + ": " + posted.statusCode());
		}
		return URI.create(posted.headers().firstValue("Location").orElseThrow());
	}

	/**
	 * A user's access token, got as the portal's client would (authorization code with
	 * PKCE), reused until a minute before it expires.
	 */
	public static String userToken(String username) {
		Token cached = USER_TOKENS.get(username);
		if (cached != null && cached.expires().isAfter(Instant.now().plusSeconds(60))) {
			return cached.value();
		}
		try {
			Token token = codeFlow(username);
			USER_TOKENS.put(username, token);
			return token.value();
		}
		catch (Exception ex) {
			throw new IllegalStateException("No token for " + username, ex);
		}
	}

	private static Token codeFlow(String username) throws Exception {
		String verifier = random();
		String challenge = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
		String redirect = "http://localhost:1/callback";
		URI authorize = URI.create(issuer() + "/protocol/openid-connect/auth?"
				+ query(Map.of("client_id", "portal", "response_type", "code", "scope", "openid", "redirect_uri",
						redirect, "state", random(), "code_challenge", challenge, "code_challenge_method", "S256")));
		URI back = signIn(browser(), authorize, username);
		String code = parameters(back.getRawQuery()).get("code");
		return token(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", redirect, "client_id",
				"portal", "client_secret", PORTAL_SECRET, "code_verifier", verifier));
	}

	/** A client-credentials access token (a bank's or operator's system). */
	public static String clientToken(String clientId, String secret) {
		try {
			return token(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret))
				.value();
		}
		catch (Exception ex) {
			throw new IllegalStateException("No token for " + clientId, ex);
		}
	}

	private static Token token(Map<String, String> form) throws Exception {
		return token(form, REALM);
	}

	/** A token from the realm's token endpoint. */
	private static Token token(Map<String, String> form, String realm) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url() + "/realms/" + realm + "/protocol/openid-connect/token"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(form(form))
				.build(), HttpResponse.BodyHandlers.ofString());
		JsonNode body = JSON.readTree(response.body());
		if (response.statusCode() != 200) {
			throw new AssertionError("Token endpoint answered " + response.statusCode() + ": " + body);
		}
		return new Token(body.path("access_token").asText(),
				Instant.now().plusSeconds(body.path("expires_in").asLong()));
	}

	/**
	 * Makes sure a client-credentials client exists in the realm whose service account
	 * has the role (none if null) and whose tokens carry the agency claim; with or
	 * without the API audience. Created through the admin API (the master realm's
	 * bootstrap administrator).
	 */
	public static void ensureServiceClient(String clientId, String agency, String role, boolean apiAudience)
			throws Exception {
		String admin = adminToken();
		List<Map<String, Object>> mappers = new java.util.ArrayList<>();
		mappers.add(Map.of("name", "agency", "protocol", "openid-connect", "protocolMapper",
				"oidc-hardcoded-claim-mapper", "config", Map.of("claim.name", "agency", "claim.value", agency,
						"jsonType.label", "String", "access.token.claim", "true")));
		if (apiAudience) {
			mappers.add(Map.of("name", "api-audience", "protocol", "openid-connect", "protocolMapper",
					"oidc-audience-mapper", "config",
					Map.of("included.client.audience", "joint-discipline-api", "access.token.claim", "true")));
		}
		Map<String, Object> client = Map.of("clientId", clientId, "enabled", true, "publicClient", false, "secret",
				clientId + "-secret", "standardFlowEnabled", false, "serviceAccountsEnabled", true, "protocolMappers",
				mappers);
		HttpResponse<String> created = admin(admin, "POST", "/clients", JSON.writeValueAsString(client));
		if (created.statusCode() == 409) {
			return;
		}
		if (created.statusCode() != 201) {
			throw new AssertionError("Creating " + clientId + ": " + created.statusCode() + " " + created.body());
		}
		String id = JSON.readTree(admin(admin, "GET", "/clients?clientId=" + clientId, null).body())
			.get(0)
			.path("id")
			.asText();
		String account = JSON.readTree(admin(admin, "GET", "/clients/" + id + "/service-account-user", null).body())
			.path("id")
			.asText();
		String roleJson = admin(admin, "GET", "/roles/" + role, null).body();
		admin(admin, "POST", "/users/" + account + "/role-mappings/realm", "[" + roleJson + "]");
	}

	/**
	 * Makes sure a staff user exists in the realm (not in the seeds): in the agency's
	 * group, with the role and the demo password. Through the admin API.
	 */
	public static void ensureUser(String username, String agency, String role, String title, String name)
			throws Exception {
		String admin = adminToken();
		Map<String, Object> user = Map.of("username", username, "enabled", true, "firstName", title, "lastName", name,
				"email", username + "@demo.invalid", "emailVerified", true, "groups", List.of("/" + agency),
				"credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false)));
		HttpResponse<String> created = admin(admin, "POST", "/users", JSON.writeValueAsString(user));
		if (created.statusCode() == 409) {
			return;
		}
		if (created.statusCode() != 201) {
			throw new AssertionError("Creating " + username + ": " + created.statusCode() + " " + created.body());
		}
		String id = JSON.readTree(admin(admin, "GET", "/users?exact=true&username=" + username, null).body())
			.get(0)
			.path("id")
			.asText();
		admin(admin, "POST", "/users/" + id + "/role-mappings/realm",
				"[" + admin(admin, "GET", "/roles/" + role, null).body() + "]");
	}

	private static String adminToken() throws Exception {
		return token(Map.of("grant_type", "password", "client_id", "admin-cli", "username",
				System.getProperty("keycloak.admin", "admin"), "password",
				System.getProperty("keycloak.adminPassword", "admin")), "master")
			.value();
	}

	private static HttpResponse<String> admin(String token, String method, String path, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + "/admin/realms/" + REALM + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json");
		request.method(method,
				(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	public static HttpRequest.BodyPublisher form(Map<String, String> fields) {
		return HttpRequest.BodyPublishers.ofString(query(fields));
	}

	static String query(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	public static Map<String, String> parameters(String query) {
		return java.util.Arrays.stream((query != null) ? query.split("&") : new String[0])
			.map((pair) -> pair.split("=", 2))
			.collect(Collectors.toMap((p) -> java.net.URLDecoder.decode(p[0], StandardCharsets.UTF_8),
					(p) -> (p.length > 1) ? java.net.URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "",
					(a, b) -> a));
	}

	private static String random() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private record Token(String value, Instant expires) {
	}

	private static final class LocalhostCookies extends CookieManager {

		@Override
		public void put(URI uri, Map<String, List<String>> headers) throws IOException {
			Map<String, List<String>> plain = new java.util.HashMap<>();
			headers.forEach((name, values) -> plain.put(name, (name != null && name.equalsIgnoreCase("Set-Cookie"))
					? values.stream().map((cookie) -> cookie.replaceAll("(?i);\\s*Secure", "")).toList() : values));
			super.put(uri, plain);
		}

	}

}
