package org.antifraud.search.internal;

import java.time.LocalDate;

import org.antifraud.agency.Role;
import org.antifraud.common.ApiException;
import org.antifraud.common.Page;
import org.antifraud.common.Validation;
import org.antifraud.search.CaseSearch;
import org.antifraud.search.SearchQuery;
import org.antifraud.search.SearchResult;
import org.antifraud.security.Actor;
import org.antifraud.security.CurrentActor;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Full-text search over cases and documents, limited to what the caller may open; index
 * status and rebuild for administrators.
 */
@RestController
class SearchController {

	private final CaseSearch search;

	private final SearchIndexer indexer;

	private final CurrentActor actor;

	SearchController(CaseSearch search, SearchIndexer indexer, CurrentActor actor) {
		this.search = search;
		this.indexer = indexer;
		this.actor = actor;
	}

	@GetMapping("/api/search")
	SearchResult search(@RequestParam(required = false) String q, @RequestParam(required = false) String type,
			@RequestParam(required = false) String agency, @RequestParam(required = false) String status,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		Page.Request request = Page.request(page, size);
		new Validation().require(q == null || q.length() <= 200, "q", "validation.tooLong")
			.require(from == null || to == null || !from.isAfter(to), "to", "validation.dateRange")
			.throwIfInvalid();
		return this.search.search(new SearchQuery(q, type, agency, status, from, to, request.page(), request.size()),
				this.actor.get());
	}

	/**
	 * What the index holds and how far behind it is; {@code available} false (and no
	 * counts) while the search server cannot be reached.
	 */
	record Status(String backend, boolean available, Long documents, Long indexedVersion, long auditVersion,
			long pendingEvents, SearchIndexer.Progress reindex) {
	}

	@GetMapping("/api/search/status")
	Status status() {
		admin();
		Long documents = null;
		Long version = null;
		try {
			documents = this.search.count();
			version = this.search.maxVersion();
		}
		catch (RuntimeException ex) {
			// the server is down: the status says so
		}
		return new Status(this.search.backend(), documents != null, documents, version, this.indexer.auditVersion(),
				this.indexer.pendingEvents(), this.indexer.progress());
	}

	/** Rebuilds the index from the database in the background; poll the status. */
	@PostMapping("/api/search/reindex")
	ResponseEntity<SearchIndexer.Progress> reindex() {
		admin();
		this.indexer.reindexAll();
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(this.indexer.progress());
	}

	private void admin() {
		Actor current = this.actor.get();
		if (!current.has(Role.ADMIN)) {
			throw new ApiException(HttpStatus.FORBIDDEN, "error.forbidden");
		}
	}

}
