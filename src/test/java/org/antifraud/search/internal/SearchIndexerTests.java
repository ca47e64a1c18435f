package org.antifraud.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.antifraud.audit.CaseTouched;
import org.antifraud.search.CaseSearch;
import org.antifraud.search.SearchDocument;
import org.antifraud.search.SearchProperties;
import org.antifraud.search.SearchQuery;
import org.antifraud.search.SearchResult;
import org.antifraud.security.Actor;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The indexer without Spring, on an in-memory audit table: a backlog of events for one
 * case costs one indexing, a later change is indexed again, a rebuild indexes all.
 */
class SearchIndexerTests {

	private final AtomicInteger reads = new AtomicInteger();

	private final List<Long> written = new ArrayList<>();

	private JdbcClient jdbc;

	private SearchIndexer indexer;

	@BeforeEach
	void setUp() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:indexer-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
		this.jdbc = JdbcClient.create(dataSource);
		this.jdbc.sql("create table audit_event (seq bigint primary key, case_ref varchar(64))").update();
		this.jdbc.sql("create table event_publication (completion_date timestamp, event_type varchar(512))").update();
		this.indexer = new SearchIndexer(List.of((caseRef) -> {
			this.reads.incrementAndGet();
			return List.of(new SearchDocument("discipline", caseRef, caseRef, "案件 " + caseRef, "OPEN", "QD-PSB",
					Set.of("QD-PSB"), LocalDate.of(2026, 12, 3), List.of(), List.of(), "张三", "出租银行卡"));
		}), new RecordingSearch(), this.jdbc, null, null, new SearchProperties(null, null, null, null));
	}

	@Test
	void aBacklogOfEventsForOneCaseIsIndexedOnce() {
		audit(1, "case-1");
		audit(2, "case-1");
		audit(3, "case-1");
		// three commits, then their three events handled one after the other
		this.indexer.on(new CaseTouched("case-1"));
		this.indexer.on(new CaseTouched("case-1"));
		this.indexer.on(new CaseTouched("case-1"));
		assertThat(this.reads).hasValue(1);
		assertThat(this.written).containsExactly(3L);
	}

	@Test
	void aChangeAfterTheLastIndexingIsIndexedAgain() {
		audit(1, "case-1");
		this.indexer.on(new CaseTouched("case-1"));
		audit(2, "case-2");
		this.indexer.on(new CaseTouched("case-2"));
		audit(3, "case-1");
		this.indexer.on(new CaseTouched("case-1"));
		assertThat(this.reads).hasValue(3);
		assertThat(this.written).containsExactly(1L, 2L, 3L);
	}

	@Test
	void aRebuildIndexesEveryCaseEvenWhenItsVersionIsKnown() {
		audit(1, "case-1");
		this.indexer.on(new CaseTouched("case-1"));
		// e.g. the Elasticsearch index was lost and created again empty
		this.indexer.reindex("case-1");
		assertThat(this.reads).hasValue(2);
		assertThat(this.written).containsExactly(1L, 1L);
	}

	@Test
	void theKnownVersionsAreBoundedAndForgetTheLeastRecentCase() {
		SearchIndexer.IndexedVersions versions = new SearchIndexer.IndexedVersions(2);
		versions.record("a", 5);
		versions.record("b", 6);
		assertThat(versions.covers("a", 5)).isTrue();
		versions.record("c", 7);
		// "a" was read last, so "b" goes
		assertThat(versions.covers("a", 5)).isTrue();
		assertThat(versions.covers("b", 6)).isFalse();
		assertThat(versions.covers("c", 8)).isFalse();
		versions.record("c", 4);
		assertThat(versions.covers("c", 7)).isTrue();
	}

	private void audit(long seq, String caseRef) {
		this.jdbc.sql("insert into audit_event (seq, case_ref) values (?, ?)").params(seq, caseRef).update();
	}

	/** The port's writes, by version. */
	private final class RecordingSearch implements CaseSearch {

		@Override
		public void index(Collection<SearchDocument> documents, long version) {
			SearchIndexerTests.this.written.add(version);
		}

		@Override
		public SearchResult search(SearchQuery query, Actor actor) {
			throw new UnsupportedOperationException();
		}

		@Override
		public long count() {
			return 0;
		}

		@Override
		public long maxVersion() {
			return 0;
		}

		@Override
		public String backend() {
			return "recording";
		}

	}

}
