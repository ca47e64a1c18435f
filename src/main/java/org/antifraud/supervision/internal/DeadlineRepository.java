package org.antifraud.supervision.internal;

import static org.antifraud.common.Rows.date;
import static org.antifraud.common.Rows.instant;
import static org.antifraud.common.Rows.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.time.LocalDate;

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

	/**
	 * Opens a deadline, or moves the due date of one that is open.
	 * <p>
	 * The row is found by its key alone, then written by its key: a statement that also
	 * asked for {@code outcome = 'OPEN'} let PostgreSQL plan it, while the table was
	 * small, as a walk through every open deadline, and a connection kept that plan (92
	 * pages read a call in a fan-out, most of the deadline statements' time).
	 */
	void open(Deadline d) {
		Optional<String> outcome = lockedOutcome(d.id());
		if (outcome.isEmpty()) {
			insert(d);
		}
		else if (outcome.get().equals(Deadline.OPEN)) {
			this.jdbc.sql("""
					update deadline set due_at = ?, due_on = ?, title = ?, agency_code = ?, candidate_group = ?
					where id = ?""")
				.params(timestamp(d.dueAt()), d.dueOn(), d.title(), d.agencyCode(), d.candidateGroup(), d.id())
				.update();
		}
	}

	/**
	 * Opens a deadline known to be new (a new task's: its id is new), without looking for
	 * it first.
	 */
	void insert(Deadline d) {
		this.jdbc.sql("""
				insert into deadline (id, kind, process_key, task_key, title, case_ref, agency_code, candidate_group,
				  due_at, due_on, opened_at, outcome)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')""")
			.params(d.id(), d.kind(), d.processKey(), d.taskKey(), d.title(), d.caseRef(), d.agencyCode(),
					d.candidateGroup(), timestamp(d.dueAt()), d.dueOn(), timestamp(d.openedAt()))
			.update();
	}

	/** Closes a deadline that is open; one closed already keeps its outcome. */
	void close(String id, String outcome) {
		if (lockedOutcome(id).filter(Deadline.OPEN::equals).isPresent()) {
			this.jdbc.sql("update deadline set closed_at = ?, outcome = ? where id = ?")
				.params(timestamp(Now.instant()), outcome, id)
				.update();
		}
	}

	/** The outcome of deadline {@code id}, its row locked until the transaction ends. */
	private Optional<String> lockedOutcome(String id) {
		return this.jdbc.sql("select outcome from deadline where id = ? for update")
			.param(id)
			.query(String.class)
			.optional();
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

	/**
	 * Matching rows, counted up to {@code cap} (a count past the cap answers
	 * {@code cap + 1}).
	 */
	long count(SqlWhere filter, int cap) {
		return filter
			.bind(this.jdbc.sql("select count(*) from (select 1 from deadline d" + filter.sql()
					+ " offset 0 rows fetch next " + (cap + 1) + " rows only) capped"))
			.query(Long.class)
			.single();
	}

	long countAll() {
		return this.jdbc.sql("select count(*) from deadline").query(Long.class).single();
	}

	/**
	 * Open deadlines grouped by agency and due day: one scan serves colours and lateness.
	 */
	List<AgencyDay> openByAgencyAndDay() {
		return this.jdbc
			.sql("""
					select agency_code, due_on, count(*) as n from deadline where outcome = 'OPEN' group by agency_code, due_on""")
			.query((rs, row) -> new AgencyDay(rs.getString(1), date(rs, "due_on"), rs.getLong(3)))
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

	/** How many open deadlines an agency has due on one day. */
	record AgencyDay(String agencyCode, LocalDate dueOn, long count) {
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
