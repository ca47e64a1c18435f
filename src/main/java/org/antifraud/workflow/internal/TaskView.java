package org.antifraud.workflow.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.antifraud.calendar.DueStatus;

/**
 * A task as the inbox shows it.
 */
record TaskView(String id, String name, String taskKey, String processKey, String processName, String caseId,
		Instant created, Instant dueAt, LocalDate due, DueStatus dueStatus, Integer workingDaysLeft, String assignee,
		String formId) {
}
