package org.antifraud.intake.internal;

import static org.antifraud.intake.internal.RowImport.code;
import static org.antifraud.intake.internal.RowImport.value;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.antifraud.common.ApiException;
import org.antifraud.common.FieldError;
import org.antifraud.common.Identifiers;
import org.antifraud.discipline.Determinations;
import org.antifraud.discipline.FilingRequest;
import org.antifraud.security.Actor;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Discipline determinations: one subject per row; several instruments in one row are
 * separated by semicolons, type, number and institution in the same order.
 */
@Component
class DeterminationRows implements RowImport {

	private static final Map<String, String> CATEGORIES = Map.of("刑事处罚", "CRIMINAL", "公安认定", "POLICE_DETERMINED");

	private static final Map<String, String> TYPES = Map.of("银行账户", "BANK_ACCOUNT", "支付账户", "PAYMENT_ACCOUNT",
			"数字人民币钱包", "ECNY_WALLET", "电话卡", "PHONE_CARD", "物联网卡", "IOT_CARD", "固定电话", "FIXED_LINE", "短信端口", "SMS_PORT",
			"互联网账号", "INTERNET_ACCOUNT");

	private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
			DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy年M月d日"),
			DateTimeFormatter.ofPattern("yyyyMMdd"), DateTimeFormatter.ofPattern("yyyy.M.d"));

	private static final List<Column> COLUMNS = List.of(new Column("姓名", "subject.name", "惩戒对象姓名", "张三"),
			new Column("公民身份号码", "subject.idNumber", "18 位，末位校验码", "37021219900101123X"),
			new Column("手机号码", "subject.phone", "可空", "13800138000"),
			new Column("惩戒类别", "category", "刑事处罚 或 公安认定", "公安认定"),
			new Column("认定文书文号", "basis.documentNumber", "认定或判决文书的文号", "青公(反诈)认字〔2026〕第0001号"),
			new Column("认定日期", "basis.decidedOn", "YYYY-MM-DD，不晚于今天", "2026-09-01"),
			new Column("最后违法行为日期", "basis.lastActOn", "YYYY-MM-DD，不早于 2022-12-01", "2026-05-01"),
			new Column("认定事实", "basis.summary", "不超过 4000 字", "出租、出借银行卡和电话卡供诈骗团伙使用"),
			new Column("工具类型", "instruments.type", "银行账户、支付账户、电话卡等；多个用分号隔开", "银行账户;电话卡"),
			new Column("工具号码", "instruments.identifier", "与工具类型一一对应，用分号隔开", "6222020200112233446;13900139000"),
			new Column("所属机构代码", "instruments.institutionCode", "与工具类型一一对应，用分号隔开", "ICBC-QD;CMCC-QD"),
			new Column("出租出借次数", "timesCount", "整数，可空", "3"));

	private final Determinations determinations;

	DeterminationRows(Determinations determinations) {
		this.determinations = determinations;
	}

	@Override
	public String kind() {
		return "determinations";
	}

	@Override
	public String title() {
		return "惩戒对象认定";
	}

	@Override
	public List<Column> columns() {
		return COLUMNS;
	}

	/** A row read into a request, with the cells that could not be read. */
	private record Parsed(FilingRequest request, List<FieldError> errors) {
	}

	private Parsed parse(Map<String, String> row) {
		List<FieldError> errors = new ArrayList<>();
		LocalDate decided = date(value(row, "认定日期"), "basis.decidedOn", errors);
		LocalDate lastAct = date(value(row, "最后违法行为日期"), "basis.lastActOn", errors);
		Integer times = null;
		String timesText = value(row, "出租出借次数");
		if (timesText != null) {
			try {
				times = Integer.valueOf(timesText.replaceAll("\\.0+$", ""));
			}
			catch (NumberFormatException ex) {
				errors.add(new FieldError("timesCount", "validation.notANumber"));
			}
		}
		List<String> types = split(value(row, "工具类型"));
		List<String> numbers = split(value(row, "工具号码"));
		List<String> institutions = split(value(row, "所属机构代码"));
		int count = Math.max(types.size(), Math.max(numbers.size(), institutions.size()));
		List<FilingRequest.InstrumentInput> instruments = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			instruments
				.add(new FilingRequest.InstrumentInput(code(at(types, i), TYPES), at(numbers, i), at(institutions, i)));
		}
		FilingRequest request = new FilingRequest(
				new FilingRequest.Subject(value(row, "姓名"), value(row, "公民身份号码"), value(row, "手机号码")),
				code(value(row, "惩戒类别"), CATEGORIES),
				new FilingRequest.Basis(value(row, "认定文书文号"), decided, lastAct, value(row, "认定事实")), instruments, times,
				null);
		return new Parsed(request, errors);
	}

	@Override
	public String key(Map<String, String> row, Actor actor) {
		return String.join("|", actor.agencyCode(),
				String.valueOf(Identifiers.normalizeResidentId(value(row, "公民身份号码"))),
				String.valueOf(value(row, "认定文书文号")));
	}

	@Override
	public void validate(Map<String, String> row, Actor actor) {
		Parsed parsed = parse(row);
		List<FieldError> errors = new ArrayList<>(parsed.errors());
		try {
			this.determinations.validate(parsed.request(), actor);
		}
		catch (ApiException ex) {
			if (ex.status() != HttpStatus.BAD_REQUEST) {
				throw ex;
			}
			Set<String> unreadable = parsed.errors().stream().map(FieldError::field).collect(Collectors.toSet());
			ex.errors().stream().filter((error) -> !unreadable.contains(error.field())).forEach(errors::add);
		}
		if (!errors.isEmpty()) {
			throw ApiException.invalid(errors);
		}
	}

	@Override
	public String importRow(Map<String, String> row, Actor actor) {
		return this.determinations.file(parse(row).request(), actor);
	}

	private static LocalDate date(String value, String field, List<FieldError> errors) {
		if (value == null) {
			return null;
		}
		for (DateTimeFormatter format : DATES) {
			try {
				return LocalDate.parse(value, format);
			}
			catch (DateTimeParseException ex) {
				// try the next format
			}
		}
		errors.add(new FieldError(field, "validation.notADate"));
		return null;
	}

	private static List<String> split(String value) {
		if (value == null) {
			return List.of();
		}
		return List.of(value.split("[;；\\n]")).stream().map(String::trim).filter((part) -> !part.isEmpty()).toList();
	}

	private static String at(List<String> values, int index) {
		return (index < values.size()) ? values.get(index) : null;
	}

}
