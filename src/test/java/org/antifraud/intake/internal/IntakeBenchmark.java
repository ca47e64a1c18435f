package org.antifraud.intake.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.antifraud.Benchmarks;
import org.antifraud.TestData;
import org.antifraud.agency.User;
import org.antifraud.agency.UserDirectory;
import org.antifraud.security.Actor;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Intake of a large account-signal spreadsheet on PostgreSQL: the checking pass alone (a
 * file refused for its last row) and the full import, with rows per second and the peak
 * heap used. Not a test: run it with the command in docs/performance.md.
 */
public final class IntakeBenchmark {

	private static final String DATABASE = "antifraud_bench_intake";

	private IntakeBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int rows = Integer.getInteger("rows", 100_000);
		Path valid = Files.createTempFile("intake-bench-", ".xlsx");
		Path invalid = Files.createTempFile("intake-bench-bad-", ".xlsx");
		write(valid, rows, false);
		write(invalid, rows, true);
		System.out.printf(Locale.ROOT, "%nSpreadsheet of %,d account signals: %,d KB%n", rows,
				Files.size(valid) / 1024);
		try (ConfigurableApplicationContext context = Benchmarks.start(DATABASE)) {
			IntakeService intake = context.getBean(IntakeService.class);
			User officer = context.getBean(UserDirectory.class).find("bank.icbc").orElseThrow();
			Actor bank = new Actor(officer.username(), officer.displayName(), officer.agencyCode(), officer.roles());
			Benchmarks.HeapPeak heap = new Benchmarks.HeapPeak();
			long start = System.nanoTime();
			try {
				intake.upload("account-signals", invalid, "bad.xlsx", false, bank, Locale.CHINA);
			}
			catch (IntakeService.Rejected expected) {
				System.out.printf(Locale.ROOT, "checked and refused (%d bad row)%n", expected.report().rejected());
			}
			report("check only (nothing imported)", rows, start, heap);
			if (!Boolean.parseBoolean(System.getProperty("import", "true"))) {
				return;
			}
			heap = new Benchmarks.HeapPeak();
			start = System.nanoTime();
			IntakeService.Report report = intake.upload("account-signals", valid, "good.xlsx", false, bank,
					Locale.CHINA);
			report("check and import", report.accepted(), start, heap);
			heap = new Benchmarks.HeapPeak();
			start = System.nanoTime();
			IntakeService.Report again = intake.upload("account-signals", valid, "good.xlsx", false, bank,
					Locale.CHINA);
			report("same file again (all duplicates: " + again.duplicates() + ")", rows, start, heap);
		}
		Files.deleteIfExists(valid);
		Files.deleteIfExists(invalid);
	}

	private static void report(String what, int rows, long start, Benchmarks.HeapPeak heap) {
		double seconds = (System.nanoTime() - start) / 1e9;
		heap.close();
		long peak = heap.peakMiB();
		System.out.printf(Locale.ROOT, "%-48s %,9d rows %8.1f s %,9.0f rows/s   peak heap %,6d MB%n", what, rows,
				seconds, rows / seconds, peak);
	}

	private static void write(Path file, int rows, boolean lastBad) throws IOException {
		try (OutputStream out = Files.newOutputStream(file)) {
			Workbook workbook = new Workbook(out, "bench", "1.0");
			Worksheet sheet = workbook.newWorksheet("账户风险信号");
			String[] headers = { "开户机构代码", "账号", "账户类别", "户名", "公民身份号码", "信号类型", "情况说明", "关联编号" };
			for (int c = 0; c < headers.length; c++) {
				sheet.value(0, c, headers[c]);
			}
			for (int r = 1; r <= rows; r++) {
				sheet.value(r, 0, "ICBC-QD");
				sheet.value(r, 1, (lastBad && r == rows) ? "6222020200112233445" : TestData.cardNumber());
				sheet.value(r, 2, (r % 3 == 0) ? "Ⅱ" : "Ⅰ");
				sheet.value(r, 3, "客户" + r);
				sheet.value(r, 4, TestData.residentId());
				sheet.value(r, 5, "被举报");
				sheet.value(r, 6, "群众举报涉嫌刷单返利诈骗");
				sheet.value(r, 7, "JB" + r);
				if (r % 10_000 == 0) {
					sheet.flush();
				}
			}
			workbook.finish();
		}
	}

}
