package org.antifraud.agency;

import java.util.List;
import java.util.Optional;

import org.antifraud.agency.internal.UserRepository;

import org.springframework.stereotype.Service;

/**
 * Looks up staff users and their password hashes for the local authentication mode.
 */
@Service
public class UserDirectory {

	private final UserRepository repository;

	UserDirectory(UserRepository repository) {
		this.repository = repository;
	}

	public Optional<User> find(String username) {
		return this.repository.find(username);
	}

	/** The stored password hash, for local sign-in only. */
	public Optional<String> passwordHash(String username) {
		return this.repository.passwordHash(username);
	}

	public List<User> inAgency(String agencyCode) {
		return this.repository.inAgency(agencyCode);
	}

	/**
	 * Every username with its password hash, for the start-up check against demo
	 * credentials.
	 */
	public List<String[]> allPasswordHashes() {
		return this.repository.allPasswordHashes();
	}

}
