package org.antifraud.intake.internal;

import static org.antifraud.intake.internal.RowImport.code;
import static org.antifraud.intake.internal.RowImport.value;

import java.util.List;
import java.util.Map;

import org.antifraud.security.Actor;
import org.antifraud.telecom.CardFlag;
import org.antifraud.telecom.CardVerifications;

import org.springframework.stereotype.Component;

/**
 * High-risk phone cards: one card per row, each ordered to secondary verification.
 */
@Component
class CardRows implements RowImport {

	private static final Map<String, String> REASONS = Map.of("涉诈关联", "FRAUD_LINKED", "一证多卡", "MANY_CARDS", "静默卡",
			"SILENT_CARD", "境外高发地", "OVERSEAS_HOTSPOT", "多次被标记", "REPEATED_FLAGS");

	private static final List<Column> COLUMNS = List.of(
			new Column("运营商代码", "operatorCode", "本系统的机构代码，如 CMCC-QD", "CMCC-QD"),
			new Column("手机号码", "phone", "11 位，1[3-9] 开头", "13912345678"),
			new Column("机主姓名", "holderName", "登记机主姓名", "孙七"),
			new Column("公民身份号码", "holderIdNumber", "18 位，末位校验码", "37021219900101123X"),
			new Column("风险类型", "reason", "涉诈关联、一证多卡、静默卡、境外高发地、多次被标记", "涉诈关联"),
			new Column("情况说明", "detail", "不超过 2000 字", "关联电诈案件2起"));

	private final CardVerifications verifications;

	CardRows(CardVerifications verifications) {
		this.verifications = verifications;
	}

	@Override
	public String kind() {
		return "phone-cards";
	}

	@Override
	public String title() {
		return "高风险电话卡";
	}

	@Override
	public List<Column> columns() {
		return COLUMNS;
	}

	private CardFlag flag(Map<String, String> row) {
		return new CardFlag(value(row, "运营商代码"), value(row, "手机号码"), value(row, "机主姓名"), value(row, "公民身份号码"),
				code(value(row, "风险类型"), REASONS), value(row, "情况说明"));
	}

	@Override
	public String key(Map<String, String> row, Actor actor) {
		CardFlag f = flag(row);
		return String.join("|", actor.agencyCode(), String.valueOf(f.operatorCode()), String.valueOf(f.phone()),
				String.valueOf(f.reason()));
	}

	@Override
	public void validate(Map<String, String> row, Actor actor) {
		this.verifications.validate(flag(row), actor);
	}

	@Override
	public String importRow(Map<String, String> row, Actor actor) {
		return this.verifications.flag(flag(row), actor);
	}

}
