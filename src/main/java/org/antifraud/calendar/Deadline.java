package org.antifraud.calendar;

import java.time.LocalDate;

/**
 * A computed deadline. {@code provisional} is true when the computation crossed a year
 * whose official arrangement is not loaded, so only weekends were known.
 */
public record Deadline(LocalDate date, boolean provisional) {
}
