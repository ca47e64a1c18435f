package org.antifraud.rectification.internal;

import static org.antifraud.common.Rows.date;
import static org.antifraud.common.Rows.instant;
import static org.antifraud.common.Rows.integer;
import static org.antifraud.common.Rows.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.antifraud.common.Now;
import org.antifraud.common.Page;
import org.antifraud.common.RowIds;
import org.antifraud.common.SqlWhere;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rectification orders, their reports and listed-supervision flags.
 */
@Repository
public class RectificationRepository {

	private final JdbcClient jdbc;

	RectificationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts a new open order. */
	public void insert(String id, String caseNumber, String issuerAgency, String issuedBy, String unitCode,
			String problems, String requiredMeasures, LocalDate deadline, Integer reportCycleDays, String origin,
			String interviewId) {
		insert(new RectificationOrder(id, caseNumber, "OPEN", issuerAgency, issuedBy, Now.instant(), unitCode, problems,
				requiredMeasures, deadline, reportCycleDays, 0, origin, interviewId, null, null, null, null, null));
	}

	void insert(RectificationOrder o) {
		this.jdbc
			.sql("""
					insert into rectification_order (id, case_number, status, issuer_agency, issued_by, issued_at, unit_code,
					  problems, required_measures, deadline_on, report_cycle_days, origin, interview_id)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(o.id(), o.caseNumber(), o.status(), o.issuerAgency(), o.issuedBy(), timestamp(o.issuedAt()),
					o.unitCode(), o.problems(), o.requiredMeasures(), o.deadlineOn(), o.reportCycleDays(), o.origin(),
					o.interviewId())
			.update();
	}

	public Optional<RectificationOrder> find(String id) {
		return this.jdbc.sql("select * from rectification_order where id = ?").param(id).query(this::row).optional();
	}

	RectificationOrder lock(String id) {
		return this.jdbc.sql("select * from rectification_order where id = ? for update")
			.param(id)
			.query(this::row)
			.single();
	}

	void status(String id, String status) {
		this.jdbc.sql("update rectification_order set status = ? where id = ?").params(status, id).update();
	}

	void finalReport(String id, String report) {
		this.jdbc.sql("update rectification_order set final_report = ?, status = 'REPORTED' where id = ?")
			.params(report, id)
			.update();
	}

	void extended(String id, LocalDate deadline, String opinion) {
		this.jdbc.sql("""
				update rectification_order set deadline_on = ?, extensions = extensions + 1, verification_opinion = ?,
				  status = 'RETURNED' where id = ?""").params(deadline, opinion, id).update();
	}

	void concluded(String id, String status, String opinion, String escalation) {
		this.jdbc.sql("""
				update rectification_order set status = ?, verification_opinion = coalesce(?, verification_opinion),
				  escalation = ?, closed_at = ? where id = ?""")
			.params(status, opinion, escalation, timestamp(Now.instant()), id)
			.update();
	}

	void escalation(String id, String escalation, String status) {
		this.jdbc.sql("update rectification_order set escalation = ?, status = ? where id = ?")
			.params(escalation, status, id)
			.update();
	}

	public void processInstance(String id, String instance) {
		this.jdbc.sql("update rectification_order set process_instance_id = ? where id = ?")
			.params(instance, id)
			.update();
	}

	void report(String orderId, String kind, String content, String by) {
		this.jdbc.sql("""
				insert into rectification_report (id, order_id, kind, content, submitted_by, submitted_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(RowIds.next(), orderId, kind, content, by, timestamp(Now.instant()))
			.update();
	}

	/** A report as filed. */
	record Report(String kind, String content, String submittedBy, Instant submittedAt) {
	}

	List<Report> reports(String orderId) {
		return this.jdbc.sql(
				"select kind, content, submitted_by, submitted_at from rectification_report where order_id = ? order by submitted_at")
			.param(orderId)
			.query((rs, row) -> new Report(rs.getString(1), rs.getString(2), rs.getString(3),
					instant(rs, "submitted_at")))
			.list();
	}

	public void listed(String unitCode, LocalDate from, LocalDate until, String reason, String orderId,
			String interviewId) {
		this.jdbc.sql("""
				insert into listed_supervision (id, unit_code, listed_on, until_on, reason, order_id, interview_id)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(RowIds.next(), unitCode, from, until, reason, orderId, interviewId)
			.update();
	}

	Optional<LocalDate> listedUntil(String unitCode, LocalDate today) {
		return this.jdbc
			.sql("select max(until_on) as latest from listed_supervision where unit_code = ? and until_on >= ?")
			.params(unitCode, today)
			.query((rs, row) -> date(rs, "latest"))
			.optional()
			.filter((until) -> until != null);
	}

	List<RectificationOrder> page(SqlWhere filter, Page.Request request) {
		return filter.bind(this.jdbc.sql("select o.* from rectification_order o" + filter.sql()
				+ " order by o.issued_at desc" + SqlWhere.page(request)))
			.query(this::row)
			.list();
	}

	long count(SqlWhere filter) {
		return filter.bind(this.jdbc.sql("select count(*) from rectification_order o" + filter.sql()))
			.query(Long.class)
			.single();
	}

	private RectificationOrder row(ResultSet rs, int row) throws SQLException {
		return new RectificationOrder(rs.getString("id"), rs.getString("case_number"), rs.getString("status"),
				rs.getString("issuer_agency"), rs.getString("issued_by"), instant(rs, "issued_at"),
				rs.getString("unit_code"), rs.getString("problems"), rs.getString("required_measures"),
				date(rs, "deadline_on"), integer(rs, "report_cycle_days"), rs.getInt("extensions"),
				rs.getString("origin"), rs.getString("interview_id"), rs.getString("final_report"),
				rs.getString("verification_opinion"), rs.getString("escalation"), instant(rs, "closed_at"),
				rs.getString("process_instance_id"));
	}

}
