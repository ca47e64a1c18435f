package org.antifraud.document.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A letter template: a header ({@code title:}, {@code number:}, optional
 * {@code sequence:}), a line {@code ---}, then one paragraph per line. Placeholders are
 * {@code {field}} and are only ever replaced by text. A paragraph starting with {@code =}
 * is set flush left (the 主送 line); one starting with {@code {?field}} is left out when
 * the field is blank; a paragraph that is a single placeholder becomes one paragraph per
 * line of its value.
 *
 * @param name the template's name
 * @param title the letter's title
 * @param numberPattern the 文号 pattern ({@code {abbr}}, {@code {year}}, {@code {seq}},
 * {@code {seq4}})
 * @param sequence the numbering sequence's kind, by default {@code letter-<name>}
 * @param lines the body lines
 */
record LetterTemplate(String name, String title, String numberPattern, String sequence, List<String> lines) {

	private static final Pattern FIELD = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

	private static final Pattern CONDITION = Pattern.compile("^\\{\\?([A-Za-z][A-Za-z0-9]*)}");

	/** Fields the application fills in itself. */
	static final Set<String> BUILT_IN = Set.of("recipient", "issuer", "date", "number");

	static LetterTemplate parse(String name, String text) {
		String[] parts = text.replace("\r\n", "\n").split("\n---\n", 2);
		if (parts.length != 2) {
			throw new IllegalStateException("Template " + name + " has no '---' line");
		}
		String title = null;
		String number = null;
		String sequence = "letter-" + name;
		for (String line : parts[0].split("\n")) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			int colon = line.indexOf(':');
			String key = line.substring(0, colon).trim();
			String value = line.substring(colon + 1).trim();
			switch (key) {
				case "title" -> title = value;
				case "number" -> number = value;
				case "sequence" -> sequence = value;
				default -> throw new IllegalStateException("Template " + name + ": unknown header " + key);
			}
		}
		if (title == null || number == null) {
			throw new IllegalStateException("Template " + name + " needs title and number");
		}
		List<String> lines = parts[1].lines().filter((line) -> !line.isBlank()).map(String::strip).toList();
		return new LetterTemplate(name, title, number, sequence, lines);
	}

	/** Every field the template uses, built-in ones excluded. */
	Set<String> fields() {
		Set<String> fields = new LinkedHashSet<>();
		for (String line : this.lines) {
			Matcher matcher = FIELD.matcher(line.replaceFirst("^\\{\\?", "{"));
			while (matcher.find()) {
				fields.add(matcher.group(1));
			}
		}
		fields.removeAll(BUILT_IN);
		return fields;
	}

	/**
	 * The body paragraphs with every field replaced.
	 * @throws IllegalArgumentException when a field has no value
	 */
	List<Paragraph> paragraphs(Map<String, String> values) {
		List<Paragraph> paragraphs = new ArrayList<>();
		for (String line : this.lines) {
			Matcher condition = CONDITION.matcher(line);
			if (condition.find()) {
				String value = value(values, condition.group(1));
				if (value.isBlank()) {
					continue;
				}
				line = line.substring(condition.end());
			}
			boolean flush = line.startsWith("=");
			String body = flush ? line.substring(1) : line;
			Matcher whole = FIELD.matcher(body);
			if (whole.matches()) {
				value(values, whole.group(1)).lines()
					.filter((part) -> !part.isBlank())
					.forEach((part) -> paragraphs.add(new Paragraph(part.strip(), flush)));
				continue;
			}
			paragraphs.add(new Paragraph(fill(body, values), flush));
		}
		return paragraphs;
	}

	/** {@code text} with every placeholder replaced by its value. */
	static String fill(String text, Map<String, String> values) {
		Matcher matcher = FIELD.matcher(text);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(out, Matcher.quoteReplacement(value(values, matcher.group(1))));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	private static String value(Map<String, String> values, String field) {
		String value = values.get(field);
		if (value == null) {
			throw new IllegalArgumentException("Letter field " + field + " has no value");
		}
		return value;
	}

	/** A body paragraph: indented two characters unless flush left. */
	record Paragraph(String text, boolean flush) {
	}

}
