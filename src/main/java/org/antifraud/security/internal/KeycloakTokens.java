package org.antifraud.security.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.antifraud.agency.AgencyDirectory;
import org.antifraud.agency.Role;
import org.antifraud.security.Actor;
import org.antifraud.security.KeycloakProperties;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Turns a validated Keycloak access token into an actor: the username (a bank system's
 * service account keeps Keycloak's {@code service-account-…} name), the roles of this
 * product found in {@code realm_access.roles}, and the agency from its claim. A token
 * whose agency this city does not know is refused, as is one without a role here.
 */
class KeycloakTokens {

	private static final Set<String> ROLE_NAMES = Arrays.stream(Role.values())
		.map(Enum::name)
		.collect(Collectors.toUnmodifiableSet());

	private final AgencyDirectory agencies;

	private final String agencyClaim;

	KeycloakTokens(AgencyDirectory agencies, KeycloakProperties properties) {
		this.agencies = agencies;
		this.agencyClaim = properties.agencyClaim();
	}

	Actor actor(Jwt token) {
		String agency = token.getClaimAsString(this.agencyClaim);
		if (agency == null || this.agencies.find(agency).isEmpty()) {
			throw refused("The token names no agency known here");
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		realmRoles(token).stream().filter(ROLE_NAMES::contains).map(Role::valueOf).forEach(roles::add);
		if (roles.isEmpty()) {
			throw refused("The token carries no role of this application");
		}
		String username = token.getClaimAsString("preferred_username");
		if (username == null || username.isBlank()) {
			throw refused("The token names no user");
		}
		String name = token.getClaimAsString("name");
		String displayName = (name != null && !name.isBlank()) ? name.trim() : this.agencies.name(agency);
		return new Actor(username, displayName, agency, roles);
	}

	static List<GrantedAuthority> authorities(Actor actor) {
		return actor.roles()
			.stream()
			.<GrantedAuthority>map((role) -> new SimpleGrantedAuthority(role.authority()))
			.toList();
	}

	private static Collection<String> realmRoles(Jwt token) {
		Map<String, Object> access = token.getClaimAsMap("realm_access");
		Object roles = (access != null) ? access.get("roles") : null;
		return (roles instanceof Collection<?> names) ? names.stream().map(String::valueOf).toList() : List.of();
	}

	private static OAuth2AuthenticationException refused(String reason) {
		return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, reason, null));
	}

}
