package org.antifraud.banking.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.antifraud.banking.AccountMeasure;

/**
 * A graded account: the measure the grade requires and the measure the bank has applied.
 */
record Account(String id, String institutionCode, String accountNumber, String accountClass, String holderName,
		String holderIdNumber, String grade, AccountMeasure measure, AccountMeasure appliedMeasure, Instant appliedAt,
		String verification, Instant verificationDueAt, LocalDate nextReviewOn, Instant gradedAt, Instant createdAt) {

	static final String NONE = "NONE";

	static final String PENDING = "PENDING";

	static final String PASSED = "PASSED";

	static final String FAILED = "FAILED";

	static final String EXPIRED = "EXPIRED";

}
