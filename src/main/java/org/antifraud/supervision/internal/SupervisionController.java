package org.antifraud.supervision.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.antifraud.calendar.DueStatus;
import org.antifraud.common.ApiException;
import org.antifraud.common.Now;
import org.antifraud.common.Page;
import org.antifraud.common.Validation;
import org.antifraud.security.CurrentActor;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The leadership deadline view, its summary, urges and the Excel list (SUPERVISOR and
 * JOINT_OFFICE), and every user's notifications.
 */
@RestController
class SupervisionController {

	private static final int EXPORT_LIMIT = 100_000;

	private static final Map<DueStatus, String> COLOURS = Map.of(DueStatus.RED, "F8696B", DueStatus.YELLOW, "FFEB84",
			DueStatus.GREEN, "63BE7B");

	private static final Map<DueStatus, String> LABELS = Map.of(DueStatus.RED, "红（已逾期）", DueStatus.YELLOW,
			"黄（3个工作日内到期）", DueStatus.GREEN, "绿");

	private final SupervisionService service;

	private final Notifications notifications;

	private final CurrentActor actor;

	SupervisionController(SupervisionService service, Notifications notifications, CurrentActor actor) {
		this.service = service;
		this.notifications = notifications;
		this.actor = actor;
	}

	@GetMapping("/api/supervision/deadlines")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'JOINT_OFFICE')")
	SupervisionService.DeadlinePage deadlines(@RequestParam(required = false) String agency,
			@RequestParam(required = false) String process,
			@RequestParam(name = "case", required = false) String caseRef,
			@RequestParam(required = false) DueStatus status,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return this.service.deadlines(filter(agency, process, caseRef, status, from, to), Page.request(page, size));
	}

	@GetMapping("/api/supervision/summary")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'JOINT_OFFICE')")
	SupervisionService.Summary summary(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		LocalDate end = (to != null) ? to : Now.today();
		LocalDate start = (from != null) ? from : end.minusDays(30);
		new Validation().require(!start.isAfter(end), "from", "calendar.rangeReversed").throwIfInvalid();
		return this.service.summary(start, end);
	}

	@PostMapping("/api/supervision/urges")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'JOINT_OFFICE')")
	@ResponseStatus(HttpStatus.CREATED)
	SupervisionService.DeadlineView urge(@RequestBody UrgeRequest request) {
		return this.service.urge(request.deadlineId(), request.reason(), this.actor.get());
	}

	@GetMapping("/api/supervision/deadlines.xlsx")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'JOINT_OFFICE')")
	void export(@RequestParam(required = false) String agency, @RequestParam(required = false) String process,
			@RequestParam(required = false) DueStatus status,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			HttpServletResponse response) throws IOException {
		List<SupervisionService.DeadlineView> rows = this.service.all(filter(agency, process, null, status, from, to),
				EXPORT_LIMIT);
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition",
				"attachment; filename=\"deadlines.xlsx\"; filename*=UTF-8''%E6%9C%9F%E9%99%90%E6%B8%85%E5%8D%95.xlsx");
		try (OutputStream out = response.getOutputStream()) {
			Workbook workbook = new Workbook(out, "joint-discipline", "1.0");
			Worksheet sheet = workbook.newWorksheet("期限清单");
			String[] headers = { "序号", "单位", "单位代码", "流程", "事项", "案件", "期限", "剩余工作日", "状态", "催办次数" };
			for (int c = 0; c < headers.length; c++) {
				sheet.value(0, c, headers[c]);
				sheet.style(0, c).bold().fillColor("D9E1F2").set();
			}
			for (int i = 0; i < rows.size(); i++) {
				SupervisionService.DeadlineView d = rows.get(i);
				int r = i + 1;
				sheet.value(r, 0, r);
				sheet.value(r, 1, d.agencyName());
				sheet.value(r, 2, d.agencyCode());
				sheet.value(r, 3, d.processKey());
				sheet.value(r, 4, d.title());
				sheet.value(r, 5, d.caseRef());
				sheet.value(r, 6, d.due().toString());
				sheet.value(r, 7, d.workingDaysLeft());
				sheet.value(r, 8, LABELS.get(d.status()));
				sheet.style(r, 8).fillColor(COLOURS.get(d.status())).set();
				sheet.value(r, 9, d.urgeCount());
			}
			workbook.finish();
		}
	}

	@GetMapping("/api/notifications")
	Page<Notifications.Notification> notifications(@RequestParam(defaultValue = "false") boolean unread,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return this.notifications.page(this.actor.get().username(), unread, Page.request(page, size));
	}

	@PostMapping("/api/notifications/{id}/read")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void read(@PathVariable String id) {
		if (!this.notifications.markRead(id, this.actor.get().username())) {
			throw ApiException.notFound();
		}
	}

	private static SupervisionService.DeadlineFilter filter(String agency, String process, String caseRef,
			DueStatus status, LocalDate from, LocalDate to) {
		new Validation().require(from == null || to == null || !from.isAfter(to), "from", "calendar.rangeReversed")
			.throwIfInvalid();
		return new SupervisionService.DeadlineFilter(agency, process, caseRef, status, from, to);
	}

	record UrgeRequest(String deadlineId, String reason) {
	}

}
