package org.antifraud.document.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Breaks Chinese text into lines the way typesetters do (禁则): no line starts with closing
 * punctuation, no line ends with opening punctuation, and a run of Latin letters and
 * digits (a number, an account, a date like 2026-09-28) is never split unless it is
 * longer than a whole line.
 */
final class LineBreaker {

	/** Characters that may not start a line. */
	private static final String CLOSING = "，。、；：？！）》」』”’〕】〗…—%‰·,.;:?!)]}>～";

	/** Characters that may not end a line. */
	private static final String OPENING = "（《「『“‘〔【〖([{<";

	private LineBreaker() {
	}

	/**
	 * Lines of {@code text}: the first at most {@code firstWidth} wide, the rest at most
	 * {@code width}; {@code measure} gives the width of a piece of text.
	 */
	static List<String> lines(String text, double firstWidth, double width, Width measure) {
		List<String> units = units(text);
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		double lineWidth = 0;
		double limit = firstWidth;
		for (String unit : units) {
			double unitWidth = measure.of(unit);
			if (lineWidth + unitWidth <= limit + 0.01) {
				line.append(unit);
				lineWidth += unitWidth;
				continue;
			}
			if (!line.isEmpty()) {
				lines.add(line.toString());
				line.setLength(0);
				lineWidth = 0;
				limit = width;
			}
			String rest = unit.stripLeading();
			// a unit wider than a whole line (a very long number) is split where it must
			// be
			while (measure.of(rest) > limit + 0.01) {
				int cut = rest.offsetByCodePoints(0, 1);
				while (cut < rest.length()
						&& measure.of(rest.substring(0, rest.offsetByCodePoints(cut, 1))) <= limit + 0.01) {
					cut = rest.offsetByCodePoints(cut, 1);
				}
				lines.add(rest.substring(0, cut));
				rest = rest.substring(cut);
				limit = width;
			}
			line.append(rest);
			lineWidth = measure.of(rest);
		}
		if (!line.isEmpty() || lines.isEmpty()) {
			lines.add(line.toString());
		}
		return lines;
	}

	/** The pieces that stay together on one line. */
	static List<String> units(String text) {
		List<String> units = new ArrayList<>();
		StringBuilder pending = new StringBuilder();
		int i = 0;
		while (i < text.length()) {
			int codePoint = text.codePointAt(i);
			int end = i + Character.charCount(codePoint);
			if (isWordChar(codePoint)) {
				while (end < text.length() && (isWordChar(text.codePointAt(end)) || (isJoiner(text.charAt(end))
						&& end + 1 < text.length() && isWordChar(text.codePointAt(end + 1))))) {
					end += Character.charCount(text.codePointAt(end));
				}
			}
			String piece = text.substring(i, end);
			i = end;
			if (OPENING.indexOf(codePoint) >= 0) {
				pending.append(piece);
				continue;
			}
			if (CLOSING.indexOf(codePoint) >= 0 && pending.isEmpty() && !units.isEmpty()) {
				units.set(units.size() - 1, units.get(units.size() - 1) + piece);
				continue;
			}
			units.add(pending + piece);
			pending.setLength(0);
		}
		if (!pending.isEmpty()) {
			units.add(pending.toString());
		}
		return units;
	}

	/** The width of a piece of text as it will be set. */
	@FunctionalInterface
	interface Width {

		double of(String text);

	}

	private static boolean isWordChar(int codePoint) {
		return (codePoint < 0x80 && Character.isLetterOrDigit(codePoint))
				|| (codePoint >= 0xFF10 && codePoint <= 0xFF19);
	}

	private static boolean isJoiner(char c) {
		return c == '.' || c == '-' || c == '/' || c == ':' || c == '_' || c == '@' || c == '*';
	}

}
