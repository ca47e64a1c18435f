package org.antifraud.interview.internal;

import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.time.OffsetDateTime;

import org.antifraud.audit.AuditTrail;
import org.antifraud.common.ApiException;
import org.antifraud.common.Page;
import org.antifraud.common.SqlWhere;
import org.antifraud.security.Actor;
import org.antifraud.security.CurrentActor;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The interview API. The unit sees its interviews, the joint office those it scheduled,
 * supervisors all; anyone else gets 404.
 */
@RestController
class InterviewController {

	private final InterviewService service;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final CurrentActor actor;

	InterviewController(InterviewService service, JdbcClient jdbc, AuditTrail audit, CurrentActor actor) {
		this.service = service;
		this.jdbc = jdbc;
		this.audit = audit;
		this.actor = actor;
	}

	@PostMapping("/api/interviews")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> schedule(@RequestBody InterviewService.ScheduleRequest request) {
		String id = this.service.schedule(request, this.actor.get());
		return summary(id);
	}

	@GetMapping("/api/interviews/{id}")
	Map<String, Object> get(@PathVariable String id) {
		Actor actor = this.actor.get();
		Map<String, Object> row = this.jdbc.sql("select * from interview where id = ?")
			.param(id)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.filter((found) -> actor.readsEverything() || actor.agencyCode().equals(found.get("unit_code"))
					|| actor.agencyCode().equals(found.get("office_agency")))
			.orElseThrow(ApiException::notFound);
		Map<String, Object> view = camel(row);
		view.put("timeline", this.audit.timeline(id));
		return view;
	}

	@GetMapping("/api/interviews")
	Page<Map<String, Object>> list(@RequestParam(required = false) String status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		Actor actor = this.actor.get();
		Page.Request request = Page.request(page, size);
		SqlWhere filter = new SqlWhere()
			.when(!actor.readsEverything(), "(i.unit_code = :agency or i.office_agency = :agency)",
					Map.of("agency", actor.agencyCode()))
			.equal("i.status", status);
		List<Map<String, Object>> items = filter
			.bind(this.jdbc.sql("select * from interview i" + filter.sql() + " order by i.scheduled_at desc"
					+ SqlWhere.page(request)))
			.query()
			.listOfRows()
			.stream()
			.map(InterviewController::camel)
			.toList();
		long total = filter.bind(this.jdbc.sql("select count(*) from interview i" + filter.sql()))
			.query(Long.class)
			.single();
		return new Page<>(items, request.page(), request.size(), total);
	}

	private Map<String, Object> summary(String id) {
		Map<String, Object> row = this.jdbc.sql("select id, case_number, status from interview where id = ?")
			.param(id)
			.query()
			.singleRow();
		return camel(row);
	}

	/** Column names as camelCase JSON properties, timestamps as instants. */
	private static Map<String, Object> camel(Map<String, Object> row) {
		Map<String, Object> view = new LinkedHashMap<>();
		row.forEach((column, value) -> {
			StringBuilder name = new StringBuilder();
			boolean upper = false;
			for (char c : column.toLowerCase().toCharArray()) {
				if (c == '_') {
					upper = true;
				}
				else {
					name.append(upper ? Character.toUpperCase(c) : c);
					upper = false;
				}
			}
			view.put(name.toString(), (value instanceof java.sql.Timestamp ts) ? ts.toInstant()
					: (value instanceof OffsetDateTime odt) ? odt.toInstant() : value);
		});
		return view;
	}

}
