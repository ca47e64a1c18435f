package org.antifraud.supervision.internal;

import static org.antifraud.common.Rows.date;
import static org.antifraud.common.Rows.instant;
import static org.antifraud.common.Rows.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.antifraud.common.Now;
import org.antifraud.common.SqlWhere;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Deadline rows.
 */
@Repository
class DeadlineRepository {

	private final JdbcClient jdbc;

	DeadlineRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Opens a deadline, or moves the due date of one that is open. */
	void open(Deadline d) {
		int updated = this.jdbc.sql("""
				update deadline set due_at = ?, due_on = ?, title = ?, agency_code = ?, candidate_group = ?
				where id = ? and outcome = 'OPEN'""")
			.params(timestamp(d.dueAt()), d.dueOn(), d.title(), d.agencyCode(), d.candidateGroup(), d.id())
			.update();
		if (updated == 0 && !exists(d.id())) {
			this.jdbc
				.sql("""
						insert into deadline (id, kind, process_key, task_key, title, case_ref, agency_code, candidate_group,
						  due_at, due_on, opened_at, outcome)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')""")
				.params(d.id(), d.kind(), d.processKey(), d.taskKey(), d.title(), d.caseRef(), d.agencyCode(),
						d.candidateGroup(), timestamp(d.dueAt()), d.dueOn(), timestamp(d.openedAt()))
				.update();
		}
	}

	void close(String id, String outcome) {
		this.jdbc.sql("update deadline set closed_at = ?, outcome = ? where id = ? and outcome = 'OPEN'")
			.params(timestamp(Now.instant()), outcome, id)
			.update();
	}

	boolean exists(String id) {
		return this.jdbc.sql("select count(*) from deadline where id = ?").param(id).query(Integer.class).single() > 0;
	}

	Optional<Deadline> find(String id) {
		return this.jdbc.sql("select * from deadline where id = ?").param(id).query(this::row).optional();
	}

	void urged(String id) {
		this.jdbc.sql("update deadline set urge_count = urge_count + 1 where id = ?").param(id).update();
	}

	List<Deadline> list(SqlWhere filter, String suffix) {
		return filter.bind(this.jdbc.sql("select * from deadline d" + filter.sql() + suffix)).query(this::row).list();
	}

	long count(SqlWhere filter) {
		return filter.bind(this.jdbc.sql("select count(*) from deadline d" + filter.sql())).query(Long.class).single();
	}

	long countAll() {
		return this.jdbc.sql("select count(*) from deadline").query(Long.class).single();
	}

	/**
	 * Open deadlines per agency in three due ranges: overdue, due before
	 * {@code greenFrom}, later.
	 */
	List<AgencyCounts> countsByAgency(java.time.LocalDate today, java.time.LocalDate greenFrom) {
		return this.jdbc.sql("""
				select agency_code,
				  sum(case when due_on < :today then 1 else 0 end) as red,
				  sum(case when due_on >= :today and due_on < :green then 1 else 0 end) as yellow,
				  sum(case when due_on >= :green then 1 else 0 end) as green
				from deadline where outcome = 'OPEN' group by agency_code order by agency_code""")
			.param("today", today)
			.param("green", greenFrom)
			.query((rs, row) -> new AgencyCounts(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
			.list();
	}

	/**
	 * Deadlines closed in a period, per agency: how many, and how many after their due
	 * moment.
	 */
	List<AgencyTimeliness> timeliness(Instant from, Instant to) {
		return this.jdbc.sql("""
				select agency_code, count(*) as closed, sum(case when closed_at > due_at then 1 else 0 end) as late
				from deadline where outcome <> 'OPEN' and closed_at >= :from and closed_at < :to
				group by agency_code order by agency_code""")
			.param("from", timestamp(from))
			.param("to", timestamp(to))
			.query((rs, row) -> new AgencyTimeliness(rs.getString(1), rs.getLong(2), rs.getLong(3)))
			.list();
	}

	/** Counts of open deadlines per agency by status. */
	record AgencyCounts(String agencyCode, long red, long yellow, long green) {
	}

	/** Closed deadlines of an agency in a period and how many of them were late. */
	record AgencyTimeliness(String agencyCode, long closed, long late) {
	}

	private Deadline row(ResultSet rs, int row) throws SQLException {
		return new Deadline(rs.getString("id"), rs.getString("kind"), rs.getString("process_key"),
				rs.getString("task_key"), rs.getString("title"), rs.getString("case_ref"), rs.getString("agency_code"),
				rs.getString("candidate_group"), instant(rs, "due_at"), date(rs, "due_on"), instant(rs, "opened_at"),
				instant(rs, "closed_at"), rs.getString("outcome"), rs.getInt("urge_count"));
	}

}
