package org.antifraud.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
		this.mvc.perform(get("/engine-rest/engine").with(httpBasic("bank.icbc", PASSWORD)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/engine-rest/engine")).andExpect(status().isUnauthorized());
	}

	@Test
	void camundaWebappsAreForAdminOnly() throws Exception {
		call("supervisor.city", get("/camunda/app/cockpit/default/"), 403);
		this.mvc.perform(get("/camunda/app/cockpit/default/"))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
	}

	@Test
	void healthAndApiDocsArePublic() throws Exception {
		this.mvc.perform(get("/actuator/health")).andExpect(status().isOk());
		this.mvc.perform(get("/v3/api-docs")).andExpect(status().isOk());
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
	}

}
