package org.antifraud.discipline.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.antifraud.discipline.OrderKind;
import org.antifraud.discipline.OrderOutcome;
import org.antifraud.discipline.OrderStatus;

/**
 * An execution or lifting order to one institution, with its structured answer.
 */
record ExecutionOrder(String id, String caseId, OrderKind kind, String institutionCode, OrderStatus status,
		LocalDate dueOn, Instant issuedAt, Instant remindedAt, Instant escalatedAt, OrderOutcome outcome, String reason,
		String affectedIdentifiers, String answeredBy, Instant answeredAt) {
}
