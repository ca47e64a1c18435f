package org.antifraud.discipline;

/**
 * An institution answered an execution or lifting order.
 */
public record ExecutionOrderAnswered(String orderId, String caseId, String institutionCode, OrderKind kind,
		OrderOutcome outcome) {
}
