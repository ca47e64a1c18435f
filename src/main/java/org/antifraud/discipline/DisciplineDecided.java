package org.antifraud.discipline;

import java.time.LocalDate;

/**
 * A subject is under discipline until {@code termEnd}: published when the term starts and
 * again whenever a repeat listing moves its end.
 */
public record DisciplineDecided(String caseId, String caseNumber, String filingAgency, LocalDate termStart,
		LocalDate termEnd) {
}
