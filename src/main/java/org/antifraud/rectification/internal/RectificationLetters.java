package org.antifraud.rectification.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.antifraud.agency.AgencyDirectory;
import org.antifraud.document.CaseFiles;
import org.antifraud.document.LetterDraft;
import org.antifraud.document.LetterType;
import org.antifraud.document.Letters;
import org.antifraud.rectification.RectificationProcess;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * The letters of rectification: the 整改通知书 when an order is issued and the 督办通知书 when a
 * unit is put under listed supervision.
 */
@Component
public class RectificationLetters {

	/** The case kind of rectification orders in the document registry. */
	public static final String CASE_KIND = "rectification";

	private static final String BASIS = "《中华人民共和国反电信网络诈骗法》及本市打击治理电信网络诈骗工作有关规定";

	private static final String NO_SHOW_REQUIREMENTS = """
			一、自收到本通知之日起五个工作日内书面说明未参加约谈的原因；
			二、对照约谈事由全面开展自查整改，报送整改方案并按期落实。""";

	private final Letters letters;

	private final AgencyDirectory agencies;

	RectificationLetters(Letters letters, AgencyDirectory agencies) {
		this.letters = letters;
		this.agencies = agencies;
	}

	/** The order to rectify: problems, requirements, deadline and report cycle. */
	public void notice(String orderId, String caseNumber, String issuerAgency, String unitCode, String problems,
			String requirements, LocalDate deadline, Integer reportCycleDays) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("problems", problems);
		fields.put("basis", BASIS);
		fields.put("requirements", requirements);
		fields.put("deadline", Letters.date(deadline));
		fields.put("reportText", (reportCycleDays != null) ? "整改期间每" + reportCycleDays + "个工作日报送一次整改进展，" : "");
		fields.put("caseNumber", caseNumber);
		this.letters.issue(new LetterDraft(LetterType.RECTIFICATION_NOTICE, issuerAgency, CASE_KIND, orderId,
				this.agencies.name(unitCode), fields, Set.of(unitCode)));
	}

	/**
	 * Listed supervision after an interview did not bring rectification ({@code order}
	 * set) or after a unit stayed away from its interview.
	 */
	public void supervision(String officeAgency, String unitCode, LocalDate until, String caseNumber,
			RectificationOrder order, String interviewId, String reason) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("grounds", (order != null) ? "你单位经约谈后仍未按整改通知书的要求整改到位，" : "你单位无正当理由不参加本办组织的约谈（" + reason + "），");
		fields.put("supervisionUntil", Letters.date(until));
		fields.put("requirements", (order != null) ? order.requiredMeasures() : NO_SHOW_REQUIREMENTS);
		fields.put("caseNumber", caseNumber);
		this.letters.issue(new LetterDraft(LetterType.SUPERVISION_NOTICE, officeAgency,
				(order != null) ? CASE_KIND : "interview", (order != null) ? order.id() : interviewId,
				this.agencies.name(unitCode), fields, Set.of(unitCode)));
	}

	/**
	 * Evidence on a rectification order: the unit attaches its reports' proof, the issuer
	 * reads everything.
	 */
	@Bean
	static CaseFiles rectificationCaseFiles(RectificationRepository orders) {
		return CaseFiles.of(CASE_KIND, Set.of(RectificationProcess.KEY), orders::find, RectificationController::canSee,
				(order) -> Set.of(order.issuerAgency()));
	}

}
