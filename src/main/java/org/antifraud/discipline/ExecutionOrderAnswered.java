package org.antifraud.discipline;

import java.util.List;

/**
 * An institution answered an execution or lifting order.
 */
public record ExecutionOrderAnswered(String orderId, String caseId, String institutionCode, OrderKind kind,
		OrderOutcome outcome, List<String> affectedIdentifiers) {

	public ExecutionOrderAnswered {
		affectedIdentifiers = (affectedIdentifiers != null) ? List.copyOf(affectedIdentifiers) : List.of();
	}

}
