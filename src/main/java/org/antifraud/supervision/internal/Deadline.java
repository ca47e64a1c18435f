package org.antifraud.supervision.internal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One deadline: a task due date or a discipline term end, open until its task ends.
 */
record Deadline(String id, String kind, String processKey, String taskKey, String title, String caseRef,
		String agencyCode, String candidateGroup, Instant dueAt, LocalDate dueOn, Instant openedAt, Instant closedAt,
		String outcome, int urgeCount) {

	static final String OPEN = "OPEN";

}
