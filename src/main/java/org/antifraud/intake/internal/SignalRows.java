package org.antifraud.intake.internal;

import static org.antifraud.intake.internal.RowImport.code;
import static org.antifraud.intake.internal.RowImport.value;

import java.util.List;
import java.util.Map;

import org.antifraud.banking.AccountRisk;
import org.antifraud.banking.SignalCommand;
import org.antifraud.security.Actor;

import org.springframework.stereotype.Component;

/**
 * Account risk signals: one account per row.
 */
@Component
class SignalRows implements RowImport {

	private static final Map<String, String> KINDS = Map.of("涉案账户", "CASE_ACCOUNT", "监测命中", "MONITORING_HIT", "被举报",
			"COMPLAINT");

	private static final Map<String, String> CLASSES = Map.of("Ⅰ", "I", "Ⅱ", "II", "Ⅲ", "III", "Ⅰ类", "I", "Ⅱ类", "II",
			"Ⅲ类", "III", "1", "I", "2", "II", "3", "III");

	private static final List<Column> COLUMNS = List.of(
			new Column("开户机构代码", "institutionCode", "本系统的机构代码，如 ICBC-QD", "ICBC-QD"),
			new Column("账号", "accountNumber", "银行卡号（Luhn 校验）或支付账户号", "6222020200112233446"),
			new Column("账户类别", "accountClass", "Ⅰ、Ⅱ 或 Ⅲ（也可填 I、II、III）", "Ⅱ"),
			new Column("户名", "holderName", "账户持有人姓名", "李四"),
			new Column("公民身份号码", "holderIdNumber", "18 位，末位校验码", "37021219900101123X"),
			new Column("信号类型", "kind", "涉案账户（仅公安机关）、监测命中（仅开户银行）、被举报", "被举报"),
			new Column("情况说明", "detail", "不超过 2000 字", "群众举报该账户用于刷单返利诈骗"),
			new Column("关联编号", "reference", "案件编号或预警编号，可空", "A3702120000002026090001"));

	private final AccountRisk risk;

	SignalRows(AccountRisk risk) {
		this.risk = risk;
	}

	@Override
	public String kind() {
		return "account-signals";
	}

	@Override
	public String title() {
		return "账户风险信号";
	}

	@Override
	public List<Column> columns() {
		return COLUMNS;
	}

	private SignalCommand command(Map<String, String> row) {
		return new SignalCommand(value(row, "开户机构代码"), value(row, "账号"), code(value(row, "账户类别"), CLASSES),
				value(row, "户名"), value(row, "公民身份号码"), code(value(row, "信号类型"), KINDS), value(row, "情况说明"),
				value(row, "关联编号"));
	}

	@Override
	public String key(Map<String, String> row, Actor actor) {
		SignalCommand c = command(row);
		return String.join("|", actor.agencyCode(), String.valueOf(c.institutionCode()),
				String.valueOf(c.accountNumber()), String.valueOf(c.kind()), String.valueOf(c.reference()));
	}

	@Override
	public void validate(Map<String, String> row, Actor actor) {
		this.risk.validate(command(row), actor);
	}

	@Override
	public String importRow(Map<String, String> row, Actor actor) {
		return this.risk.signal(command(row), actor).accountId();
	}

}
