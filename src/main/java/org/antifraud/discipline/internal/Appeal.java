package org.antifraud.discipline.internal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An appeal (申诉) against a discipline case.
 */
record Appeal(String id, String caseId, String status, String appellant, String grounds, LocalDate receivedOn,
		String receivedBy, LocalDate acceptDue, String acceptanceOpinion, String findings, String decision,
		String decisionOpinion, Instant decidedAt) {
}
