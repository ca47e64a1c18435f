package org.antifraud.banking.internal;

import static org.antifraud.common.Rows.date;
import static org.antifraud.common.Rows.instant;
import static org.antifraud.common.Rows.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.antifraud.banking.AccountMeasure;
import org.antifraud.banking.SignalKind;
import org.antifraud.common.Now;
import org.antifraud.common.Page;
import org.antifraud.common.RowIds;
import org.antifraud.common.SqlWhere;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Accounts, their signals, history and customer objections.
 */
@Repository
class AccountRepository {

	private final JdbcClient jdbc;

	AccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Account> find(String id) {
		return this.jdbc.sql("select * from bank_account where id = ?").param(id).query(this::row).optional();
	}

	Optional<Account> findByNumber(String institutionCode, String accountNumber) {
		return this.jdbc.sql("select * from bank_account where institution_code = ? and account_number = ?")
			.params(institutionCode, accountNumber)
			.query(this::row)
			.optional();
	}

	Account lock(String id) {
		return this.jdbc.sql("select * from bank_account where id = ? for update").param(id).query(this::row).single();
	}

	void insert(String id, String institutionCode, String accountNumber, String accountClass, String holderName,
			String holderIdNumber) {
		Instant now = Now.instant();
		this.jdbc
			.sql("""
					insert into bank_account (id, institution_code, account_number, account_class, holder_name, holder_id_number,
					  grade, measure, applied_measure, verification, graded_at, created_at)
					values (?, ?, ?, ?, ?, ?, 'NONE', 'NONE', 'NONE', 'NONE', ?, ?)""")
			.params(id, institutionCode, accountNumber, accountClass, holderName, holderIdNumber, timestamp(now),
					timestamp(now))
			.update();
	}

	/** Fills in holder details that an earlier signal did not know. */
	void completeHolder(String id, String holderName, String holderIdNumber) {
		this.jdbc
			.sql("""
					update bank_account set holder_name = coalesce(holder_name, ?), holder_id_number = coalesce(holder_id_number, ?)
					where id = ?""")
			.params(holderName, holderIdNumber, id)
			.update();
	}

	void graded(String id, String grade, AccountMeasure measure) {
		this.jdbc.sql("update bank_account set grade = ?, measure = ?, graded_at = ? where id = ?")
			.params(grade, measure.name(), timestamp(Now.instant()), id)
			.update();
	}

	void applied(String id, AccountMeasure measure) {
		this.jdbc.sql("update bank_account set applied_measure = ?, applied_at = ? where id = ?")
			.params(measure.name(), timestamp(Now.instant()), id)
			.update();
	}

	void verification(String id, String verification, Instant dueAt) {
		this.jdbc.sql("update bank_account set verification = ?, verification_due_at = ? where id = ?")
			.params(verification, timestamp(dueAt), id)
			.update();
	}

	void nextReview(String id, LocalDate on) {
		this.jdbc.sql("update bank_account set next_review_on = ? where id = ?").params(on, id).update();
	}

	void insertSignal(String accountId, SignalKind kind, String sourceAgency, String reportedBy, String detail,
			String reference) {
		this.jdbc
			.sql("""
					insert into account_signal (id, account_id, kind, source_agency, reported_by, reported_at, detail, reference)
					values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(RowIds.next(), accountId, kind.name(), sourceAgency, reportedBy, timestamp(Now.instant()), detail,
					reference)
			.update();
	}

	/** Open (not cleared) signals of an account by kind. */
	Map<SignalKind, Integer> openSignals(String accountId) {
		return this.jdbc.sql(
				"select kind, count(*) as n from account_signal where account_id = ? and cleared_at is null group by kind")
			.param(accountId)
			.query((rs, row) -> Map.entry(SignalKind.valueOf(rs.getString("kind")), rs.getInt("n")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	int clear(String accountId, Set<SignalKind> kinds, String reason) {
		return this.jdbc.sql("""
				update account_signal set cleared_at = :now, cleared_reason = :reason
				where account_id = :account and cleared_at is null and kind in (:kinds)""")
			.param("now", timestamp(Now.instant()))
			.param("reason", reason)
			.param("account", accountId)
			.param("kinds", kinds.stream().map(Enum::name).toList())
			.update();
	}

	/** Accounts with an open signal of the kind and reference (a discipline case). */
	List<String> accountsWithSignal(SignalKind kind, String reference) {
		return this.jdbc
			.sql("""
					select distinct account_id from account_signal where kind = ? and reference = ? and cleared_at is null""")
			.params(kind.name(), reference)
			.query(String.class)
			.list();
	}

	/** A signal as reported. */
	record Signal(String kind, String sourceAgency, String reportedBy, Instant reportedAt, String detail,
			String reference, Instant clearedAt, String clearedReason) {
	}

	List<Signal> signals(String accountId) {
		return this.jdbc.sql("select * from account_signal where account_id = ? order by reported_at")
			.param(accountId)
			.query((rs, row) -> new Signal(rs.getString("kind"), rs.getString("source_agency"),
					rs.getString("reported_by"), instant(rs, "reported_at"), rs.getString("detail"),
					rs.getString("reference"), instant(rs, "cleared_at"), rs.getString("cleared_reason")))
			.list();
	}

	boolean signalledBy(String accountId, String agencyCode) {
		return this.jdbc.sql("select count(*) from account_signal where account_id = ? and source_agency = ?")
			.params(accountId, agencyCode)
			.query(Long.class)
			.single() > 0;
	}

	void history(String accountId, String event, String grade, AccountMeasure measure, String note, String actor) {
		this.jdbc.sql("""
				insert into account_history (id, account_id, at, event, grade, measure, note, actor)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(RowIds.next(), accountId, timestamp(Now.instant()), event, grade,
					(measure != null) ? measure.name() : null, note, actor)
			.update();
	}

	/** A change of an account's grade or measure. */
	record History(Instant at, String event, String grade, String measure, String note, String actor) {
	}

	List<History> history(String accountId) {
		return this.jdbc.sql("select * from account_history where account_id = ? order by seq")
			.param(accountId)
			.query((rs, row) -> new History(instant(rs, "at"), rs.getString("event"), rs.getString("grade"),
					rs.getString("measure"), rs.getString("note"), rs.getString("actor")))
			.list();
	}

	List<Account> page(SqlWhere filter, Page.Request request) {
		return filter.bind(this.jdbc.sql("select a.* from bank_account a" + filter.sql()
				+ " order by a.graded_at desc, a.id" + SqlWhere.page(request)))
			.query(this::row)
			.list();
	}

	long count(SqlWhere filter) {
		return filter.bind(this.jdbc.sql("select count(*) from bank_account a" + filter.sql()))
			.query(Long.class)
			.single();
	}

	// objections

	/** A customer's objection to a measure. */
	record Objection(String id, String accountId, String content, LocalDate receivedOn, LocalDate dueOn, String status,
			String recordedBy, Instant recordedAt, String answer, String answeredBy, Instant answeredAt,
			Instant remindedAt, Instant escalatedAt) {
	}

	void insertObjection(String id, String accountId, String content, LocalDate receivedOn, LocalDate dueOn,
			String recordedBy) {
		this.jdbc
			.sql("""
					insert into account_objection (id, account_id, content, received_on, due_on, status, recorded_by, recorded_at)
					values (?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
			.params(id, accountId, content, receivedOn, dueOn, recordedBy, timestamp(Now.instant()))
			.update();
	}

	Optional<Objection> objection(String id) {
		return this.jdbc.sql("select * from account_objection where id = ?")
			.param(id)
			.query(this::objectionRow)
			.optional();
	}

	List<Objection> objections(String accountId) {
		return this.jdbc.sql("select * from account_objection where account_id = ? order by recorded_at")
			.param(accountId)
			.query(this::objectionRow)
			.list();
	}

	void answered(String id, String status, String answer, String by) {
		this.jdbc.sql("""
				update account_objection set status = ?, answer = ?, answered_by = ?, answered_at = ? where id = ?""")
			.params(status, answer, by, timestamp(Now.instant()), id)
			.update();
	}

	void objectionReminded(String id) {
		this.jdbc.sql("update account_objection set reminded_at = ? where id = ?")
			.params(timestamp(Now.instant()), id)
			.update();
	}

	void objectionEscalated(String id) {
		this.jdbc.sql("update account_objection set escalated_at = ? where id = ?")
			.params(timestamp(Now.instant()), id)
			.update();
	}

	private Objection objectionRow(ResultSet rs, int row) throws SQLException {
		return new Objection(rs.getString("id"), rs.getString("account_id"), rs.getString("content"),
				date(rs, "received_on"), date(rs, "due_on"), rs.getString("status"), rs.getString("recorded_by"),
				instant(rs, "recorded_at"), rs.getString("answer"), rs.getString("answered_by"),
				instant(rs, "answered_at"), instant(rs, "reminded_at"), instant(rs, "escalated_at"));
	}

	private Account row(ResultSet rs, int row) throws SQLException {
		return new Account(rs.getString("id"), rs.getString("institution_code"), rs.getString("account_number"),
				rs.getString("account_class"), rs.getString("holder_name"), rs.getString("holder_id_number"),
				rs.getString("grade"), AccountMeasure.valueOf(rs.getString("measure")),
				AccountMeasure.valueOf(rs.getString("applied_measure")), instant(rs, "applied_at"),
				rs.getString("verification"), instant(rs, "verification_due_at"), date(rs, "next_review_on"),
				instant(rs, "graded_at"), instant(rs, "created_at"));
	}

}
