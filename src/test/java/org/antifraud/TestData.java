package org.antifraud;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random identifiers that pass the product's checks, for tests and benchmarks.
 */
public final class TestData {

	private TestData() {
	}

	/** A random resident ID with a valid birth date and check character. */
	public static String residentId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(random.nextInt(15000));
		String body = String.format("370212%s%03d", birth.toString().replace("-", ""), random.nextInt(1000));
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (body.charAt(i) - '0') * weights[i];
		}
		return body + "10X98765432".charAt(sum % 11);
	}

	/** A fresh Luhn-valid bank card number. */
	public static String cardNumber() {
		StringBuilder digits = new StringBuilder("622202");
		ThreadLocalRandom random = ThreadLocalRandom.current();
		while (digits.length() < 18) {
			digits.append(random.nextInt(10));
		}
		int sum = 0;
		for (int i = 0; i < 18; i++) {
			int digit = digits.charAt(17 - i) - '0';
			if (i % 2 == 0) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
		}
		return digits.append((10 - sum % 10) % 10).toString();
	}

	/** A fresh mainland mobile number. */
	public static String phone() {
		return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
	}

}
