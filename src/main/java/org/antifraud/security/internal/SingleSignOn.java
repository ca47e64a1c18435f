package org.antifraud.security.internal;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;

/**
 * How the portal signs in and out when an identity provider holds the login (keycloak
 * mode); local mode has none and signs in with a password.
 */
interface SingleSignOn {

	/**
	 * Where the portal sends the browser to sign in; it appends {@code ?redirect=<path>}.
	 */
	String loginUrl();

	/**
	 * Where the browser goes after the application's own logout to end the provider's
	 * session as well, for the signed-in authentication.
	 */
	Optional<String> logoutUrl(Authentication authentication, HttpServletRequest request);

}
