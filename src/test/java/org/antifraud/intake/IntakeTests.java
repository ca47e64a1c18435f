package org.antifraud.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.antifraud.ApplicationTestSupport;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockMultipartFile;

/**
 * Spreadsheet intake: templates, a large sheet with a few bad rows refused as a whole,
 * only the valid rows on request, duplicates, bad files, CSV in UTF-8 and GB18030, and
 * who may upload what.
 */
class IntakeTests extends ApplicationTestSupport {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	static final List<String> DETERMINATION_HEADERS = List.of("姓名", "公民身份号码", "手机号码", "惩戒类别", "认定文书文号", "认定日期",
			"最后违法行为日期", "认定事实", "工具类型", "工具号码", "所属机构代码", "出租出借次数");

	public static byte[] xlsx(List<String> headers, List<List<Object>> rows) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Workbook workbook = new Workbook(out, "test", "1.0");
		Worksheet sheet = workbook.newWorksheet("数据");
		for (int c = 0; c < headers.size(); c++) {
			sheet.value(0, c, headers.get(c));
		}
		for (int r = 0; r < rows.size(); r++) {
			List<Object> row = rows.get(r);
			for (int c = 0; c < row.size(); c++) {
				Object value = row.get(c);
				if (value instanceof Number number) {
					sheet.value(r + 1, c, number);
				}
				else if (value instanceof LocalDate date) {
					sheet.value(r + 1, c, date);
					sheet.style(r + 1, c).format("yyyy-mm-dd").set();
				}
				else if (value != null) {
					sheet.value(r + 1, c, value.toString());
				}
			}
		}
		workbook.finish();
		return out.toByteArray();
	}

	/** A determination row; the ID number is unique to the row. */
	public static List<Object> determination(int i) {
		List<Object> row = new ArrayList<>(List.of("批量" + i, residentId(), "13800138000", "公安认定",
				"青公(反诈)认字〔2026〕第" + (10000 + i) + "号", LocalDate.of(2026, 9, 1), "2026-05-01", "出租、出借银行卡供诈骗团伙使用",
				"银行账户;电话卡;支付账户", "6222020200112233446;13900139000;zhang@example.com", "ICBC-QD;CMCC-QD;ALIPAY", 3));
		return row;
	}

	private JsonNode upload(String user, String kind, String name, byte[] content, boolean validOnly, int status)
			throws Exception {
		String body = call(user,
				multipart("/api/intake/" + kind).file(new MockMultipartFile("file", name, XLSX, content))
					.param("validOnly", String.valueOf(validOnly)),
				status)
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return this.json.readTree(body);
	}

	private long cases() {
		return this.jdbc.sql("select count(*) from discipline_case").query(Long.class).single();
	}

	@Test
	void thousandRowsWithThreeBadOnesAreRefusedWithExactlyThoseErrors() throws Exception {
		List<List<Object>> rows = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			rows.add(determination(i));
		}
		rows.get(99).set(1, "370212199001011235"); // wrong check character
		rows.get(499).set(9, "6222020200112233445;13900139000;zhang@example.com"); // fails
																					// Luhn
		rows.get(899).set(5, "2026-02-30"); // no such date
		long before = cases();
		JsonNode problem = upload("police.laoshan", "determinations", "认定名单.xlsx", xlsx(DETERMINATION_HEADERS, rows),
				false, 422);
		assertThat(problem.path("totalRows").asInt()).isEqualTo(1000);
		assertThat(problem.path("accepted").asInt()).isZero();
		assertThat(problem.path("rejected").asInt()).isEqualTo(3);
		assertThat(problem.path("errors").findValuesAsText("row")).containsExactly("101", "501", "901");
		assertThat(problem.path("errors").findValuesAsText("column")).containsExactly("公民身份号码", "工具号码", "认定日期");
		assertThat(problem.path("errors").get(0).path("message").asText()).contains("校验码");
		assertThat(problem.path("detail").asText()).contains("3行");
		assertThat(cases()).isEqualTo(before);
	}

	@Test
	void onlyTheValidRowsWhenAskedAndNothingTwice() throws Exception {
		List<List<Object>> rows = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			rows.add(determination(2000 + i));
		}
		rows.get(3).set(3, "三类");
		rows.add(new ArrayList<>(rows.get(5))); // the same row twice in one file
		byte[] file = xlsx(DETERMINATION_HEADERS, rows);
		long before = cases();
		JsonNode report = upload("police.laoshan", "determinations", "a.xlsx", file, true, 200);
		assertThat(report.path("accepted").asInt()).isEqualTo(11);
		assertThat(report.path("rejected").asInt()).isEqualTo(1);
		assertThat(report.path("duplicates").asInt()).isEqualTo(1);
		assertThat(report.path("errors").get(0).path("column").asText()).isEqualTo("惩戒类别");
		assertThat(cases()).isEqualTo(before + 11);
		JsonNode again = upload("police.laoshan", "determinations", "a.xlsx", file, true, 200);
		assertThat(again.path("accepted").asInt()).isZero();
		assertThat(again.path("duplicates").asInt()).isEqualTo(12);
		assertThat(cases()).isEqualTo(before + 11);
	}

	@Test
	void badFilesAreRefusedWithAClearMessage() throws Exception {
		JsonNode wrong = upload("police.laoshan", "determinations", "x.xlsx",
				xlsx(List.of("姓名", "身份证", "手机号码"), List.of(List.of("张三", residentId(), "13800138000"))), false, 400);
		assertThat(wrong.path("errors").findValuesAsText("column")).contains("身份证", "公民身份号码", "认定日期");
		assertThat(wrong.path("detail").asText()).contains("模板");
		assertThat(upload("police.laoshan", "determinations", "empty.csv", new byte[0], false, 400).path("detail")
			.asText()).contains("为空");
		assertThat(upload("police.laoshan", "determinations", "header.xlsx", xlsx(DETERMINATION_HEADERS, List.of()),
				false, 400)
			.path("detail")
			.asText()).contains("没有数据行");
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R' };
		assertThat(upload("police.laoshan", "determinations", "名单.xlsx", png, false, 400).path("detail").asText())
			.contains("不是");
		byte[] xls = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 };
		assertThat(upload("police.laoshan", "determinations", "名单.xls", xls, false, 400).path("detail").asText())
			.contains(".xls");
		byte[] brokenZip = { 0x50, 0x4B, 0x03, 0x04, 1, 2, 3 };
		upload("police.laoshan", "determinations", "x.xlsx", brokenZip, false, 400);
		upload("police.laoshan", "nothing", "x.xlsx", brokenZip, false, 404);
		upload("bank.icbc", "determinations", "x.xlsx", xlsx(DETERMINATION_HEADERS, List.of(determination(1))), false,
				403);
	}

	private static byte[] csv(List<String> headers, List<List<String>> rows, Charset charset, boolean bom) {
		String text = String.join(",", headers) + "\r\n"
				+ rows.stream()
					.map((row) -> row.stream()
						.map((cell) -> cell.contains(",") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell)
						.collect(Collectors.joining(",")))
					.collect(Collectors.joining("\r\n"));
		return ((bom ? "\uFEFF" : "") + text).getBytes(charset);
	}

	@Test
	void accountSignalsFromCsvInUtf8AndGb18030() throws Exception {
		List<String> headers = List.of("开户机构代码", "账号", "账户类别", "户名", "公民身份号码", "信号类型", "情况说明", "关联编号");
		String first = cardNumber();
		String second = cardNumber();
		JsonNode utf8 = upload("bank.icbc", "account-signals", "signals.csv",
				csv(headers, List.of(List.of("ICBC-QD", first, "Ⅱ", "李四", residentId(), "监测命中", "夜间频繁交易, 金额分散", "")),
						StandardCharsets.UTF_8, true),
				false, 200);
		assertThat(utf8.path("accepted").asInt()).isEqualTo(1);
		JsonNode gbk = upload("bank.icbc", "account-signals", "signals.csv",
				csv(headers, List.of(List.of("ICBC-QD", second, "Ⅰ类", "王五", residentId(), "被举报", "群众举报", "")),
						Charset.forName("GB18030"), false),
				false, 200);
		assertThat(gbk.path("accepted").asInt()).isEqualTo(1);
		JsonNode accounts = getJson("bank.icbc", "/api/accounts?size=200").path("items");
		assertThat(accounts.findValuesAsText("accountNumber")).contains(first, second);
		assertThat(accounts.findValuesAsText("holderName")).contains("王五");
		JsonNode other = upload("bank.qdb", "account-signals", "signals.csv",
				csv(headers, List.of(List.of("ICBC-QD", first, "II", "李四", residentId(), "监测命中", "", "")),
						StandardCharsets.UTF_8, false),
				false, 422);
		assertThat(other.path("errors").findValuesAsText("column")).containsExactly("开户机构代码");
	}

	@Test
	void phoneCardsAndTemplates() throws Exception {
		List<String> headers = List.of("运营商代码", "手机号码", "机主姓名", "公民身份号码", "风险类型", "情况说明");
		String phone = phone();
		JsonNode report = upload("telecom.cmcc", "phone-cards", "cards.xlsx",
				xlsx(headers, List.of(List.of("CMCC-QD", phone, "孙七", residentId(), "静默卡", "长期静默后突然大量外呼"))), false,
				200);
		assertThat(report.path("accepted").asInt()).isEqualTo(1);
		assertThat(getJson("telecom.cmcc", "/api/card-verifications?size=200").path("items").findValuesAsText("phone"))
			.contains(phone);
		for (String kind : List.of("determinations", "account-signals", "phone-cards")) {
			byte[] template = call("police.laoshan", get("/api/intake/" + kind + "/template"), 200).getResponse()
				.getContentAsByteArray();
			try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(template))) {
				Row header = workbook.getFirstSheet().read().get(0);
				assertThat(header.getCellText(0)).matches("\\p{IsHan}+");
				assertThat(workbook.getSheets().count()).isEqualTo(2);
			}
		}
		byte[] template = call("police.laoshan", get("/api/intake/determinations/template"), 200).getResponse()
			.getContentAsByteArray();
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(template))) {
			assertThat(workbook.getFirstSheet().read().get(0).stream().map((cell) -> cell.getText()).toList())
				.containsExactlyElementsOf(DETERMINATION_HEADERS);
		}
	}

	@Test
	void minimalWorkbookWithoutStylesIsRead() throws Exception {
		String id = residentId();
		String sheet = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
				+ row(1, List.of("运营商代码", "手机号码", "机主姓名", "公民身份号码", "风险类型", "情况说明"))
				+ row(2, List.of("CMCC-QD", phone(), "孙七", id, "静默卡", "无")) + "</sheetData></worksheet>";
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			entry(zip, "[Content_Types].xml",
					"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
							+ "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
							+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
							+ "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
							+ "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
			entry(zip, "_rels/.rels",
					"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
							+ "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
			entry(zip, "xl/workbook.xml",
					"<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
							+ "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
							+ "<sheet name=\"s\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
			entry(zip, "xl/_rels/workbook.xml.rels",
					"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
							+ "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
			entry(zip, "xl/worksheets/sheet1.xml", sheet);
		}
		JsonNode report = upload("telecom.cmcc", "phone-cards", "wps.xlsx", bytes.toByteArray(), false, 200);
		assertThat(report.path("accepted").asInt()).isEqualTo(1);
	}

	private static String row(int number, List<String> values) {
		StringBuilder xml = new StringBuilder("<row r=\"" + number + "\">");
		for (int c = 0; c < values.size(); c++) {
			xml.append("<c r=\"")
				.append((char) ('A' + c))
				.append(number)
				.append("\" t=\"inlineStr\"><is><t>")
				.append(values.get(c))
				.append("</t></is></c>");
		}
		return xml.append("</row>").toString();
	}

	private static void entry(ZipOutputStream zip, String name, String xml) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + xml).getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

}
