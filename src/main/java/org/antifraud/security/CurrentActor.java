package org.antifraud.security;

import java.util.Optional;

import org.antifraud.common.ApiException;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The actor of the current request, whichever authentication mode produced it.
 */
@Component
public class CurrentActor {

	private final ActorResolver resolver;

	CurrentActor(ActorResolver resolver) {
		this.resolver = resolver;
	}

	/** The signed-in actor; 401 when there is none. */
	public Actor get() {
		return find().orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "error.unauthenticated"));
	}

	public Optional<Actor> find() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()) {
			return Optional.empty();
		}
		return this.resolver.resolve(authentication);
	}

}
