package org.antifraud.procuratorate.internal;

import static org.antifraud.common.Rows.date;
import static org.antifraud.common.Rows.instant;
import static org.antifraud.common.Rows.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.antifraud.common.Page;
import org.antifraud.common.SqlWhere;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Public-interest litigation cases and their recommendations.
 */
@Repository
class PilRepository {

	private final JdbcClient jdbc;

	PilRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(PilCase c) {
		this.jdbc
			.sql("""
					insert into pil_case (id, case_number, status, stage, procuratorate, registered_by, registered_at, source,
					  organ_code, track, facts_of_harm, related_cases)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(c.id(), c.caseNumber(), c.status(), c.stage(), c.procuratorate(), c.registeredBy(),
					timestamp(c.registeredAt()), c.source(), c.organCode(), c.track(), c.factsOfHarm(),
					c.relatedCases())
			.update();
	}

	/**
	 * Sets columns of a case; {@code columnsAndValues} alternates column names (constants
	 * of this module, never user input) and values.
	 */
	void update(String id, Object... columnsAndValues) {
		set("pil_case", id, columnsAndValues);
	}

	void updateRecommendation(String id, Object... columnsAndValues) {
		set("pil_recommendation", id, columnsAndValues);
	}

	private void set(String table, String id, Object... columnsAndValues) {
		List<String> columns = new ArrayList<>();
		List<Object> values = new ArrayList<>();
		for (int i = 0; i < columnsAndValues.length; i += 2) {
			columns.add(columnsAndValues[i] + " = ?");
			Object value = columnsAndValues[i + 1];
			values.add((value instanceof Instant instant) ? timestamp(instant) : value);
		}
		values.add(id);
		this.jdbc.sql("update " + table + " set " + String.join(", ", columns) + " where id = ?")
			.params(values)
			.update();
	}

	Optional<PilCase> find(String id) {
		return this.jdbc.sql("select * from pil_case where id = ?").param(id).query(this::row).optional();
	}

	PilCase lock(String id) {
		return this.jdbc.sql("select * from pil_case where id = ? for update").param(id).query(this::row).single();
	}

	/** A page of cases matching a filter on alias {@code c}, in one query. */
	List<PilCase> page(SqlWhere filter, Page.Request request) {
		return filter.bind(this.jdbc.sql("select c.* from pil_case c" + filter.sql() + " order by c.registered_at desc"
				+ SqlWhere.page(request)))
			.query(this::row)
			.list();
	}

	long count(SqlWhere filter) {
		return filter.bind(this.jdbc.sql("select count(*) from pil_case c" + filter.sql())).query(Long.class).single();
	}

	void insertRecommendation(Recommendation r) {
		this.jdbc
			.sql("""
					insert into pil_recommendation (id, case_id, version, status, case_source, facts_of_harm, non_performance,
					  legal_basis, recommendations, urgent, copy_to)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(r.id(), r.caseId(), r.version(), r.status(), r.caseSource(), r.factsOfHarm(), r.nonPerformance(),
					r.legalBasis(), r.recommendations(), r.urgent(), r.copyTo())
			.update();
	}

	List<Recommendation> recommendations(String caseId) {
		return this.jdbc.sql("select * from pil_recommendation where case_id = ? order by version")
			.param(caseId)
			.query(this::recommendation)
			.list();
	}

	/** The newest version, which the process is working on. */
	Recommendation current(String caseId) {
		List<Recommendation> all = recommendations(caseId);
		return all.get(all.size() - 1);
	}

	private PilCase row(ResultSet rs, int row) throws SQLException {
		return new PilCase(rs.getString("id"), rs.getString("case_number"), rs.getString("status"),
				rs.getString("stage"), rs.getString("procuratorate"), rs.getString("registered_by"),
				instant(rs, "registered_at"), rs.getString("source"), rs.getString("organ_code"), rs.getString("track"),
				rs.getString("facts_of_harm"), rs.getString("related_cases"), rs.getString("filing_opinion"),
				date(rs, "filed_on"), date(rs, "filing_service_due"), date(rs, "filing_served_on"),
				rs.getString("consultation_facts"), rs.getString("consultation_statement"),
				rs.getString("consultation_plan"), rs.getString("consultation_minutes"),
				rs.getString("follow_up_evidence"), rs.getString("follow_up_result"),
				rs.getString("non_performance_reason"), date(rs, "notice_published_on"), date(rs, "notice_ends_on"),
				rs.getString("notice_medium"), rs.getString("court"), date(rs, "suit_filed_on"), rs.getString("claims"),
				rs.getString("outcome"), date(rs, "outcome_on"), rs.getString("outcome_summary"),
				rs.getString("close_reason"), instant(rs, "closed_at"), rs.getString("process_instance_id"));
	}

	private Recommendation recommendation(ResultSet rs, int row) throws SQLException {
		return new Recommendation(rs.getString("id"), rs.getString("case_id"), rs.getInt("version"),
				rs.getString("status"), rs.getString("case_source"), rs.getString("facts_of_harm"),
				rs.getString("non_performance"), rs.getString("legal_basis"), rs.getString("recommendations"),
				rs.getBoolean("urgent"), rs.getString("copy_to"), rs.getString("approval_opinion"),
				rs.getString("document_number"), date(rs, "issued_on"), date(rs, "served_on"),
				rs.getString("service_method"), date(rs, "reply_due"), rs.getBoolean("reply_overdue"),
				instant(rs, "reminded_at"), rs.getString("response"), rs.getString("reply_text"),
				rs.getString("rectification"), rs.getString("objection_grounds"), rs.getString("objection_outcome"),
				rs.getString("objection_opinion"), instant(rs, "replied_at"));
	}

}
