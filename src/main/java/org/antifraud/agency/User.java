package org.antifraud.agency;

import java.util.Set;

/**
 * A staff user: belongs to exactly one agency and holds roles there.
 */
public record User(String username, String displayName, String agencyCode, Set<Role> roles, boolean enabled) {

	public User {
		roles = Set.copyOf(roles);
	}

}
