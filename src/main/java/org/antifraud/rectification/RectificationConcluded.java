package org.antifraud.rectification;

/**
 * A rectification order ended: {@code ACCEPTED}, {@code ESCALATED_TO_INTERVIEW} or
 * {@code PUBLICLY_NOTIFIED}; {@code interviewId} names the interview it came from, if
 * any.
 */
public record RectificationConcluded(String orderId, String interviewId, String outcome) {
}
