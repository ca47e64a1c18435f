package org.antifraud.audit.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Optional equality filters on audit rows, rendered as a WHERE clause with bound
 * parameters.
 */
record AuditFilter(String entityType, String entityId, String actor) {

	private Map<String, String> conditions() {
		Map<String, String> conditions = new LinkedHashMap<>();
		conditions.put("entity_type", this.entityType);
		conditions.put("entity_id", this.entityId);
		conditions.put("actor", this.actor);
		conditions.values().removeIf((value) -> value == null || value.isBlank());
		return conditions;
	}

	String where() {
		List<String> clauses = new ArrayList<>();
		conditions().keySet().forEach((column) -> clauses.add(column + " = :" + column));
		return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
	}

	JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
		conditions().forEach(statement::param);
		return statement;
	}

}
