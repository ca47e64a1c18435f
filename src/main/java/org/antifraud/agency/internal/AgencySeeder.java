package org.antifraud.agency.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.antifraud.agency.Agency;
import org.antifraud.agency.AgencyDirectory;
import org.antifraud.agency.Role;
import org.antifraud.agency.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads agencies from {@code seeds/agencies.json} on every start (insert or update,
 * idempotent) and, in the demo profile only, the demo users of
 * {@code seeds/demo-users.json}.
 */
@Component
public class AgencySeeder {

	private static final Logger log = LoggerFactory.getLogger(AgencySeeder.class);

	private final AgencyRepository agencies;

	private final UserRepository users;

	private final AgencyDirectory directory;

	private final ObjectMapper json;

	private final Environment environment;

	AgencySeeder(AgencyRepository agencies, UserRepository users, AgencyDirectory directory, ObjectMapper json,
			Environment environment) {
		this.agencies = agencies;
		this.users = users;
		this.directory = directory;
		this.json = json;
		this.environment = environment;
	}

	/** Runs before anything reads agencies or users. */
	@EventListener(ApplicationStartedEvent.class)
	@Order(10)
	@Transactional
	public void seed() throws IOException {
		int changed = 0;
		for (Agency agency : read("seeds/agencies.json", AgencySeeds.class).agencies()) {
			changed += this.agencies.upsert(agency) ? 1 : 0;
		}
		this.directory.refresh();
		if (changed > 0) {
			log.info("Seeded {} agencies", changed);
		}
		if (this.environment.acceptsProfiles(Profiles.of("demo"))) {
			int added = 0;
			for (UserSeed seed : read("seeds/demo-users.json", UserSeeds.class).users()) {
				if (!this.users.exists(seed.username())) {
					this.users.insert(
							new User(seed.username(), seed.displayName(), seed.agencyCode(), seed.roles(), true),
							seed.passwordHash());
					added++;
				}
			}
			if (added > 0) {
				log.info("Seeded {} demo users (demo profile)", added);
			}
		}
	}

	private <T> T read(String path, Class<T> type) throws IOException {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return this.json.readValue(in, type);
		}
	}

	record AgencySeeds(List<Agency> agencies) {
	}

	record UserSeeds(List<UserSeed> users) {
	}

	record UserSeed(String username, String displayName, String agencyCode, Set<Role> roles, String passwordHash) {
	}

}
