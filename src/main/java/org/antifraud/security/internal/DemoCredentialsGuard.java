package org.antifraud.security.internal;

import org.antifraud.agency.UserDirectory;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Refuses to start outside the demo profile while any user still has the published demo
 * password, or keycloak mode still uses the demo realm's published portal secret.
 */
@Component
class DemoCredentialsGuard {

	static final String DEMO_PASSWORD = "Demo@2026";

	/** The portal client's secret in infra/keycloak/realm: published, demo only. */
	static final String DEMO_PORTAL_SECRET = "portal-demo-secret";

	private final UserDirectory users;

	private final PasswordEncoder encoder;

	private final Environment environment;

	DemoCredentialsGuard(UserDirectory users, PasswordEncoder encoder, Environment environment) {
		this.users = users;
		this.encoder = encoder;
		this.environment = environment;
	}

	@EventListener(ApplicationStartedEvent.class)
	@Order(100)
	void check() {
		if (this.environment.acceptsProfiles(Profiles.of("demo"))) {
			return;
		}
		if ("keycloak".equals(this.environment.getProperty("antifraud.security.mode")) && DEMO_PORTAL_SECRET
			.equals(this.environment.getProperty("antifraud.security.keycloak.client-secret"))) {
			throw new IllegalStateException("The portal client uses the demo realm's secret; set "
					+ "antifraud.security.keycloak.client-secret (KEYCLOAK_CLIENT_SECRET) outside the demo profile");
		}
		for (String[] user : this.users.allPasswordHashes()) {
			if (this.encoder.matches(DEMO_PASSWORD, user[1])) {
				throw new IllegalStateException("User '" + user[0]
						+ "' has the demo password; demo credentials are allowed only in the demo profile");
			}
		}
	}

}
