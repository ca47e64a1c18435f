package org.antifraud.interview.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.antifraud.agency.AgencyDirectory;
import org.antifraud.document.CaseFiles;
import org.antifraud.document.LetterDraft;
import org.antifraud.document.LetterType;
import org.antifraud.document.Letters;
import org.antifraud.interview.AccountabilityInterviewProcess;

import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The letters of an accountability interview: the 约谈通知书 (a new one, superseding the old,
 * when the interview is moved) and the 约谈记录.
 */
@Component
class InterviewLetters {

	static final String CASE_KIND = "interview";

	private static final String MATERIALS = "与约谈事由有关的情况说明、原因分析和整改方案";

	private final Letters letters;

	private final AgencyDirectory agencies;

	InterviewLetters(Letters letters, AgencyDirectory agencies) {
		this.letters = letters;
		this.agencies = agencies;
	}

	/** A row of {@code interview} as the letters need it. */
	record Interview(String id, String caseNumber, String unitCode, String officeAgency, String principal,
			String reason, LocalDateTime scheduledAt, String place, String officials) {
	}

	/** The notice; a later one for the same interview supersedes the earlier. */
	void notice(Interview interview) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("reason", interview.reason());
		fields.put("interviewAt", Letters.moment(interview.scheduledAt()));
		fields.put("place", interview.place());
		fields.put("officials", interview.officials().replaceAll("\\R", "、"));
		fields.put("attendees", interview.principal() + "及分管反诈工作的负责人");
		fields.put("materials", MATERIALS);
		fields.put("caseNumber", interview.caseNumber());
		this.letters.reissue(draft(LetterType.INTERVIEW_NOTICE, interview, fields));
	}

	/** The minutes of a held interview with the unit's commitments. */
	void minutes(Interview interview, String present, String summary, String commitments, LocalDate deadline) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("interviewAt", Letters.moment(interview.scheduledAt()));
		fields.put("place", interview.place());
		fields.put("officials", interview.officials().replaceAll("\\R", "、"));
		fields.put("attendees", present);
		fields.put("summary", summary);
		fields.put("commitments", commitments);
		fields.put("deadline", Letters.date(deadline));
		fields.put("caseNumber", interview.caseNumber());
		this.letters.issue(draft(LetterType.INTERVIEW_MINUTES, interview, fields));
	}

	private LetterDraft draft(LetterType type, Interview interview, Map<String, String> fields) {
		return new LetterDraft(type, interview.officeAgency(), CASE_KIND, interview.id(),
				this.agencies.name(interview.unitCode()), fields, Set.of(interview.unitCode()));
	}

	/**
	 * Evidence on an interview: the unit attaches what it was asked to bring, the joint
	 * office reads everything.
	 */
	@Bean
	static CaseFiles interviewCaseFiles(JdbcClient jdbc) {
		return CaseFiles.of(CASE_KIND, Set.of(AccountabilityInterviewProcess.KEY),
				(id) -> jdbc.sql("select unit_code, office_agency from interview where id = ?")
					.param(id)
					.query((rs, n) -> List.of(rs.getString("unit_code"), rs.getString("office_agency")))
					.optional(),
				(parties, actor) -> actor.readsEverything() || parties.contains(actor.agencyCode()),
				(parties) -> Set.of(parties.get(1)));
	}

}
