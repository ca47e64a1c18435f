package org.antifraud.security;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

import org.antifraud.agency.Role;

/**
 * Who is acting: the user, the one agency they belong to and their roles. Whatever the
 * authentication mode, every module sees only this.
 */
public record Actor(String username, String displayName, String agencyCode, Set<Role> roles) implements Serializable {

	public Actor {
		roles = Set.copyOf(roles);
	}

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

	/** Reads everything: supervisors and the joint office. */
	public boolean readsEverything() {
		return has(Role.SUPERVISOR) || has(Role.JOINT_OFFICE) || has(Role.ADMIN);
	}

	/** The task candidate groups of this actor: one {@code AGENCY:ROLE} per role. */
	public List<String> candidateGroups() {
		return this.roles.stream().map((role) -> group(this.agencyCode, role)).sorted().toList();
	}

	/** The candidate group of a role within an agency, as used on user tasks. */
	public static String group(String agencyCode, Role role) {
		return agencyCode + ":" + role.name();
	}

}
