package org.antifraud.agency;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.antifraud.agency.internal.UserRepository;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Looks up staff users and their password hashes for the local authentication mode.
 */
@Service
public class UserDirectory {

	private final UserRepository repository;

	private final TransactionTemplate transactions;

	UserDirectory(UserRepository repository, PlatformTransactionManager transactions) {
		this.repository = repository;
		this.transactions = new TransactionTemplate(transactions);
	}

	public Optional<User> find(String username) {
		return this.repository.find(username);
	}

	/** The stored password hash, for local sign-in only. */
	public Optional<String> passwordHash(String username) {
		return this.repository.passwordHash(username);
	}

	/**
	 * Records a user who signed in through the identity provider (keycloak mode), so
	 * colleagues find them for a transfer; their agency and roles follow the provider.
	 */
	public void remember(User user) {
		try {
			this.transactions.executeWithoutResult((status) -> this.repository.remember(user));
		}
		catch (DuplicateKeyException ex) {
			// the same user's first sign-in on another node at the same moment: update
			// theirs
			this.transactions.executeWithoutResult((status) -> this.repository.remember(user));
		}
	}

	public List<User> inAgency(String agencyCode) {
		return this.repository.inAgency(agencyCode);
	}

	/**
	 * The users of each agency of {@code agencyCodes}, by agency code (an agency without
	 * users is absent), in one query.
	 */
	public Map<String, List<User>> inAgencies(Collection<String> agencyCodes) {
		return this.repository.inAgencies(agencyCodes);
	}

	/**
	 * Every username with its password hash, for the start-up check against demo
	 * credentials.
	 */
	public List<String[]> allPasswordHashes() {
		return this.repository.allPasswordHashes();
	}

}
