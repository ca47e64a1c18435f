package org.antifraud.discipline;

import java.time.LocalDate;
import java.util.List;

/**
 * A determination as filed by a police officer. Enumerations arrive as text and are
 * checked with the other fields, so every problem is reported at once.
 */
public record FilingRequest(Subject subject, String category, Basis basis, List<InstrumentInput> instruments,
		Integer timesCount, Integer counterpartiesCount) {

	public record Subject(String name, String idNumber, String phone) {
	}

	public record Basis(String documentNumber, LocalDate decidedOn, LocalDate lastActOn, String summary) {
	}

	public record InstrumentInput(String type, String identifier, String institutionCode) {
	}

}
