package org.antifraud.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.antifraud.common.Identifiers;
import org.antifraud.search.SearchDocument;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * What every backend does the same way: masking what is stored and shown, normalizing
 * identifiers, cutting numbers into the suffixes they are found by, and reading a typed
 * query into tokens.
 */
final class SearchFields {

	/** The fewest trailing digits a number is found by. */
	static final int MIN_SUFFIX = 4;

	private static final Pattern RESIDENT_ID = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[0-9Xx](?![0-9A-Za-z])");

	private static final Pattern MOBILE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");

	/** The analyzer of every text field: the standard one, without stop words. */
	static final Analyzer ANALYZER = new StandardAnalyzer(CharArraySet.EMPTY_SET);

	private static final Pattern SEPARATORS = Pattern.compile("[\\s,，、;；]+");

	private SearchFields() {
	}

	/**
	 * What every backend stores of an item beyond its plain fields: identifiers
	 * normalized, the number tails, and the texts masked.
	 */
	record Indexed(List<String> ids, List<String> suffixes, String title, String names, String text) {

		static Indexed of(SearchDocument d) {
			return new Indexed(d.identifiers().stream().map(SearchFields::identifier).toList(),
					d.numbers().stream().flatMap((number) -> SearchFields.suffixes(number).stream()).toList(),
					mask(d.title()), mask(d.names()), mask(d.text()));
		}

	}

	/** Resident IDs and mobile numbers masked, as titles and snippets show them. */
	static String mask(String text) {
		if (text == null) {
			return "";
		}
		String masked = replace(RESIDENT_ID, text, Identifiers::maskResidentId);
		return replace(MOBILE, masked, Identifiers::maskPhone);
	}

	private static String replace(Pattern pattern, String text, UnaryOperator<String> masking) {
		Matcher matcher = pattern.matcher(text);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(out, Matcher.quoteReplacement(masking.apply(matcher.group())));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	/** An identifier as it is indexed and looked up: trimmed, upper case, no spaces. */
	static String identifier(String value) {
		return value.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
	}

	/**
	 * The trailing digit runs of a number a user may type: its last 4, 5, ... digits up
	 * to the whole number.
	 */
	static Set<String> suffixes(String number) {
		String digits = number.replaceAll("\\D", "");
		Set<String> suffixes = new LinkedHashSet<>();
		for (int length = MIN_SUFFIX; length <= digits.length(); length++) {
			suffixes.add(digits.substring(digits.length() - length));
		}
		return suffixes;
	}

	/** The tokens of a typed query: words, phrases or identifiers, split at spaces. */
	static List<String> tokens(String text) {
		List<String> tokens = new ArrayList<>();
		if (text == null) {
			return tokens;
		}
		for (String token : SEPARATORS.split(text.strip())) {
			if (!token.isEmpty() && tokens.size() < 16) {
				tokens.add((token.length() > 100) ? token.substring(0, 100) : token);
			}
		}
		return tokens;
	}

	/**
	 * The analyzed terms of each typed token, as the text fields hold them (Lucene's
	 * standard analyzer cuts as Elasticsearch's {@code standard} does: Chinese into
	 * single characters, other words whole, lower case).
	 */
	static List<List<String>> terms(List<String> tokens) {
		List<List<String>> analyzed = new ArrayList<>();
		for (String token : tokens) {
			List<String> terms = new ArrayList<>();
			try (TokenStream stream = ANALYZER.tokenStream("all", token)) {
				CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
				stream.reset();
				while (stream.incrementToken()) {
					terms.add(term.toString());
				}
				stream.end();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			analyzed.add(terms);
		}
		return analyzed;
	}

	/**
	 * A snippet with adjacent marks joined: the characters of a Chinese phrase are terms
	 * of their own, so 收购两卡 comes back as four marks and is shown as one.
	 */
	static String snippet(String highlighted) {
		return highlighted.replace("</em><em>", "");
	}

	/** Every facet dimension, in order, with no counts yet. */
	static Map<String, Map<String, Long>> emptyFacets() {
		Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
		for (String dimension : LuceneCaseSearch.FACETS) {
			counts.put(dimension, new LinkedHashMap<>());
		}
		return counts;
	}

	/** Whether a token can be the tail of a number. */
	static boolean isNumberTail(String token) {
		return token.length() >= MIN_SUFFIX && token.chars().allMatch(Character::isDigit);
	}

}
