package org.antifraud.discipline.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.antifraud.agency.Agency;
import org.antifraud.agency.AgencyDirectory;
import org.antifraud.common.Now;
import org.antifraud.discipline.DisciplineCategory;
import org.antifraud.discipline.DisciplineProperties;
import org.antifraud.discipline.JointDisciplineProcess;
import org.antifraud.discipline.Measure;
import org.antifraud.discipline.OrderKind;
import org.antifraud.document.CaseFiles;
import org.antifraud.document.IssuedLetter;
import org.antifraud.document.LetterDraft;
import org.antifraud.document.LetterType;
import org.antifraud.document.Letters;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * The letters of joint discipline: the 惩戒告知书 to the subject, a 协助执行通知书 or 解除惩戒通知书 to each
 * institution, and the appeal acceptance and decision. The city bureau that approved the
 * determination issues them.
 */
@Component
class DisciplineLetters {

	static final String CASE_KIND = "discipline";

	private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private final Letters letters;

	private final DisciplineRepository cases;

	private final AgencyDirectory agencies;

	private final DisciplineProperties properties;

	private final MessageSource messages;

	DisciplineLetters(Letters letters, DisciplineRepository cases, AgencyDirectory agencies,
			DisciplineProperties properties, MessageSource messages) {
		this.letters = letters;
		this.cases = cases;
		this.agencies = agencies;
		this.properties = properties;
		this.messages = messages;
	}

	/**
	 * The notice to the subject: basis, term, measures and the right of appeal (Art. 12).
	 */
	IssuedLetter notice(DisciplineCase c) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("subjectIdNumber", c.subjectIdNumber());
		fields.put("facts", c.basisSummary());
		fields.put("basis", c.basisDocumentNumber() + "，" + Letters.date(c.basisDecidedOn()));
		fields.put("categoryText", category(c.category()));
		fields.put("termYears", String.valueOf(c.termYears()));
		fields.put("termStartText", switch (this.properties.termStart()) {
			case BASIS_DECIDED -> Letters.date(c.basisDecidedOn()) + "（认定依据作出之日）";
			case APPROVED -> Letters.date(c.approvedAt().atZone(Now.ZONE).toLocalDate()) + "（认定批准之日）";
			case NOTICE_SERVED -> "本告知书送达之日";
		});
		fields.put("measures", measures(c.measures()));
		fields.put("dishonestNote",
				c.dishonestList() ? "依照《电信网络诈骗及其关联违法犯罪联合惩戒办法》的规定，你将被列入“电信网络诈骗”严重失信主体名单，并通过全国信用信息共享平台共享。" : "");
		fields.put("appealAgency", issuer(c).name());
		fields.put("appealChannel", this.properties.appealChannel());
		fields.put("caseNumber", c.caseNumber());
		return this.letters.issue(new LetterDraft(LetterType.DISCIPLINE_NOTICE, issuer(c).code(), CASE_KIND, c.id(),
				c.subjectName(), fields, Set.of(c.filingAgency())));
	}

	/**
	 * An order to each institution; an execution order lists the instruments that
	 * institution holds.
	 */
	void orders(DisciplineCase c, OrderKind kind, Set<String> institutions, LocalDate due) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("subjectName", c.subjectName());
		fields.put("subjectIdNumber", c.subjectIdNumber());
		fields.put("noticeNumber", (c.noticeNumber() != null) ? c.noticeNumber() : "");
		fields.put("dueDate", Letters.date(due));
		fields.put("caseNumber", c.caseNumber());
		LetterType type = (kind == OrderKind.EXECUTION) ? LetterType.EXECUTION_ORDER : LetterType.LIFTING_ORDER;
		Map<String, String> instruments = Map.of();
		if (kind == OrderKind.EXECUTION) {
			fields.put("categoryText", category(c.category()));
			fields.put("termStart", Letters.date(c.termStart()));
			fields.put("termEnd", Letters.date(c.termEnd()));
			fields.put("measures", measures(c.measures()));
			instruments = this.cases.instruments(c.id())
				.stream()
				.filter((instrument) -> instrument.institutionCode() != null)
				.collect(Collectors.groupingBy(Instrument::institutionCode,
						Collectors.mapping((instrument) -> message("instrument." + instrument.type().name()) + "："
								+ instrument.identifier(), Collectors.joining("\n"))));
		}
		else {
			fields.put("liftReason", "APPEAL".equals(c.liftReason()) ? "申诉核查认定有误" : "惩戒期限届满");
			fields.put("liftedOn",
					Letters.date((c.liftedAt() != null) ? c.liftedAt().atZone(Now.ZONE).toLocalDate() : Now.today()));
		}
		String issuer = issuer(c).code();
		for (String institution : institutions) {
			Map<String, String> own = new LinkedHashMap<>(fields);
			if (kind == OrderKind.EXECUTION) {
				own.put("instruments", instruments.getOrDefault(institution, ""));
			}
			this.letters.issue(new LetterDraft(type, issuer, CASE_KIND, c.id(), this.agencies.name(institution), own,
					Set.of(c.filingAgency(), institution)));
		}
	}

	/** The acceptance notice to the appellant. */
	IssuedLetter appealAccepted(Appeal appeal, DisciplineCase c) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("receivedOn", Letters.date(appeal.receivedOn()));
		fields.put("noticeNumber", (c.noticeNumber() != null) ? c.noticeNumber() : "");
		fields.put("acceptedOn", Letters.date(Now.today()));
		fields.put("appealNumber", appealNumber(appeal));
		fields.put("caseNumber", c.caseNumber());
		return this.letters.issue(new LetterDraft(LetterType.APPEAL_ACCEPTANCE, issuer(c).code(), CASE_KIND, c.id(),
				appeal.appellant(), fields, Set.of(c.filingAgency())));
	}

	/** The decision on an appeal: lifted at once, or upheld with the remedy left. */
	IssuedLetter appealDecided(Appeal appeal, DisciplineCase c, boolean lift, String opinion) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("receivedOn", Letters.date(appeal.receivedOn()));
		fields.put("appealNumber", appealNumber(appeal));
		fields.put("findings", (appeal.findings() != null) ? appeal.findings() : opinion);
		fields.put("decisionText",
				lift ? "本机关认定原惩戒认定有误，决定自" + Letters.date(Now.today()) + "起解除对你的联合惩戒，并通知各协助执行单位立即解除惩戒措施。"
						: "本机关认为原认定事实清楚、依据充分，决定维持原惩戒认定。理由：" + opinion);
		fields.put("remedyText", lift ? "" : "你对本决定不服的，可以依法申请行政复议或者提起行政诉讼。");
		fields.put("caseNumber", c.caseNumber());
		return this.letters.issue(new LetterDraft(LetterType.APPEAL_DECISION, issuer(c).code(), CASE_KIND, c.id(),
				appeal.appellant(), fields, Set.of(c.filingAgency())));
	}

	/** Whether a name prints in these letters. */
	boolean printable(String text) {
		return this.letters.printable(text);
	}

	private Agency issuer(DisciplineCase c) {
		String code = (c.approvingAgency() != null) ? c.approvingAgency() : c.filingAgency();
		return this.agencies.find(code).orElseThrow();
	}

	private static String appealNumber(Appeal appeal) {
		return "SS-" + appeal.id().substring(0, 8).toUpperCase(Locale.ROOT);
	}

	private String measures(String codes) {
		List<Measure> measures = Measure.parse(codes);
		String[] ordinals = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" };
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < measures.size(); i++) {
			text.append(ordinals[i % ordinals.length])
				.append("、")
				.append(message("measure." + measures.get(i).name()))
				.append((i == measures.size() - 1) ? "。" : "；")
				.append('\n');
		}
		return text.toString();
	}

	private static String category(DisciplineCategory category) {
		return (category == DisciplineCategory.CRIMINAL) ? "第一类（因电信网络诈骗及其关联犯罪受过刑事处罚）" : "第二类（经设区的市级以上公安机关认定）";
	}

	private String message(String key) {
		return this.messages.getMessage(key, null, key, CHINESE);
	}

	/**
	 * Evidence on a discipline case: whoever sees the case attaches; the deciding police
	 * agencies read every attachment, an institution its own.
	 */
	@Bean
	static CaseFiles disciplineCaseFiles(DisciplineRepository cases, OrderRepository orders, CaseAccess access) {
		return CaseFiles.of(CASE_KIND, Set.of(JointDisciplineProcess.KEY, JointDisciplineProcess.APPEAL_KEY),
				cases::find, (c, actor) -> access.canSee(c, actor, orders.ofCase(c.id())),
				(c) -> (c.approvingAgency() != null) ? Set.of(c.filingAgency(), c.approvingAgency())
						: Set.of(c.filingAgency()));
	}

}
