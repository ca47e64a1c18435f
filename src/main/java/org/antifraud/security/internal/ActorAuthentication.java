package org.antifraud.security.internal;

import org.antifraud.security.Actor;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A bearer token of the realm with the actor read from it once, when it was validated.
 */
class ActorAuthentication extends JwtAuthenticationToken {

	private static final long serialVersionUID = 1L;

	private final Actor actor;

	ActorAuthentication(Jwt token, Actor actor) {
		super(token, KeycloakTokens.authorities(actor), actor.username());
		this.actor = actor;
	}

	Actor actor() {
		return this.actor;
	}

}
