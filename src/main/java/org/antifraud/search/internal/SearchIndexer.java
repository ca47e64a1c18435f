package org.antifraud.search.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.antifraud.audit.CaseTouched;
import org.antifraud.common.RegisteredEventExecutor;
import org.antifraud.search.CaseSearch;
import org.antifraud.search.SearchDocument;
import org.antifraud.search.SearchProperties;
import org.antifraud.search.SearchSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the index in step with the database. Every committed change of a case arrives as
 * a {@link CaseTouched} event through the event publication registry; the indexer reads
 * the case as it is now and writes it with the case's latest audit sequence as version,
 * so a repeated or late event changes nothing. It is an application-module listener
 * (after commit, new transaction, asynchronous) on its own threads. An event whose
 * indexing failed (the search server down) stays incomplete and is tried again until it
 * succeeds.
 */
@Component
class SearchIndexer {

	static final String EXECUTOR = "searchIndexExecutor";

	/** The indexing threads. */
	static final int THREADS = 4;

	private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);

	private final List<SearchSource> sources;

	private final CaseSearch search;

	private final JdbcClient jdbc;

	private final IncompleteEventPublications incomplete;

	private final AtomicBoolean reindexing = new AtomicBoolean();

	private final AtomicLong reindexTotal = new AtomicLong();

	private final AtomicLong reindexDone = new AtomicLong();

	private volatile Instant reindexStarted;

	private final Duration retryDelay;

	private final IndexedVersions indexed = new IndexedVersions(10_000);

	private final RegisteredEventExecutor executor;

	SearchIndexer(List<SearchSource> sources, CaseSearch search, JdbcClient jdbc,
			IncompleteEventPublications incomplete, @Qualifier(EXECUTOR) RegisteredEventExecutor executor,
			SearchProperties properties) {
		this.executor = executor;
		this.retryDelay = properties.retryDelay();
		this.sources = sources;
		this.search = search;
		this.jdbc = jdbc;
		this.incomplete = incomplete;
	}

	/** After commit, on the indexing threads, through the registry. */
	@Async(EXECUTOR)
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	@TransactionalEventListener
	void on(CaseTouched event) {
		index(event.caseRef(), false);
	}

	/** Indexes one case and its documents as they are now. */
	void reindex(String caseRef) {
		index(caseRef, true);
	}

	/**
	 * Indexes one case and its documents as they are now; for a change ({@code force}
	 * false) not when this node has already indexed the case at its latest audit
	 * sequence: an event handled here was committed before its handling starts, so its
	 * change is in what that indexing read. A backlog of events for one case (fourteen
	 * orders answered) so costs one indexing instead of one per event.
	 */
	private void index(String caseRef, boolean force) {
		// the version is read before the data, so it never claims more than was read
		long version = this.jdbc.sql("select coalesce(max(seq), 0) from audit_event where case_ref = ?")
			.param(caseRef)
			.query(Long.class)
			.single();
		if (!force && this.indexed.covers(caseRef, version)) {
			return;
		}
		List<SearchDocument> documents = this.sources.stream()
			.flatMap((source) -> source.documents(caseRef).stream())
			.toList();
		if (!documents.isEmpty()) {
			this.search.index(documents, version);
		}
		this.indexed.record(caseRef, version);
	}

	/** Tries again the events whose indexing failed, once a minute. */
	@Scheduled(fixedDelayString = "${antifraud.search.retry-delay:PT1M}")
	void retryFailed() {
		this.executor.resubmitFailed(this.incomplete, CaseTouched.class);
	}

	/** Rebuilds the index from the database: every case that has an audit entry. */
	@Async
	void reindexAll() {
		if (!this.reindexing.compareAndSet(false, true)) {
			return;
		}
		try {
			this.reindexStarted = Instant.now();
			List<String> cases = this.jdbc
				.sql("select distinct case_ref from audit_event where case_ref is not null order by case_ref")
				.query(String.class)
				.list();
			this.reindexTotal.set(cases.size());
			this.reindexDone.set(0);
			for (String caseRef : cases) {
				reindex(caseRef);
				this.reindexDone.incrementAndGet();
			}
			log.info("Search reindex done: {} cases", cases.size());
		}
		finally {
			this.reindexing.set(false);
		}
	}

	/**
	 * The audit sequence up to which this node last indexed each of the most recently
	 * indexed cases (a bounded map: it only has to remember the cases a backlog holds).
	 */
	static final class IndexedVersions {

		private final Map<String, Long> versions;

		IndexedVersions(int capacity) {
			this.versions = new LinkedHashMap<>(capacity, 0.75f, true) {
				@Override
				protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
					return size() > capacity;
				}
			};
		}

		/** Whether {@code caseRef} was indexed at {@code version} or later. */
		synchronized boolean covers(String caseRef, long version) {
			Long known = this.versions.get(caseRef);
			return known != null && known >= version;
		}

		synchronized void record(String caseRef, long version) {
			this.versions.merge(caseRef, version, Math::max);
		}

	}

	/** Whether a reindex runs, and how far it got. */
	record Progress(boolean running, long done, long total, Instant startedAt) {
	}

	Progress progress() {
		return new Progress(this.reindexing.get(), this.reindexDone.get(), this.reindexTotal.get(),
				this.reindexStarted);
	}

	/** The latest audit sequence: the version the index reaches when it is up to date. */
	long auditVersion() {
		return this.jdbc.sql("select coalesce(max(seq), 0) from audit_event").query(Long.class).single();
	}

	/** Index events not yet done (failed or still queued). */
	long pendingEvents() {
		return this.jdbc.sql("select count(*) from event_publication where completion_date is null and event_type = ?")
			.param(CaseTouched.class.getName())
			.query(Long.class)
			.single();
	}

}
