package org.antifraud.rectification.internal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A rectification order row.
 */
public record RectificationOrder(String id, String caseNumber, String status, String issuerAgency, String issuedBy,
		Instant issuedAt, String unitCode, String problems, String requiredMeasures, LocalDate deadlineOn,
		Integer reportCycleDays, int extensions, String origin, String interviewId, String finalReport,
		String verificationOpinion, String escalation, Instant closedAt, String processInstanceId) {
}
