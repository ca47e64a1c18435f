package org.antifraud.discipline.internal;

import org.antifraud.discipline.FilingRequest;

import org.antifraud.common.ApiException;
import org.antifraud.common.Page;
import org.antifraud.common.Validation;
import org.antifraud.discipline.OrderStatus;
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
 * The discipline API: file and read cases, register appeals, and list execution orders.
 */
@RestController
class DisciplineController {

	private final DisciplineService service;

	private final AppealService appeals;

	private final CaseQueries queries;

	private final CurrentActor actor;

	DisciplineController(DisciplineService service, AppealService appeals, CaseQueries queries, CurrentActor actor) {
		this.service = service;
		this.appeals = appeals;
		this.queries = queries;
		this.actor = actor;
	}

	@PostMapping("/api/discipline-cases")
	@ResponseStatus(HttpStatus.CREATED)
	CaseViews.Filed file(@RequestBody FilingRequest request) {
		DisciplineCase c = this.service.file(request, this.actor.get());
		return new CaseViews.Filed(c.id(), c.caseNumber(), c.status().name());
	}

	@GetMapping("/api/discipline-cases")
	Page<CaseViews.Summary> list(@RequestParam(required = false) String status,
			@RequestParam(required = false) String category, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return this.queries.list(this.actor.get(), new CaseQueries.CaseFilter(status, category, q),
				Page.request(page, size));
	}

	@GetMapping("/api/discipline-cases/{id}")
	CaseViews.Detail get(@PathVariable String id) {
		return this.queries.detail(id, this.actor.get());
	}

	@PostMapping("/api/discipline-cases/{id}/reveal")
	CaseViews.Revealed reveal(@PathVariable String id) {
		return this.queries.reveal(id, this.actor.get());
	}

	@PostMapping("/api/discipline-cases/{id}/appeals")
	@ResponseStatus(HttpStatus.CREATED)
	CaseViews.AppealView appeal(@PathVariable String id, @RequestBody AppealService.AppealRequest request) {
		Appeal a = this.appeals.file(id, request, this.actor.get());
		return new CaseViews.AppealView(a.id(), a.status(), a.appellant(), a.grounds(), a.receivedOn(), a.acceptDue(),
				null, null, null, null, null);
	}

	@GetMapping("/api/execution-orders")
	Page<CaseViews.OrderView> orders(@RequestParam(required = false) String status,
			@RequestParam(defaultValue = "false") boolean overdue, @RequestParam(required = false) String caseId,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		OrderStatus parsed = (status == null || status.isBlank()) ? null : Validation.option(OrderStatus.class, status)
			.orElseThrow(() -> ApiException.invalid("status", "validation.notAnOption"));
		return this.queries.orders(this.actor.get(), parsed, overdue, caseId, Page.request(page, size));
	}

	@GetMapping("/api/execution-orders/{id}")
	CaseViews.OrderView order(@PathVariable String id) {
		return this.queries.order(id, this.actor.get());
	}

}
