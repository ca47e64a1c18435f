package org.antifraud.security;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.antifraud.ApplicationTestSupport;
import org.antifraud.agency.UserDirectory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Who may reach what: the API needs a login, Camunda's webapps and engine REST are for
 * ADMIN only, and demo passwords are refused outside the demo profile.
 */
class SecurityTests extends ApplicationTestSupport {

	@Autowired
	private ApplicationContext context;

	/** Keeps the session cookie between requests, as a browser would. */
	private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	@Test
	void apiWithoutLoginIsAProblemNotARedirect() throws Exception {
		this.mvc.perform(get("/api/tasks"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
	}

	@Test
	void httpBasicWithTheDemoPassword() throws Exception {
		this.mvc.perform(get("/api/agencies").with(httpBasic("bank.icbc", PASSWORD))).andExpect(status().isOk());
		this.mvc.perform(get("/api/agencies").with(httpBasic("bank.icbc", "wrong")))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void engineRestIsForAdminOnly() throws Exception {
		assertThat(http("/engine-rest/engine", "bank.icbc").statusCode()).isEqualTo(403);
		assertThat(http("/engine-rest/engine", null).statusCode()).isEqualTo(401);
		assertThat(http("/engine-rest/task", "supervisor.city").statusCode()).isEqualTo(403);
		HttpResponse<String> admin = http("/engine-rest/engine", "admin");
		assertThat(admin.statusCode()).isEqualTo(200);
		assertThat(admin.body()).contains("default");
	}

	@Test
	void camundaWebappsAreForAdminOnly() throws Exception {
		assertThat(http("/camunda/app/cockpit/default/", "supervisor.city").statusCode()).isEqualTo(403);
		assertThat(http("/camunda/app/cockpit/default/", null).statusCode()).isEqualTo(302);
		assertThat(http("/camunda/app/cockpit/default/", "admin").statusCode()).isEqualTo(200);
		// Camunda's webapp sees the same login: after opening Cockpit, the admin is
		// signed in there
		HttpResponse<String> user = http("/camunda/api/admin/auth/user/default", "admin");
		assertThat(user.statusCode()).isEqualTo(200);
		assertThat(user.body()).contains("\"userId\":\"admin\"");
	}

	private HttpResponse<String> http(String path, String username) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "text/html,application/json");
		if (username != null) {
			request.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
		}
		return this.browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void healthAndApiDocsArePublic() throws Exception {
		this.mvc.perform(get("/actuator/health")).andExpect(status().isOk());
		this.mvc.perform(get("/v3/api-docs")).andExpect(status().isOk());
	}

	/**
	 * The users of several agencies in one query are each agency's users, as one agency's
	 * query finds them; an agency without users is absent.
	 */
	@Test
	void usersOfSeveralAgenciesAreEachAgencysUsers() {
		UserDirectory users = this.context.getBean(UserDirectory.class);
		List<String> codes = List.of("ICBC-QD", "QD-PSB-LS", "QD-PSB", "NO-SUCH-AGENCY");
		Map<String, List<org.antifraud.agency.User>> byAgency = users.inAgencies(codes);
		assertThat(byAgency).containsOnlyKeys("ICBC-QD", "QD-PSB-LS", "QD-PSB");
		for (String code : codes) {
			assertThat(byAgency.getOrDefault(code, List.of())).as(code).isEqualTo(users.inAgency(code));
		}
		assertThat(byAgency.get("ICBC-QD")).extracting(org.antifraud.agency.User::username)
			.contains("bank.icbc", "bank.icbc2");
		assertThat(users.inAgencies(List.of())).isEmpty();
	}

	@Test
	void demoPasswordsRefuseToStartOutsideTheDemoProfile() {
		UserDirectory users = this.context.getBean(UserDirectory.class);
		PasswordEncoder encoder = this.context.getBean(PasswordEncoder.class);
		MockEnvironment production = new MockEnvironment();
		production.setActiveProfiles("postgres");
		var guard = new org.antifraud.security.internal.DemoCredentialsGuardAccess(users, encoder, production);
		assertThatIllegalStateException().isThrownBy(guard::check).withMessageContaining("demo password");
		MockEnvironment demo = new MockEnvironment();
		demo.setActiveProfiles("demo");
		new org.antifraud.security.internal.DemoCredentialsGuardAccess(users, encoder, demo).check();
		assertThat(demo.getActiveProfiles()).contains("demo");
		// keycloak mode with the published demo secret of the portal client
		MockEnvironment keycloak = new MockEnvironment().withProperty("antifraud.security.mode", "keycloak")
			.withProperty("antifraud.security.keycloak.client-secret", "portal-demo-secret");
		keycloak.setActiveProfiles("postgres");
		assertThatIllegalStateException()
			.isThrownBy(new org.antifraud.security.internal.DemoCredentialsGuardAccess(users, encoder, keycloak)::check)
			.withMessageContaining("demo realm's secret");
	}

}
