package org.antifraud.search;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One searchable item, a case or a document, as a module describes it. Texts are plain;
 * resident IDs and phone numbers in them are masked by the index before they are stored,
 * while {@code identifiers} are matched exactly and never shown.
 *
 * @param type the kind of item: the case kind ({@code discipline}, {@code pil}, ...) or
 * {@code document}
 * @param id the item's id (a case's or document's id)
 * @param caseRef the case it belongs to (its own id for a case)
 * @param title what a result line shows
 * @param status the item's status, for filters and facets
 * @param agency the owning agency, for filters and facets
 * @param readers the agencies whose users may open the item (supervisors open everything)
 * @param date the day it was filed or issued, for the date filter and the year facet
 * @param identifiers exact keywords: resident IDs, case numbers, 文号, accounts, phones
 * @param numbers account, card and phone numbers, also found by their last four or more
 * digits
 * @param names people and organisations named, weighted above free text
 * @param text free text: facts, opinions, minutes, replies, a document's text
 */
public record SearchDocument(String type, String id, String caseRef, String title, String status, String agency,
		Set<String> readers, LocalDate date, List<String> identifiers, List<String> numbers, String names,
		String text) {

	public SearchDocument {
		readers = Set.copyOf(readers);
		identifiers = identifiers.stream().filter((value) -> value != null && !value.isBlank()).toList();
		numbers = numbers.stream().filter((value) -> value != null && !value.isBlank()).toList();
		names = (names != null) ? names : "";
		text = (text != null) ? text : "";
	}

	/** The parts that are there, one per line: the free text of several fields. */
	public static String lines(String... parts) {
		return Arrays.stream(parts).filter(Objects::nonNull).collect(Collectors.joining("\n"));
	}

	/** The values that are there: identifiers from fields that may be empty. */
	public static List<String> present(String... values) {
		return Arrays.stream(values).filter(Objects::nonNull).toList();
	}

	/** Agencies as readers: any number, repeated or missing ones dropped. */
	public static Set<String> readers(String... agencies) {
		return Arrays.stream(agencies).filter(Objects::nonNull).collect(Collectors.toCollection(LinkedHashSet::new));
	}

	/** The unique key of the item in an index. */
	public String key() {
		return this.type + ":" + this.id;
	}

}
