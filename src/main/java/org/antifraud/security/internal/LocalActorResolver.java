package org.antifraud.security.internal;

import java.util.Optional;

import org.antifraud.agency.UserDirectory;
import org.antifraud.security.Actor;
import org.antifraud.security.ActorResolver;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/**
 * Local mode: the actor is the database user behind the session or HTTP Basic login.
 */
@Component
@ConditionalOnProperty(name = "antifraud.security.mode", havingValue = "local", matchIfMissing = true)
class LocalActorResolver implements ActorResolver {

	private final UserDirectory users;

	LocalActorResolver(UserDirectory users) {
		this.users = users;
	}

	@Override
	public Optional<Actor> resolve(Authentication authentication) {
		if (authentication instanceof AnonymousAuthenticationToken
				|| !(authentication.getPrincipal() instanceof UserDetails details)) {
			return Optional.empty();
		}
		if (details instanceof LocalUserDetails local) {
			return Optional.of(local.actor());
		}
		return this.users.find(details.getUsername())
			.map((user) -> new Actor(user.username(), user.displayName(), user.agencyCode(), user.roles()));
	}

}
