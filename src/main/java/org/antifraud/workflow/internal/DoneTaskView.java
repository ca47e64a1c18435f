package org.antifraud.workflow.internal;

import java.time.Instant;

/** A task the actor completed (已办). */
record DoneTaskView(String id, String name, String processKey, String processName, String caseId, Instant created,
		Instant completed, String outcome) {
}
