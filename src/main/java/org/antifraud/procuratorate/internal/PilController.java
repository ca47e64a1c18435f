package org.antifraud.procuratorate.internal;

import org.antifraud.common.Page;
import org.antifraud.security.CurrentActor;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public-interest litigation API: register a clue, read cases.
 */
@RestController
@RequestMapping("/api/pil-cases")
class PilController {

	private final PilService service;

	private final PilQueries queries;

	private final CurrentActor actor;

	PilController(PilService service, PilQueries queries, CurrentActor actor) {
		this.service = service;
		this.queries = queries;
		this.actor = actor;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	PilViews.Registered register(@RequestBody PilService.ClueRequest request) {
		PilCase c = this.service.register(request, this.actor.get());
		return new PilViews.Registered(c.id(), c.caseNumber(), c.status());
	}

	@GetMapping("/{id}")
	PilViews.Detail get(@PathVariable String id) {
		return this.queries.detail(id, this.actor.get());
	}

	@GetMapping
	Page<PilViews.Summary> list(@RequestParam(required = false) String stage,
			@RequestParam(required = false) String organ, @RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return this.queries.list(this.actor.get(), stage, organ, overdue, Page.request(page, size));
	}

}
