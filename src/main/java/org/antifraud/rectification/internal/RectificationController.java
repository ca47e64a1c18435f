package org.antifraud.rectification.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.antifraud.agency.AgencyDirectory;
import org.antifraud.audit.AuditEntry;
import org.antifraud.audit.AuditTrail;
import org.antifraud.calendar.WorkingDayCalendar;
import org.antifraud.common.ApiException;
import org.antifraud.common.Now;
import org.antifraud.common.Page;
import org.antifraud.common.SqlWhere;
import org.antifraud.rectification.RectificationCommand;
import org.antifraud.rectification.Rectifications;
import org.antifraud.security.Actor;
import org.antifraud.security.CurrentActor;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rectification API. The unit sees its own orders, the issuer what it issued,
 * supervisors everything; anyone else gets 404.
 */
@RestController
class RectificationController {

	private final Rectifications rectifications;

	private final RectificationRepository orders;

	private final AgencyDirectory agencies;

	private final WorkingDayCalendar calendar;

	private final AuditTrail audit;

	private final CurrentActor actor;

	RectificationController(Rectifications rectifications, RectificationRepository orders, AgencyDirectory agencies,
			WorkingDayCalendar calendar, AuditTrail audit, CurrentActor actor) {
		this.rectifications = rectifications;
		this.orders = orders;
		this.agencies = agencies;
		this.calendar = calendar;
		this.audit = audit;
		this.actor = actor;
	}

	record Issued(String id, String caseNumber, String status) {
	}

	record View(String id, String caseNumber, String status, String issuerAgency, String issuedBy, Instant issuedAt,
			String unitCode, String unitName, String problems, String requiredMeasures, LocalDate deadline,
			String deadlineStatus, Integer reportCycleWorkingDays, int extensions, String origin, String interviewId,
			String finalReport, String verificationOpinion, String escalation, LocalDate listedSupervisionUntil,
			Instant closedAt, List<RectificationRepository.Report> reports, List<AuditEntry> timeline) {
	}

	@PostMapping("/api/rectifications")
	@ResponseStatus(HttpStatus.CREATED)
	Issued issue(@RequestBody RectificationCommand command) {
		RectificationCommand direct = new RectificationCommand(command.unitCode(), command.problems(),
				command.requiredMeasures(), command.deadlineOn(), command.deadlineWorkingDays(),
				command.reportCycleWorkingDays(), "DIRECT", null);
		RectificationOrder order = this.orders.find(this.rectifications.issue(direct, this.actor.get())).orElseThrow();
		return new Issued(order.id(), order.caseNumber(), order.status());
	}

	@GetMapping("/api/rectifications/{id}")
	View get(@PathVariable String id) {
		Actor actor = this.actor.get();
		return view(this.orders.find(id).filter((order) -> canSee(order, actor)).orElseThrow(ApiException::notFound));
	}

	private View view(RectificationOrder o) {
		boolean open = o.closedAt() == null;
		return new View(o.id(), o.caseNumber(), o.status(), o.issuerAgency(), o.issuedBy(), o.issuedAt(), o.unitCode(),
				this.agencies.name(o.unitCode()), o.problems(), o.requiredMeasures(), o.deadlineOn(),
				open ? this.calendar.statusOf(o.deadlineOn(), Now.today()).name() : null, o.reportCycleDays(),
				o.extensions(), o.origin(), o.interviewId(), o.finalReport(), o.verificationOpinion(), o.escalation(),
				this.orders.listedUntil(o.unitCode(), Now.today()).orElse(null), o.closedAt(),
				this.orders.reports(o.id()), this.audit.timeline(o.id()));
	}

	@GetMapping("/api/rectifications")
	Page<View> list(@RequestParam(required = false) String status, @RequestParam(required = false) String unit,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		Actor actor = this.actor.get();
		Page.Request request = Page.request(page, size);
		SqlWhere filter = new SqlWhere()
			.when(!actor.readsEverything(), "(o.unit_code = :agency or o.issuer_agency = :agency)",
					Map.of("agency", actor.agencyCode()))
			.equal("o.status", status)
			.equal("o.unit_code", unit);
		List<View> items = this.orders.page(filter, request).stream().map(this::view).toList();
		return new Page<>(items, request.page(), request.size(), this.orders.count(filter));
	}

	static boolean canSee(RectificationOrder order, Actor actor) {
		return actor.readsEverything() || actor.agencyCode().equals(order.unitCode())
				|| actor.agencyCode().equals(order.issuerAgency());
	}

}
