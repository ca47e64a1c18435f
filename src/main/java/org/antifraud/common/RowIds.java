package org.antifraud.common;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Ids of the product's own rows: UUIDs of version 7 (RFC 9562), whose first 48 bits are
 * the time in milliseconds. Ids made later sort after earlier ones, so a table's primary
 * key index (and every index led by a case id) grows at its end: an insert touches the
 * pages the last inserts touched, where a random (version 4) id touched a random page of
 * a large index, read it from disk and wrote it whole to the write-ahead log after each
 * checkpoint. The 74 random bits keep an id unguessable; the ids show when a row was
 * made, as its creation time already does.
 */
public final class RowIds {

	private static final SecureRandom RANDOM = new SecureRandom();

	private RowIds() {
	}

	/** A new id, 36 characters as any UUID. */
	public static String next() {
		return next(System.currentTimeMillis());
	}

	static String next(long epochMillis) {
		byte[] random = new byte[10];
		RANDOM.nextBytes(random);
		long high = (epochMillis << 16) | 0x7000 | ((random[0] & 0x0fL) << 8) | (random[1] & 0xffL);
		long low = 0;
		for (int i = 2; i < 10; i++) {
			low = (low << 8) | (random[i] & 0xffL);
		}
		low = (low & 0x3fffffffffffffffL) | 0x8000000000000000L;
		return new UUID(high, low).toString();
	}

}
