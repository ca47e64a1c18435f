package org.antifraud.discipline;

import java.util.Arrays;
import java.util.List;

/**
 * Measures of joint discipline as codes of the {@code DisciplineMeasures} table, each
 * addressed to a sector: finance (banks, payment institutions), telecom (operators) or
 * credit (the NDRC list).
 */
public enum Measure {

	FINANCE_NON_COUNTER_OUTFLOW(Sector.FINANCE), PAYMENT_ACCOUNT_RESTRICTED(Sector.FINANCE),
	FINANCE_NO_NEW_ACCOUNTS(Sector.FINANCE), CREDIT_RECORD(Sector.FINANCE), TELECOM_RESTRICTED(Sector.TELECOM),
	TELECOM_NO_NEW_BUSINESS(Sector.TELECOM), DISHONEST_LIST(Sector.CREDIT);

	private final Sector sector;

	Measure(Sector sector) {
		this.sector = sector;
	}

	public Sector sector() {
		return this.sector;
	}

	/** Parses the comma-separated codes stored on a case. */
	public static List<Measure> parse(String codes) {
		if (codes == null || codes.isBlank()) {
			return List.of();
		}
		return Arrays.stream(codes.split(",")).map(String::trim).map(Measure::valueOf).distinct().sorted().toList();
	}

	/** Joins measures into the stored form. */
	public static String join(List<Measure> measures) {
		return String.join(",", measures.stream().distinct().sorted().map(Measure::name).toList());
	}

	/** Who executes a measure. */
	public enum Sector {

		FINANCE, TELECOM, CREDIT

	}

}
