package org.antifraud.intake.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.antifraud.common.ProblemResponses;
import org.antifraud.security.CurrentActor;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Spreadsheet upload and templates. A file with bad rows answers 422 listing every bad
 * row and column and imports nothing, unless {@code validOnly=true}.
 */
@RestController
class IntakeController {

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final IntakeService intake;

	private final ProblemResponses problems;

	private final CurrentActor actor;

	IntakeController(IntakeService intake, ProblemResponses problems, CurrentActor actor) {
		this.intake = intake;
		this.problems = problems;
		this.actor = actor;
	}

	@PostMapping(path = "/api/intake/{kind}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	IntakeService.Report upload(@PathVariable String kind, @RequestPart("file") MultipartFile file,
			@RequestParam(defaultValue = "false") boolean validOnly, Locale locale) throws IOException {
		this.intake.kind(kind);
		Path copy = Files.createTempFile("intake-", ".upload");
		try {
			file.transferTo(copy);
			return this.intake.upload(kind, copy, file.getOriginalFilename(), validOnly, this.actor.get(), locale);
		}
		finally {
			Files.deleteIfExists(copy);
		}
	}

	@ExceptionHandler(IntakeService.Rejected.class)
	ProblemDetail rejected(IntakeService.Rejected ex, Locale locale) {
		IntakeService.Report report = ex.report();
		boolean rows = report.totalRows() > 0;
		ProblemDetail problem = this.problems.problem(rows ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.BAD_REQUEST,
				ex.getMessage(), new Object[] { String.valueOf(report.rejected()) }, List.of(), locale);
		problem.setProperty("kind", report.kind());
		problem.setProperty("totalRows", report.totalRows());
		problem.setProperty("accepted", 0);
		problem.setProperty("rejected", report.rejected());
		problem.setProperty("duplicates", report.duplicates());
		problem.setProperty("errors", report.errors());
		problem.setProperty("errorsTruncated", report.errorsTruncated());
		return problem;
	}

	@GetMapping("/api/intake/{kind}/template")
	void template(@PathVariable String kind, HttpServletResponse response) throws IOException {
		RowImport rowImport = this.intake.kind(kind);
		response.setContentType(XLSX);
		String name = URLEncoder.encode(rowImport.title() + "导入模板.xlsx", StandardCharsets.UTF_8).replace("+", "%20");
		response.setHeader("Content-Disposition",
				"attachment; filename=\"" + kind + "-template.xlsx\"; filename*=UTF-8''" + name);
		try (OutputStream out = response.getOutputStream()) {
			Workbook workbook = new Workbook(out, "joint-discipline", "1.0");
			Worksheet data = workbook.newWorksheet(rowImport.title());
			Worksheet notes = workbook.newWorksheet("填写说明");
			notes.value(0, 0, "列名");
			notes.value(0, 1, "填写要求");
			notes.value(0, 2, "示例");
			List<RowImport.Column> columns = rowImport.columns();
			for (int c = 0; c < columns.size(); c++) {
				data.value(0, c, columns.get(c).header());
				data.style(0, c).bold().fillColor("D9E1F2").set();
				data.width(c, 18);
				notes.value(c + 1, 0, columns.get(c).header());
				notes.value(c + 1, 1, columns.get(c).note());
				notes.value(c + 1, 2, columns.get(c).example());
			}
			notes.value(columns.size() + 2, 0, "第一个工作表的第一行为列名，请勿修改；同一行再次上传不会重复导入。");
			workbook.finish();
		}
	}

}
