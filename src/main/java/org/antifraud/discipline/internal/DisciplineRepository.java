package org.antifraud.discipline.internal;

import static org.antifraud.common.Rows.date;
import static org.antifraud.common.Rows.enumValue;
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
import org.antifraud.discipline.CaseStatus;
import org.antifraud.discipline.DisciplineCategory;
import org.antifraud.discipline.InstrumentType;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Discipline cases, their instruments and review records.
 */
@Repository
class DisciplineRepository {

	private final JdbcClient jdbc;

	DisciplineRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(DisciplineCase c, List<Instrument> instruments) {
		this.jdbc.sql("""
				insert into discipline_case (id, case_number, status, category, subject_name, subject_id_number,
				  subject_phone, basis_document_number, basis_decided_on, basis_summary, times_count,
				  counterparties_count, below_threshold, filing_agency, approving_agency, filed_by, filed_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(c.id(), c.caseNumber(), c.status().name(), c.category().name(), c.subjectName(),
					c.subjectIdNumber(), c.subjectPhone(), c.basisDocumentNumber(), c.basisDecidedOn(),
					c.basisSummary(), c.timesCount(), c.counterpartiesCount(), c.belowThreshold(), c.filingAgency(),
					c.approvingAgency(), c.filedBy(), timestamp(c.filedAt()))
			.update();
		for (int i = 0; i < instruments.size(); i++) {
			Instrument instrument = instruments.get(i);
			this.jdbc
				.sql("""
						insert into discipline_instrument (id, case_id, position, instrument_type, identifier, institution_code)
						values (?, ?, ?, ?, ?, ?)""")
				.params(RowIds.next(), c.id(), i, instrument.type().name(), instrument.identifier(),
						instrument.institutionCode())
				.update();
		}
	}

	Optional<DisciplineCase> find(String id) {
		return this.jdbc.sql("select * from discipline_case where id = ?").param(id).query(this::row).optional();
	}

	/** Reads a case and locks it for the rest of the transaction. */
	DisciplineCase lock(String id) {
		return this.jdbc.sql("select * from discipline_case where id = ? for update")
			.param(id)
			.query(this::row)
			.single();
	}

	/** The case in its term for the same resident ID, other than {@code excludeId}. */
	Optional<DisciplineCase> findInTerm(String idNumber, String excludeId) {
		return this.jdbc
			.sql("""
					select * from discipline_case where subject_id_number = ? and id <> ? and status in ('EXECUTING', 'ACTIVE')
					order by filed_at""")
			.params(idNumber, excludeId)
			.query(this::row)
			.list()
			.stream()
			.findFirst();
	}

	/** A page of cases matching a filter on alias {@code c}, in one query. */
	List<DisciplineCase> page(SqlWhere filter, Page.Request request) {
		return filter.bind(this.jdbc.sql("select c.* from discipline_case c" + filter.sql()
				+ " order by c.filed_at desc" + SqlWhere.page(request)))
			.query(this::row)
			.list();
	}

	List<Instrument> instruments(String caseId) {
		return this.jdbc.sql(
				"select instrument_type, identifier, institution_code from discipline_instrument where case_id = ? order by position")
			.param(caseId)
			.query((rs, row) -> new Instrument(InstrumentType.valueOf(rs.getString(1)), rs.getString(2),
					rs.getString(3)))
			.list();
	}

	void status(String id, CaseStatus status) {
		this.jdbc.sql("update discipline_case set status = ? where id = ?").params(status.name(), id).update();
	}

	void opinion(String id, String opinion) {
		this.jdbc.sql("update discipline_case set last_opinion = ? where id = ?").params(opinion, id).update();
	}

	void supplement(String id, String basisSummary) {
		this.jdbc.sql("update discipline_case set basis_summary = ?, status = ? where id = ?")
			.params(basisSummary, CaseStatus.UNDER_REVIEW.name(), id)
			.update();
	}

	void processInstance(String id, String processInstanceId) {
		this.jdbc.sql("update discipline_case set process_instance_id = ? where id = ?")
			.params(processInstanceId, id)
			.update();
	}

	void measures(String id, String measures, int termYears, boolean dishonestList, Instant approvedAt) {
		this.jdbc.sql("""
				update discipline_case set measures = ?, term_years = ?, dishonest_list = ?, approved_at = ?, status = ?
				where id = ?""")
			.params(measures, termYears, dishonestList, timestamp(approvedAt), CaseStatus.NOTICE_PENDING.name(), id)
			.update();
	}

	void notice(String id, String noticeNumber, LocalDate servedOn) {
		this.jdbc.sql("update discipline_case set notice_number = ?, notice_served_on = ? where id = ?")
			.params(noticeNumber, servedOn, id)
			.update();
	}

	void term(String id, LocalDate start, LocalDate end, LocalDate continuousStart, CaseStatus status) {
		this.jdbc
			.sql("""
					update discipline_case set term_start = ?, term_end = ?, continuous_start = ?, status = ? where id = ?""")
			.params(start, end, continuousStart, status.name(), id)
			.update();
	}

	void extendTerm(String id, LocalDate end, String measures, boolean dishonestList) {
		this.jdbc.sql("update discipline_case set term_end = ?, measures = ?, dishonest_list = ? where id = ?")
			.params(end, measures, dishonestList, id)
			.update();
	}

	void merged(String id, String intoCaseId, LocalDate termEnd) {
		this.jdbc
			.sql("""
					update discipline_case set status = ?, extended_case_id = ?, term_end = ?, closed_at = ? where id = ?""")
			.params(CaseStatus.MERGED.name(), intoCaseId, termEnd, timestamp(Now.instant()), id)
			.update();
	}

	void lifting(String id, String reason, Instant at) {
		this.jdbc.sql("update discipline_case set status = ?, lift_reason = ?, lifted_at = ? where id = ?")
			.params(CaseStatus.LIFTING.name(), reason, timestamp(at), id)
			.update();
	}

	void closed(String id, CaseStatus status, Instant at) {
		this.jdbc.sql("update discipline_case set status = ?, closed_at = ? where id = ?")
			.params(status.name(), timestamp(at), id)
			.update();
	}

	void review(String caseId, String step, String decision, String opinion, String actor, String agency, Instant at) {
		this.jdbc.sql("""
				insert into discipline_review (id, case_id, step, decision, opinion, actor, agency_code, decided_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(RowIds.next(), caseId, step, decision, opinion, actor, agency, timestamp(at))
			.update();
	}

	List<Review> reviews(String caseId) {
		return this.jdbc.sql("""
				select step, decision, opinion, actor, agency_code, decided_at from discipline_review
				where case_id = ? order by decided_at""")
			.param(caseId)
			.query((rs, row) -> new Review(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), instant(rs, "decided_at")))
			.list();
	}

	/** A review decision on the case. */
	record Review(String step, String decision, String opinion, String actor, String agencyCode, Instant decidedAt) {
	}

	private DisciplineCase row(ResultSet rs, int row) throws SQLException {
		return new DisciplineCase(rs.getString("id"), rs.getString("case_number"),
				enumValue(rs, "status", CaseStatus.class), enumValue(rs, "category", DisciplineCategory.class),
				rs.getString("subject_name"), rs.getString("subject_id_number"), rs.getString("subject_phone"),
				rs.getString("basis_document_number"), date(rs, "basis_decided_on"), rs.getString("basis_summary"),
				rs.getInt("times_count"), rs.getInt("counterparties_count"), rs.getBoolean("below_threshold"),
				rs.getString("filing_agency"), rs.getString("approving_agency"), rs.getString("filed_by"),
				instant(rs, "filed_at"), rs.getString("last_opinion"), rs.getString("measures"),
				rs.getBoolean("dishonest_list"), integer(rs, "term_years"), instant(rs, "approved_at"),
				rs.getString("notice_number"), date(rs, "notice_served_on"), date(rs, "term_start"),
				date(rs, "term_end"), date(rs, "continuous_start"), rs.getString("extended_case_id"),
				rs.getString("lift_reason"), instant(rs, "lifted_at"), instant(rs, "closed_at"),
				rs.getString("process_instance_id"));
	}

}
