package org.antifraud.security.internal;

import org.antifraud.agency.User;
import org.antifraud.agency.UserDirectory;
import org.antifraud.security.Actor;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Loads local users with their agency and roles.
 */
class LocalUserDetailsService implements UserDetailsService {

	private final UserDirectory users;

	LocalUserDetailsService(UserDirectory users) {
		this.users = users;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		User user = this.users.find(username)
			.filter(User::enabled)
			.orElseThrow(() -> new UsernameNotFoundException(username));
		String hash = this.users.passwordHash(username).orElseThrow(() -> new UsernameNotFoundException(username));
		return new LocalUserDetails(new Actor(user.username(), user.displayName(), user.agencyCode(), user.roles()),
				hash);
	}

}
