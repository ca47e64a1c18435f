package org.antifraud.common;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * Checks and masks the identifiers users type every day: resident ID numbers (GB 11643),
 * mobile numbers and bank card numbers (Luhn).
 */
public final class Identifiers {

	private static final int[] ID_WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] ID_CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

	private static final Pattern ID_SHAPE = Pattern.compile("\\d{17}[\\dX]");

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	private Identifiers() {
	}

	/** Upper-cases and trims a resident ID so "x" and surrounding blanks are accepted. */
	public static String normalizeResidentId(String value) {
		return (value != null) ? value.trim().toUpperCase() : null;
	}

	/**
	 * Whether the 18-character resident ID has a real birth date and the right check
	 * character.
	 */
	public static boolean isValidResidentId(String value) {
		if (value == null || !ID_SHAPE.matcher(value).matches()) {
			return false;
		}
		try {
			LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
					Integer.parseInt(value.substring(12, 14)));
		}
		catch (DateTimeException ex) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (value.charAt(i) - '0') * ID_WEIGHTS[i];
		}
		return ID_CHECK[sum % 11] == value.charAt(17);
	}

	public static boolean isValidMobile(String value) {
		return value != null && MOBILE.matcher(value).matches();
	}

	/** Luhn check used by bank card numbers. */
	public static boolean isValidBankCard(String value) {
		if (value == null || !value.matches("\\d{12,19}")) {
			return false;
		}
		int sum = 0;
		boolean doubled = false;
		for (int i = value.length() - 1; i >= 0; i--) {
			int digit = value.charAt(i) - '0';
			if (doubled) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
			doubled = !doubled;
		}
		return sum % 10 == 0;
	}

	/**
	 * Keeps the first {@code head} and last {@code tail} characters and stars the rest.
	 */
	public static String mask(String value, int head, int tail) {
		if (value == null || value.length() <= head + tail) {
			return value;
		}
		return value.substring(0, head) + "*".repeat(value.length() - head - tail)
				+ value.substring(value.length() - tail);
	}

	public static String maskResidentId(String value) {
		return mask(value, 6, 4);
	}

	public static String maskPhone(String value) {
		return mask(value, 3, 4);
	}

}
