package org.antifraud.security.internal;

import java.util.Optional;

import org.antifraud.security.Actor;
import org.antifraud.security.ActorResolver;

import org.springframework.security.core.Authentication;

/**
 * Keycloak mode: the actor read once from the access token, at the portal's sign-in (kept
 * in the session) or when a bearer token on the API was validated.
 */
class KeycloakActorResolver implements ActorResolver {

	@Override
	public Optional<Actor> resolve(Authentication authentication) {
		if (authentication.getPrincipal() instanceof KeycloakOidcUser user) {
			return Optional.of(user.actor());
		}
		if (authentication instanceof ActorAuthentication bearer) {
			return Optional.of(bearer.actor());
		}
		return Optional.empty();
	}

}
