package org.antifraud.discipline.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * A determination as filed by a police officer. Enumerations arrive as text and are
 * checked with the other fields, so every problem is reported at once.
 */
record FilingRequest(Subject subject, String category, Basis basis, List<InstrumentInput> instruments,
		Integer timesCount, Integer counterpartiesCount) {

	record Subject(String name, String idNumber, String phone) {
	}

	record Basis(String documentNumber, LocalDate decidedOn, LocalDate lastActOn, String summary) {
	}

	record InstrumentInput(String type, String identifier, String institutionCode) {
	}

}
