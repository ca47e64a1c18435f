package org.antifraud.common;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RowIdsTests {

	@Test
	void anIdIsAVersion7UuidCarryingItsMillisecond() {
		long at = 1_796_000_000_123L;
		UUID id = UUID.fromString(RowIds.next(at));
		assertThat(id.version()).isEqualTo(7);
		assertThat(id.variant()).isEqualTo(2);
		assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(at);
		assertThat(RowIds.next()).hasSize(36)
			.matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
	}

	@Test
	void laterIdsSortAfterEarlierOnesAsTextAndNoneRepeats() {
		List<String> ids = new ArrayList<>();
		Set<String> distinct = new HashSet<>();
		for (long at = 1_796_000_000_000L; at < 1_796_000_000_000L + 1_000; at++) {
			for (int i = 0; i < 100; i++) {
				String id = RowIds.next(at);
				distinct.add(id);
				if (i == 0) {
					ids.add(id);
				}
			}
		}
		assertThat(distinct).hasSize(100_000);
		assertThat(ids).isSorted();
		// the random bits vary within a millisecond
		assertThat(RowIds.next(0).substring(15)).isNotEqualTo(RowIds.next(0).substring(15));
	}

}
