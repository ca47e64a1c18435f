package org.antifraud.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The current time as the process engine sees it, in Asia/Shanghai. Application code
 * reads the time here so that scenario tests that move the engine clock move the whole
 * application.
 */
public final class Now {

	/** Every date and deadline of the product is in this zone. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private Now() {
	}

	public static Instant instant() {
		return ClockUtil.getCurrentTime().toInstant();
	}

	public static ZonedDateTime zoned() {
		return instant().atZone(ZONE);
	}

	public static LocalDate today() {
		return zoned().toLocalDate();
	}

}
