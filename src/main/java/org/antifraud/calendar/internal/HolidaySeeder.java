package org.antifraud.calendar.internal;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.antifraud.calendar.HolidayArrangement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the arrangements shipped in {@code seeds/holidays} for years not yet in the
 * database; a year an administrator has replaced is never overwritten.
 */
@Component
class HolidaySeeder {

	private static final Logger log = LoggerFactory.getLogger(HolidaySeeder.class);

	private final HolidayStore store;

	private final ObjectMapper json;

	HolidaySeeder(HolidayStore store, ObjectMapper json) {
		this.store = store;
		this.json = json;
	}

	@EventListener(ApplicationStartedEvent.class)
	@Order(20)
	@Transactional
	public void seed() throws IOException {
		Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:seeds/holidays/*.json");
		for (Resource file : files) {
			try (InputStream in = file.getInputStream()) {
				HolidayArrangement arrangement = this.json.readValue(in, HolidayArrangement.class);
				arrangement.validate(arrangement.year());
				if (!this.store.exists(arrangement.year())) {
					this.store.save(arrangement, "seed");
					log.info("Loaded holiday arrangement {}", arrangement.year());
				}
			}
		}
	}

}
