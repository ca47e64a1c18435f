package org.antifraud.intake.internal;

import java.util.List;
import java.util.Map;

import org.antifraud.security.Actor;

/**
 * One kind of spreadsheet: its columns, the natural key of a row, and how a row is
 * checked and imported through the owning module.
 */
interface RowImport {

	/** The kind as it appears in the URL, for example {@code account-signals}. */
	String kind();

	/** Sheet title of the template. */
	String title();

	List<Column> columns();

	/** The natural key: the same key uploaded again creates nothing new. */
	String key(Map<String, String> row, Actor actor);

	/** Throws the module's 400 problem when the row is not valid for {@code actor}. */
	void validate(Map<String, String> row, Actor actor);

	/** Imports a valid row; returns the id of what it created. */
	String importRow(Map<String, String> row, Actor actor);

	/** The column header a field of the module's validation belongs to. */
	default String column(String field) {
		String plain = field.replaceAll("\\[\\d+]", "");
		return columns().stream()
			.filter((column) -> column.field().equals(plain) || plain.startsWith(column.field() + "."))
			.findFirst()
			.or(() -> columns().stream().filter((column) -> column.field().startsWith(plain + ".")).findFirst())
			.map(Column::header)
			.orElse(columns().get(0).header());
	}

	/**
	 * A column of the sheet.
	 *
	 * @param header the Chinese header users see
	 * @param field the field of the module's command it fills
	 * @param note how to fill it
	 * @param example an example value
	 */
	record Column(String header, String field, String note, String example) {
	}

	/** A non-blank cell's text, or null. */
	static String value(Map<String, String> row, String header) {
		String value = row.get(header);
		return (value != null && !value.isBlank()) ? value.trim() : null;
	}

	/** Maps a Chinese label to its code; other values pass through. */
	static String code(String value, Map<String, String> labels) {
		return (value != null) ? labels.getOrDefault(value, value) : null;
	}

}
