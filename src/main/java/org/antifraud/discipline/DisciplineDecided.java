package org.antifraud.discipline;

import java.time.LocalDate;

/**
 * A subject is under discipline: measures decided, notice served, orders issued.
 */
public record DisciplineDecided(String caseId, String caseNumber, LocalDate termStart, LocalDate termEnd) {
}
