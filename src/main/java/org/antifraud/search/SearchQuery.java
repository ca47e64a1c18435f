package org.antifraud.search;

import java.time.LocalDate;

/**
 * A search as a user asks it.
 *
 * @param text the words, phrases, names or identifiers typed
 * @param type only items of this type, or all
 * @param agency only items owned by this agency, or all
 * @param status only items in this status, or all
 * @param from only items dated on or after this day
 * @param to only items dated on or before this day
 * @param page the page, from 0
 * @param size items per page
 */
public record SearchQuery(String text, String type, String agency, String status, LocalDate from, LocalDate to,
		int page, int size) {
}
