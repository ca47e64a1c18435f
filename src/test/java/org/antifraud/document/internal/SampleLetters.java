package org.antifraud.document.internal;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.antifraud.document.LetterType;

/** Realistic fields of every letter type, as the processes fill them. */
final class SampleLetters {

	private SampleLetters() {
	}

	static Map<String, String> fields(LetterType type) {
		return FIELDS.get(type);
	}

	static String recipient(LetterType type) {
		return switch (type) {
			case DISCIPLINE_NOTICE, APPEAL_ACCEPTANCE, APPEAL_DECISION -> "王䶮𠮷";
			case EXECUTION_ORDER, LIFTING_ORDER, STOP_PAYMENT_INSTRUCTION -> "中国工商银行股份有限公司青岛分行";
			case PIL_FILING_DECISION, PIL_RECOMMENDATION -> "国家金融监督管理总局青岛监管局";
			case PIL_PUBLIC_NOTICE -> "社会公众";
			case RECTIFICATION_NOTICE, SUPERVISION_NOTICE, INTERVIEW_NOTICE, INTERVIEW_MINUTES -> "青岛农村商业银行股份有限公司";
			case CUSTOMER_RISK_NOTICE -> "李䶮";
			case CARD_VERIFICATION_NOTICE -> "张𠮷";
		};
	}

	private static final Map<LetterType, Map<String, String>> FIELDS = new EnumMap<>(LetterType.class);

	private static void put(LetterType type, String... pairs) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		FIELDS.put(type, map);
	}

	static {
		put(LetterType.DISCIPLINE_NOTICE, "subjectIdNumber", "370202199001011237", "facts",
				"你于2025年3月至2025年6月间，先后将本人名下的3张银行卡和2张电话卡出租、出售给他人用于电信网络诈骗活动，涉及被害人12名，涉案金额共计人民币386500.00元", "basis",
				"青公(市南)行罚决字〔2025〕第00123号行政处罚决定书，2025年7月15日", "categoryText", "第二类", "termYears", "2", "termStartText",
				"本告知书送达之日", "measures",
				"一、限制本人名下银行账户、数字人民币钱包非柜面出金业务；\n二、暂停支付账户业务，不得新开立支付账户和数字人民币钱包；\n三、限制本人名下电话卡、物联网卡、固定电话的功能，不得新办理电信业务；\n四、将惩戒信息纳入金融信用信息基础数据库。",
				"dishonestNote", "", "appealAgency", "青岛市公安局", "appealChannel",
				"青岛市公安局反诈中心（青岛市市南区宁夏路100号，电话0532-66571234），或者联合惩戒工作平台申诉入口", "caseNumber", "QD-PSB-LS-2026-DISC-00001");
		put(LetterType.EXECUTION_ORDER, "subjectName", "王䶮𠮷", "subjectIdNumber", "370202199001011237", "categoryText",
				"第二类", "noticeNumber", "青公(反诈)惩字〔2026〕第0001号", "termStart", "2026年9月28日", "termEnd", "2028年9月28日",
				"measures", "一、限制非柜面出金业务；\n二、不得新开立支付账户。", "instruments",
				"银行卡：6222020200000000000\n银行卡：6212260200012345674", "dueDate", "2026年10月12日", "caseNumber",
				"QD-PSB-LS-2026-DISC-00001");
		put(LetterType.LIFTING_ORDER, "subjectName", "王䶮𠮷", "subjectIdNumber", "370202199001011237", "noticeNumber",
				"青公(反诈)惩字〔2026〕第0001号", "liftReason", "申诉核查认定有误", "liftedOn", "2026年10月20日", "dueDate", "2026年10月23日",
				"caseNumber", "QD-PSB-LS-2026-DISC-00001");
		put(LetterType.APPEAL_ACCEPTANCE, "receivedOn", "2026年10月9日", "noticeNumber", "青公(反诈)惩字〔2026〕第0001号",
				"acceptedOn", "2026年10月12日", "appealNumber", "QD-PSB-2026-APPL-00001", "caseNumber",
				"QD-PSB-LS-2026-DISC-00001");
		put(LetterType.APPEAL_DECISION, "receivedOn", "2026年10月9日", "appealNumber", "QD-PSB-2026-APPL-00001",
				"findings", "申诉人提交的银行流水和报案回执证明，涉案银行卡系被他人冒用身份开立，申诉人并未出租、出售。", "decisionText",
				"本机关认定原惩戒认定有误，决定自2026年10月20日起解除对你的联合惩戒，并通知各协助执行单位立即解除惩戒措施。", "remedyText", "", "caseNumber",
				"QD-PSB-LS-2026-DISC-00001");
		put(LetterType.PIL_FILING_DECISION, "source", "公益诉讼案件线索", "facts",
				"辖区部分银行网点对已被公安机关通报的涉诈账户未按规定采取风险管控措施，导致涉诈资金在2026年1月至6月间通过上述账户转移共计1286万元。", "caseNumber",
				"QD-PRO-2026-PIL-00001");
		put(LetterType.PIL_RECOMMENDATION, "caseSource", "公益诉讼案件线索", "factsOfHarm",
				"2026年1月至6月，辖区3家银行的17个网点对公安机关通报的涉诈账户未及时采取只收不付等措施，涉诈资金1286万元经上述账户转出，损害了社会公共利益。", "nonPerformance",
				"经诉前磋商，你单位未对上述银行开展专项检查，也未责令其限期改正，至今未依法全面履行监督管理职责。", "legalBasis", "《中华人民共和国反电信网络诈骗法》第十五条、第十八条、第三十九条",
				"recommendations", "一、对辖区银行落实涉诈账户风险管控措施情况开展专项检查；\n二、对存在问题的银行依法责令限期改正并予以处罚；\n三、建立涉诈账户通报处置的常态化监督机制。",
				"replyPeriodText", "两个月内", "caseNumber", "QD-PRO-2026-PIL-00001");
		put(LetterType.PIL_PUBLIC_NOTICE, "defendant", "青岛某网络科技有限公司", "facts", "该公司为电信网络诈骗团伙批量提供虚假注册的互联网账号8600余个。",
				"claims", "判令被告停止侵害、在全国性媒体上公开赔礼道歉。", "noticeDays", "30", "noticeEnds", "2026年10月28日", "contact",
				"青岛市人民检察院第八检察部，电话0532-88881234", "caseNumber", "QD-PRO-2026-PIL-00002");
		put(LetterType.RECTIFICATION_NOTICE, "problems", "一、对公安机关通报的涉诈账户处置不及时；\n二、开户环节尽职调查流于形式。", "basis",
				"《中华人民共和国反电信网络诈骗法》第十六条、第十八条", "requirements", "一、全面排查存量高风险账户；\n二、完善开户尽职调查制度。", "deadline",
				"2026年12月31日", "reportText", "整改期间每10个工作日报送一次整改进展，", "caseNumber", "QD-JO-2026-RECT-00001");
		put(LetterType.SUPERVISION_NOTICE, "caseNumber", "QD-JO-2026-RECT-00001", "grounds", "你单位经约谈后仍未按整改通知书的要求整改到位，",
				"supervisionUntil", "2027年6月30日", "requirements", "一、主要负责人牵头制定整改方案；\n二、每月报送整改进展。");
		put(LetterType.INTERVIEW_NOTICE, "reason", "你单位2026年第三季度涉诈账户数量环比上升42%", "interviewAt", "2026年10月15日上午9时30分",
				"place", "青岛市反诈联席会议办公室第一会议室", "officials", "市反诈联席办副主任刘某某、中国人民银行青岛市分行处长陈某某", "attendees",
				"你单位主要负责人、分管负责人及反诈工作部门负责人", "materials", "涉诈账户情况分析报告和整改方案", "caseNumber", "QD-JO-2026-INTV-00001");
		put(LetterType.INTERVIEW_MINUTES, "interviewAt", "2026年10月15日上午9时30分", "place", "青岛市反诈联席会议办公室第一会议室",
				"officials", "刘某某、陈某某", "attendees", "赵某某（行长）、孙某某（副行长）", "summary",
				"约谈人员通报了该行涉诈账户情况，指出开户审核和风险监测存在薄弱环节。\n该行负责人介绍了原因分析和已采取的措施。", "commitments",
				"一、30日内完成存量账户风险排查；\n二、上线新的交易监测模型。", "deadline", "2026年12月31日", "caseNumber", "QD-JO-2026-INTV-00001");
		put(LetterType.CUSTOMER_RISK_NOTICE, "accountMasked", "账号尾号5674", "reasonText", "被公安机关认定为涉案账户", "appliedOn",
				"2026年9月28日", "measureText", "只收不付（暂停全部转出业务）", "basicServices", "代扣代缴税费、社会保险费及公共事业费用等基本服务不受影响",
				"remedyChannel", "本行任一营业网点，或者客服热线95588", "documentsNeeded", "本人有效身份证件、账户交易情况说明及相关证明材料", "caseNumber",
				"ICBC-QD-2026-ACCT-00001");
		put(LetterType.STOP_PAYMENT_INSTRUCTION, "accountName", "王䶮𠮷", "accountNumber", "6212260200012345674",
				"amount", "58000.00", "transactionTime", "2026年9月28日9时41分", "stopHours", "48", "renewalNote", "",
				"contact", "民警张某某，电话0532-66570110", "caseNumber", "QD-PSB-LS-2026-STOP-00001");
		put(LetterType.CARD_VERIFICATION_NOTICE, "phoneMasked", "138****5678", "reasonText", "同一身份证件名下开卡数量异常", "dueAt",
				"2026年9月29日10时00分", "channel", "中国移动营业厅或者中国移动App实名认证入口", "hotline", "96110", "caseNumber",
				"CMCC-QD-2026-CARD-00001");
	}

}
