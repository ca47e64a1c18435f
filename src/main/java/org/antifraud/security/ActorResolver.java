package org.antifraud.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;

/**
 * Turns the authentication of one mode (a local session, a Keycloak token) into an actor.
 */
public interface ActorResolver {

	Optional<Actor> resolve(Authentication authentication);

}
