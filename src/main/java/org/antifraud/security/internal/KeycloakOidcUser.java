package org.antifraud.security.internal;

import org.antifraud.security.Actor;

import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * A portal user signed in through Keycloak, kept in the server session with the actor
 * read from their access token (the browser holds only the session cookie).
 */
class KeycloakOidcUser extends DefaultOidcUser {

	private static final long serialVersionUID = 1L;

	private final Actor actor;

	KeycloakOidcUser(Actor actor, OidcIdToken idToken, OidcUserInfo userInfo) {
		super(KeycloakTokens.authorities(actor), idToken, userInfo, "preferred_username");
		this.actor = actor;
	}

	Actor actor() {
		return this.actor;
	}

}
