package org.antifraud.security.internal;

import org.antifraud.agency.UserDirectory;

import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Lets tests run the start-up guard against another environment.
 */
public class DemoCredentialsGuardAccess {

	private final DemoCredentialsGuard guard;

	public DemoCredentialsGuardAccess(UserDirectory users, PasswordEncoder encoder, Environment environment) {
		this.guard = new DemoCredentialsGuard(users, encoder, environment);
	}

	public void check() {
		this.guard.check();
	}

}
