package org.antifraud.discipline.internal;

import static org.antifraud.common.Rows.date;
import static org.antifraud.common.Rows.enumValue;
import static org.antifraud.common.Rows.instant;
import static org.antifraud.common.Rows.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.antifraud.common.Page;
import org.antifraud.common.SqlWhere;
import org.antifraud.discipline.OrderKind;
import org.antifraud.discipline.OrderOutcome;
import org.antifraud.discipline.OrderStatus;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Execution and lifting orders.
 */
@Repository
class OrderRepository {

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	OrderRepository(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/** A step's orders, one batch (on PostgreSQL one multi-row insert). */
	void insert(List<ExecutionOrder> orders) {
		this.batch.batchUpdate("""
				insert into execution_order (id, case_id, kind, institution_code, status, due_on, issued_at)
				values (?, ?, ?, ?, ?, ?, ?)""", orders.stream()
			.map((order) -> new Object[] { order.id(), order.caseId(), order.kind().name(), order.institutionCode(),
					order.status().name(), order.dueOn(), timestamp(order.issuedAt()) })
			.toList());
	}

	Optional<ExecutionOrder> find(String id) {
		return this.jdbc.sql("select * from execution_order where id = ?").param(id).query(this::row).optional();
	}

	List<ExecutionOrder> ofCase(String caseId) {
		return this.jdbc.sql("select * from execution_order where case_id = ? order by kind, institution_code")
			.param(caseId)
			.query(this::row)
			.list();
	}

	/**
	 * The cases among {@code caseIds} that have an order addressed to
	 * {@code institutionCode}.
	 */
	Set<String> casesWithOrdersFor(String institutionCode, List<String> caseIds) {
		if (caseIds.isEmpty()) {
			return Set.of();
		}
		return Set.copyOf(this.jdbc
			.sql("select distinct case_id from execution_order where institution_code = :agency and case_id in (:ids)")
			.param("agency", institutionCode)
			.param("ids", caseIds)
			.query(String.class)
			.list());
	}

	/**
	 * Records an answer if the order is still pending; false when it was answered
	 * already.
	 */
	boolean answer(String id, OrderOutcome outcome, String reason, String identifiers, String by, Instant at) {
		return this.jdbc.sql("""
				update execution_order set status = ?, outcome = ?, reason = ?, affected_identifiers = ?,
				  answered_by = ?, answered_at = ?
				where id = ? and status = ?""")
			.params(OrderStatus.ANSWERED.name(), outcome.name(), reason, identifiers, by, timestamp(at), id,
					OrderStatus.PENDING.name())
			.update() == 1;
	}

	void reminded(String id, Instant at) {
		this.jdbc.sql("update execution_order set reminded_at = ? where id = ?").params(timestamp(at), id).update();
	}

	void escalated(String id, Instant at) {
		this.jdbc.sql("update execution_order set escalated_at = ? where id = ?").params(timestamp(at), id).update();
	}

	int withdrawPending(String caseId, OrderKind kind) {
		return this.jdbc.sql("update execution_order set status = ? where case_id = ? and kind = ? and status = ?")
			.params(OrderStatus.WITHDRAWN.name(), caseId, kind.name(), OrderStatus.PENDING.name())
			.update();
	}

	List<ExecutionOrder> page(SqlWhere filter, Page.Request request) {
		return filter.bind(this.jdbc.sql("select * from execution_order" + filter.sql() + " order by due_on, issued_at"
				+ SqlWhere.page(request)))
			.query(this::row)
			.list();
	}

	long count(SqlWhere filter) {
		return filter.bind(this.jdbc.sql("select count(*) from execution_order" + filter.sql()))
			.query(Long.class)
			.single();
	}

	private ExecutionOrder row(ResultSet rs, int row) throws SQLException {
		return new ExecutionOrder(rs.getString("id"), rs.getString("case_id"), enumValue(rs, "kind", OrderKind.class),
				rs.getString("institution_code"), enumValue(rs, "status", OrderStatus.class), date(rs, "due_on"),
				instant(rs, "issued_at"), instant(rs, "reminded_at"), instant(rs, "escalated_at"),
				enumValue(rs, "outcome", OrderOutcome.class), rs.getString("reason"),
				rs.getString("affected_identifiers"), rs.getString("answered_by"), instant(rs, "answered_at"));
	}

}
