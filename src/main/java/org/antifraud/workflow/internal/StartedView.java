package org.antifraud.workflow.internal;

import java.time.Instant;

/**
 * A process the actor started (我发起的): its case, when, and whether it is still running.
 */
record StartedView(String processInstanceId, String processKey, String processName, String caseId, Instant started,
		Instant ended, String state) {
}
