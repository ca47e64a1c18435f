package org.antifraud.procuratorate.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.antifraud.agency.Agency;
import org.antifraud.agency.AgencyDirectory;
import org.antifraud.document.CaseFiles;
import org.antifraud.document.IssuedLetter;
import org.antifraud.document.LetterDraft;
import org.antifraud.document.LetterType;
import org.antifraud.document.Letters;
import org.antifraud.procuratorate.PilProperties;
import org.antifraud.procuratorate.ProcuratorialRecommendationProcess;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * The letters of a public-interest case, issued by the procuratorate: the 立案决定书 served on
 * the organ, the 检察建议书 (its number is the recommendation's number) and the 公告 before a
 * civil suit.
 */
@Component
class PilLetters {

	static final String CASE_KIND = "pil";

	private static final Map<String, String> SOURCES = Map.of("OWN_DISCOVERY", "公益诉讼案件线索", "JOINT_OFFICE_REFERRAL",
			"市反诈联席会议办公室移送的案件线索", "POLICE_REFERRAL", "公安机关移送的案件线索", "FAILED_RECTIFICATION", "整改未到位移送的案件线索",
			"CITIZEN_REPORT", "群众举报的案件线索");

	private final Letters letters;

	private final AgencyDirectory agencies;

	private final PilProperties properties;

	PilLetters(Letters letters, AgencyDirectory agencies, PilProperties properties) {
		this.letters = letters;
		this.agencies = agencies;
		this.properties = properties;
	}

	IssuedLetter filingDecision(PilCase c) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("source", source(c));
		fields.put("facts", c.factsOfHarm());
		fields.put("caseNumber", c.caseNumber());
		return issue(LetterType.PIL_FILING_DECISION, c, fields, Set.of(c.organCode()));
	}

	IssuedLetter recommendation(PilCase c, Recommendation r) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("caseSource", (r.caseSource() != null) ? r.caseSource() : source(c));
		fields.put("factsOfHarm", r.factsOfHarm());
		fields.put("nonPerformance", r.nonPerformance());
		fields.put("legalBasis", r.legalBasis());
		fields.put("recommendations", r.recommendations());
		fields.put("replyPeriodText",
				r.urgent() ? this.properties.urgentReplyDays() + "日内" : this.properties.replyMonths() + "个月内");
		fields.put("caseNumber", c.caseNumber());
		Set<String> audience = new LinkedHashSet<>(Set.of(c.organCode()));
		if (r.copyTo() != null) {
			audience.addAll(Arrays.asList(r.copyTo().split(",")));
		}
		return issue(LetterType.PIL_RECOMMENDATION, c, fields, audience);
	}

	IssuedLetter publicNotice(PilCase c, LocalDate published, LocalDate ends) {
		Agency procuratorate = this.agencies.find(c.procuratorate()).orElseThrow();
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("defendant", organ(c).name());
		fields.put("facts", c.factsOfHarm());
		fields.put("claims",
				(c.nonPerformanceReason() != null)
						? "判令被告依法履行防范电信网络诈骗义务、停止侵害社会公共利益的行为（" + c.nonPerformanceReason() + "）"
						: "判令被告依法履行防范电信网络诈骗义务、停止侵害社会公共利益的行为");
		fields.put("noticeDays", String.valueOf(this.properties.civilNoticeDays()));
		fields.put("noticeEnds", Letters.date(ends));
		fields.put("contact", procuratorate.name() + "公益诉讼检察部门");
		fields.put("caseNumber", c.caseNumber());
		return this.letters.issue(new LetterDraft(LetterType.PIL_PUBLIC_NOTICE, c.procuratorate(), CASE_KIND, c.id(),
				"社会公众", fields, Set.of(c.organCode())));
	}

	private IssuedLetter issue(LetterType type, PilCase c, Map<String, String> fields, Set<String> audience) {
		return this.letters
			.issue(new LetterDraft(type, c.procuratorate(), CASE_KIND, c.id(), organ(c).name(), fields, audience));
	}

	private Agency organ(PilCase c) {
		return this.agencies.find(c.organCode()).orElseThrow();
	}

	private static String source(PilCase c) {
		return SOURCES.getOrDefault(c.source(), "公益诉讼案件线索");
	}

	/**
	 * Evidence on a PIL case: the procuratorate reads all of it; the organ, once served,
	 * attaches its reply's evidence and reads its own.
	 */
	@Bean
	static CaseFiles pilCaseFiles(PilRepository cases) {
		return CaseFiles.of(CASE_KIND, Set.of(ProcuratorialRecommendationProcess.KEY), cases::find, PilQueries::canSee,
				(c) -> Set.of(c.procuratorate()));
	}

}
