package org.antifraud.interview;

/**
 * An interview took place, or was abandoned after a no-show.
 */
public record InterviewEnded(String interviewId) {
}
