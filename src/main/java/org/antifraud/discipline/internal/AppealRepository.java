package org.antifraud.discipline.internal;

import static org.antifraud.common.Rows.date;
import static org.antifraud.common.Rows.instant;
import static org.antifraud.common.Rows.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Appeals against discipline cases.
 */
@Repository
class AppealRepository {

	static final List<String> OPEN = List.of("FILED", "ACCEPTED", "VERIFIED");

	private final JdbcClient jdbc;

	AppealRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Appeal appeal) {
		this.jdbc
			.sql("""
					insert into discipline_appeal (id, case_id, status, appellant, grounds, received_on, received_by, accept_due)
					values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(appeal.id(), appeal.caseId(), appeal.status(), appeal.appellant(), appeal.grounds(),
					appeal.receivedOn(), appeal.receivedBy(), appeal.acceptDue())
			.update();
	}

	boolean hasOpen(String caseId) {
		return this.jdbc.sql(
				"select count(*) from discipline_appeal where case_id = ? and status in ('FILED', 'ACCEPTED', 'VERIFIED')")
			.param(caseId)
			.query(Integer.class)
			.single() > 0;
	}

	Appeal find(String id) {
		return this.jdbc.sql("select * from discipline_appeal where id = ?").param(id).query(this::row).single();
	}

	List<Appeal> ofCase(String caseId) {
		return this.jdbc.sql("select * from discipline_appeal where case_id = ? order by received_on")
			.param(caseId)
			.query(this::row)
			.list();
	}

	void processInstance(String id, String processInstanceId) {
		this.jdbc.sql("update discipline_appeal set process_instance_id = ? where id = ?")
			.params(processInstanceId, id)
			.update();
	}

	void accepted(String id, String status, String opinion) {
		this.jdbc.sql("update discipline_appeal set status = ?, acceptance_opinion = ? where id = ?")
			.params(status, opinion, id)
			.update();
	}

	void verified(String id, String findings) {
		this.jdbc.sql("update discipline_appeal set status = 'VERIFIED', findings = ? where id = ?")
			.params(findings, id)
			.update();
	}

	void decided(String id, String decision, String opinion, Instant at) {
		this.jdbc
			.sql("""
					update discipline_appeal set status = ?, decision = ?, decision_opinion = ?, decided_at = ? where id = ?""")
			.params("LIFT".equals(decision) ? "LIFTED" : "UPHELD", decision, opinion, timestamp(at), id)
			.update();
	}

	private Appeal row(ResultSet rs, int row) throws SQLException {
		return new Appeal(rs.getString("id"), rs.getString("case_id"), rs.getString("status"),
				rs.getString("appellant"), rs.getString("grounds"), date(rs, "received_on"),
				rs.getString("received_by"), date(rs, "accept_due"), rs.getString("acceptance_opinion"),
				rs.getString("findings"), rs.getString("decision"), rs.getString("decision_opinion"),
				instant(rs, "decided_at"));
	}

}
