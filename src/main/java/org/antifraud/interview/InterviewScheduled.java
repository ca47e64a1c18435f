package org.antifraud.interview;

import java.time.Instant;

/**
 * An interview was scheduled or moved; its date is a deadline for the unit and the
 * office.
 */
public record InterviewScheduled(String interviewId, String caseNumber, String unitCode, Instant at) {
}
