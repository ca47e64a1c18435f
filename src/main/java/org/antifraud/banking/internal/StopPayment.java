package org.antifraud.banking.internal;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An emergency stop-payment instruction and where it stands.
 */
record StopPayment(String id, String caseNumber, String policeAgency, String requestedBy, Instant requestedAt,
		String institutionCode, String victimCase, String accountNumber, String holderName, BigDecimal amount,
		Instant transactionAt, String status, int stops, Instant stoppedAt, BigDecimal stoppedAmount, Instant expiresAt,
		String mismatch, String bankNote, String freezeReference, Instant closedAt) {
}
