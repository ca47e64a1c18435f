package org.antifraud.interview.internal;

import static org.antifraud.common.Rows.instant;

import java.util.List;
import java.util.Objects;

import org.antifraud.agency.AgencyDirectory;
import org.antifraud.common.Now;
import org.antifraud.search.SearchDocument;
import org.antifraud.search.SearchSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An interview as search finds it: by number, unit, principal, reason, problems and
 * commitments; opened by the joint office and the unit.
 */
@Component
class InterviewSearchSource implements SearchSource {

	private final JdbcClient jdbc;

	private final AgencyDirectory agencies;

	InterviewSearchSource(JdbcClient jdbc, AgencyDirectory agencies) {
		this.jdbc = jdbc;
		this.agencies = agencies;
	}

	@Override
	public List<SearchDocument> documents(String caseRef) {
		return this.jdbc.sql("""
				select id, case_number, status, unit_code, office_agency, principal, reason, place, officials, problems,
				  commitments, scheduled_at from interview where id = ?""").param(caseRef).query((rs, n) -> {
			String unit = Objects.requireNonNullElse(this.agencies.name(rs.getString("unit_code")),
					rs.getString("unit_code"));
			return new SearchDocument(InterviewLetters.CASE_KIND, rs.getString("id"), rs.getString("id"),
					unit + " · 约谈 " + rs.getString("case_number"), rs.getString("status"),
					rs.getString("office_agency"),
					SearchDocument.readers(rs.getString("office_agency"), rs.getString("unit_code")),
					instant(rs, "scheduled_at").atZone(Now.ZONE).toLocalDate(), List.of(rs.getString("case_number")),
					List.of(), unit + "\n" + rs.getString("principal"),
					SearchDocument.lines(rs.getString("reason"), rs.getString("place"), rs.getString("officials"),
							rs.getString("problems"), rs.getString("commitments")));
		}).list();
	}

}
