package org.antifraud.workflow;

/**
 * The task a handler completes: ids, the case it belongs to and the element variable of a
 * multi-instance task (such as the execution order id), if any.
 */
public record TaskRef(String id, String taskKey, String processKey, String processInstanceId, String caseId,
		String itemId) {
}
