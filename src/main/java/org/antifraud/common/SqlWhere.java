package org.antifraud.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A WHERE clause built from optional filters, with named parameters bound separately: a
 * filter whose value is absent adds nothing, and no value is ever written into the SQL
 * text.
 */
public final class SqlWhere {

	private final List<String> clauses = new ArrayList<>();

	private final Map<String, Object> params = new LinkedHashMap<>();

	/** {@code column = value}, when a value is given. */
	public SqlWhere equal(String column, Object value) {
		if (value == null || (value instanceof String text && text.isBlank())) {
			return this;
		}
		String name = "p" + this.params.size();
		this.params.put(name, (value instanceof Enum<?> constant) ? constant.name() : value);
		this.clauses.add(column + " = :" + name);
		return this;
	}

	/** A clause with its own named parameters, added when {@code condition} holds. */
	public SqlWhere when(boolean condition, String clause, Map<String, ?> params) {
		if (condition) {
			this.clauses.add(clause);
			this.params.putAll(params);
		}
		return this;
	}

	/** The clause, starting with " where ", or empty when there is no filter. */
	public String sql() {
		return this.clauses.isEmpty() ? "" : " where " + String.join(" and ", this.clauses);
	}

	public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
		this.params.forEach(statement::param);
		return statement;
	}

	/** Appends {@code offset … fetch next …} for a validated page. */
	public static String page(Page.Request request) {
		return " offset " + request.offset() + " rows fetch next " + request.size() + " rows only";
	}

}
