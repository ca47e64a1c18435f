package org.antifraud.discipline;

import java.util.Set;

/**
 * Structured answer of an institution: applied (or lifted), nothing to apply, or not
 * applied with a reason. No silent completion.
 */
public enum OrderOutcome {

	APPLIED, NOTHING_TO_APPLY, NOT_APPLIED, LIFTED, NOTHING_TO_LIFT, NOT_LIFTED;

	public static final Set<OrderOutcome> FOR_EXECUTION = Set.of(APPLIED, NOTHING_TO_APPLY, NOT_APPLIED);

	public static final Set<OrderOutcome> FOR_LIFTING = Set.of(LIFTED, NOTHING_TO_LIFT, NOT_LIFTED);

	/** Whether the institution must give a reason. */
	public boolean needsReason() {
		return this == NOT_APPLIED || this == NOT_LIFTED;
	}

	/** Whether the institution must name the identifiers it acted on. */
	public boolean needsIdentifiers() {
		return this == APPLIED || this == LIFTED;
	}

}
