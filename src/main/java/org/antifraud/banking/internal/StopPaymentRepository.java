package org.antifraud.banking.internal;

import static org.antifraud.common.Rows.instant;
import static org.antifraud.common.Rows.timestamp;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.antifraud.common.Now;
import org.antifraud.common.Page;
import org.antifraud.common.SqlWhere;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stop-payment instructions.
 */
@Repository
class StopPaymentRepository {

	private final JdbcClient jdbc;

	StopPaymentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(StopPayment s) {
		this.jdbc.sql("""
				insert into stop_payment (id, case_number, police_agency, requested_by, requested_at, institution_code,
				  victim_case, account_number, holder_name, amount, transaction_at, status)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(s.id(), s.caseNumber(), s.policeAgency(), s.requestedBy(), timestamp(s.requestedAt()),
					s.institutionCode(), s.victimCase(), s.accountNumber(), s.holderName(), s.amount(),
					timestamp(s.transactionAt()), s.status())
			.update();
	}

	Optional<StopPayment> find(String id) {
		return this.jdbc.sql("select * from stop_payment where id = ?").param(id).query(this::row).optional();
	}

	StopPayment lock(String id) {
		return this.jdbc.sql("select * from stop_payment where id = ? for update").param(id).query(this::row).single();
	}

	void processInstance(String id, String instance) {
		this.jdbc.sql("update stop_payment set process_instance_id = ? where id = ?").params(instance, id).update();
	}

	void stopped(String id, Instant stoppedAt, Instant expiresAt, BigDecimal amount, String note) {
		this.jdbc.sql("""
				update stop_payment set status = 'STOPPED', stops = stops + 1, stopped_at = coalesce(stopped_at, ?),
				  expires_at = ?, stopped_amount = coalesce(?, stopped_amount), bank_note = ? where id = ?""")
			.params(timestamp(stoppedAt), timestamp(expiresAt), amount, note, id)
			.update();
	}

	void refused(String id, String mismatch, String note) {
		this.jdbc.sql("""
				update stop_payment set status = 'REFUSED', mismatch = ?, bank_note = ?, closed_at = ? where id = ?""")
			.params(mismatch, note, timestamp(Now.instant()), id)
			.update();
	}

	void status(String id, String status, boolean closed) {
		this.jdbc.sql("update stop_payment set status = ?, closed_at = ? where id = ?")
			.params(status, closed ? timestamp(Now.instant()) : null, id)
			.update();
	}

	void frozen(String id, String reference) {
		this.jdbc.sql("update stop_payment set status = 'FROZEN', freeze_reference = ?, closed_at = ? where id = ?")
			.params(reference, timestamp(Now.instant()), id)
			.update();
	}

	List<StopPayment> page(SqlWhere filter, Page.Request request) {
		return filter.bind(this.jdbc.sql("select s.* from stop_payment s" + filter.sql()
				+ " order by s.requested_at desc, s.id" + SqlWhere.page(request)))
			.query(this::row)
			.list();
	}

	long count(SqlWhere filter) {
		return filter.bind(this.jdbc.sql("select count(*) from stop_payment s" + filter.sql()))
			.query(Long.class)
			.single();
	}

	private StopPayment row(ResultSet rs, int row) throws SQLException {
		return new StopPayment(rs.getString("id"), rs.getString("case_number"), rs.getString("police_agency"),
				rs.getString("requested_by"), instant(rs, "requested_at"), rs.getString("institution_code"),
				rs.getString("victim_case"), rs.getString("account_number"), rs.getString("holder_name"),
				rs.getBigDecimal("amount"), instant(rs, "transaction_at"), rs.getString("status"), rs.getInt("stops"),
				instant(rs, "stopped_at"), rs.getBigDecimal("stopped_amount"), instant(rs, "expires_at"),
				rs.getString("mismatch"), rs.getString("bank_note"), rs.getString("freeze_reference"),
				instant(rs, "closed_at"));
	}

}
