package org.antifraud.workflow;

import java.time.Instant;

/**
 * A user task with a due date was created (or its due date changed): a deadline for its
 * agency. Published synchronously inside the engine's transaction.
 */
public record TaskOpened(String taskId, String processKey, String taskKey, String name, String caseId,
		String candidateGroup, Instant dueAt, boolean created) {

	/** The agency of the candidate group ({@code AGENCY:ROLE}), if any. */
	public String agencyCode() {
		return (this.candidateGroup != null) ? this.candidateGroup.split(":")[0] : null;
	}

}
