package org.antifraud.discipline;

/**
 * Discipline of a case ended, at expiry or on a successful appeal; lifting orders follow.
 */
public record DisciplineLifted(String caseId, String reason) {
}
