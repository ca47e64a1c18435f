package org.antifraud.security.internal;

import java.util.Optional;

import org.antifraud.security.Actor;
import org.antifraud.security.ActorResolver;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Keycloak mode: the actor of a portal session (read from the access token at login) or
 * of a bearer token on the API.
 */
class KeycloakActorResolver implements ActorResolver {

	private final KeycloakTokens tokens;

	KeycloakActorResolver(KeycloakTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	public Optional<Actor> resolve(Authentication authentication) {
		if (authentication.getPrincipal() instanceof KeycloakOidcUser user) {
			return Optional.of(user.actor());
		}
		if (authentication instanceof JwtAuthenticationToken bearer) {
			return Optional.of(this.tokens.actor(bearer.getToken()));
		}
		return Optional.empty();
	}

}
