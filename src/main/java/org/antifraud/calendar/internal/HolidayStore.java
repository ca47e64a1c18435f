package org.antifraud.calendar.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.antifraud.calendar.HolidayArrangement;
import org.antifraud.common.Now;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps each year's arrangement in the database as JSON and the day sets in memory. The
 * memory copy is refreshed after a change and at most a minute old on other nodes.
 */
@Component
public class HolidayStore {

	private static final long TTL_MILLIS = 60_000;

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final Map<Integer, Cached> cache = new ConcurrentHashMap<>();

	HolidayStore(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** The day sets of one loaded year. */
	public record Year(Set<LocalDate> holidays, Set<LocalDate> workingWeekends) {
	}

	private record Cached(Optional<Year> year, long loadedAt) {
	}

	public Optional<Year> year(int year) {
		Cached cached = this.cache.get(year);
		if (cached == null || System.currentTimeMillis() - cached.loadedAt() > TTL_MILLIS) {
			cached = new Cached(find(year).map((arrangement) -> new Year(Set.copyOf(arrangement.offDays()),
					new HashSet<>(arrangement.workingWeekends()))), System.currentTimeMillis());
			this.cache.put(year, cached);
		}
		return cached.year();
	}

	public Optional<HolidayArrangement> find(int year) {
		return this.jdbc.sql("select arrangement from holiday_year where year_number = ?")
			.param(year)
			.query(String.class)
			.optional()
			.map(this::read);
	}

	public boolean exists(int year) {
		return this.jdbc.sql("select count(*) from holiday_year where year_number = ?")
			.param(year)
			.query(Integer.class)
			.single() > 0;
	}

	public void save(HolidayArrangement arrangement, String changedBy) {
		String text = write(arrangement);
		Timestamp now = Timestamp.from(Now.instant());
		int updated = this.jdbc
			.sql("update holiday_year set arrangement = ?, updated_at = ?, updated_by = ? where year_number = ?")
			.params(text, now, changedBy, arrangement.year())
			.update();
		if (updated == 0) {
			this.jdbc
				.sql("insert into holiday_year (year_number, arrangement, updated_at, updated_by) values (?, ?, ?, ?)")
				.params(arrangement.year(), text, now, changedBy)
				.update();
		}
		evictAfterCommit(arrangement.year());
	}

	private void evictAfterCommit(int year) {
		this.cache.remove(year);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					HolidayStore.this.cache.remove(year);
				}
			});
		}
	}

	HolidayArrangement read(String text) {
		try {
			return this.json.readValue(text, HolidayArrangement.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Stored holiday arrangement is not readable", ex);
		}
	}

	private String write(HolidayArrangement arrangement) {
		try {
			return this.json.writeValueAsString(arrangement);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
