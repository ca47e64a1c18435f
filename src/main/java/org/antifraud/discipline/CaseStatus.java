package org.antifraud.discipline;

import java.util.Set;

/**
 * Where a discipline case stands.
 */
public enum CaseStatus {

	UNDER_REVIEW, RETURNED, PROVINCIAL_REVIEW, AWAITING_APPROVAL, REJECTED, NOTICE_PENDING, EXECUTING, ACTIVE, MERGED,
	LIFTING, CLOSED;

	/** Statuses in which the subject is under discipline and may appeal. */
	public static final Set<CaseStatus> IN_TERM = Set.of(EXECUTING, ACTIVE);

}
