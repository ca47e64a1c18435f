package org.antifraud.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.antifraud.search.SearchDocument;
import org.antifraud.search.SearchResult;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;

import org.antifraud.search.CaseSearch;
import org.antifraud.search.SearchProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on the embedded Lucene index, without Spring. */
class LuceneCaseSearchTests extends CaseSearchContract {

	@TempDir
	Path directory;

	private LuceneCaseSearch lucene;

	@Override
	CaseSearch open() {
		this.lucene = new LuceneCaseSearch(SearchProperties.lucene(this.directory));
		return this.lucene;
	}

	@AfterEach
	void close() throws IOException {
		this.lucene.close();
	}

	@Test
	void eachWriteReturnsOnceACommitHoldsIt() throws Exception {
		int threads = 6;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> writes = new ArrayList<>();
			for (int i = 0; i < 60; i++) {
				int n = i;
				writes.add(pool.submit(() -> {
					index(doc("discipline", "g" + n, "EXECUTING", "QD-PSB-LS", Set.of("QD-PSB-LS"), "2026-09-28",
							List.of(), List.of(), "并发" + n, "组提交"), n + 1);
					// what a crash now would leave: the last commit on disk
					try (DirectoryReader committed = DirectoryReader.open(FSDirectory.open(this.directory))) {
						assertThat(
								new IndexSearcher(committed).count(new TermQuery(new Term("key", "discipline:g" + n))))
							.as("g%d committed when its write returned", n)
							.isEqualTo(1);
					}
					return null;
				}));
			}
			for (Future<?> write : writes) {
				write.get(1, TimeUnit.MINUTES);
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(find(POLICE, "组提交").total()).isEqualTo(60);
	}

	@Test
	void writersThatWriteTogetherShareOneCommit(@TempDir Path other) throws Exception {
		int writers = 3;
		try (LuceneCaseSearch search = new LuceneCaseSearch(SearchProperties.lucene(other), writers,
				Duration.ofSeconds(20))) {
			ExecutorService pool = Executors.newFixedThreadPool(writers);
			try {
				long started = System.nanoTime();
				List<Future<?>> writes = new ArrayList<>();
				for (int i = 0; i < writers; i++) {
					int n = i;
					writes
						.add(pool.submit(() -> search.index(List.of(doc("discipline", "s" + n, "EXECUTING", "QD-PSB-LS",
								Set.of("QD-PSB-LS"), "2026-09-28", List.of(), List.of(), "同批" + n, "共享提交")), n + 1)));
				}
				for (Future<?> write : writes) {
					write.get(1, TimeUnit.MINUTES);
				}
				// the first commit waited for the others' writes, not for its 20 seconds
				assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
			}
			finally {
				pool.shutdown();
			}
			assertThat(SegmentInfos.readLatestCommit(FSDirectory.open(other)).size()).as("one commit, one segment")
				.isEqualTo(1);
		}
	}

	@Test
	void aLoneWriteIsCommittedOnceTheOthersAreWaitedFor(@TempDir Path other) throws IOException {
		try (LuceneCaseSearch search = new LuceneCaseSearch(SearchProperties.lucene(other), 4,
				Duration.ofMillis(300))) {
			long started = System.nanoTime();
			search.index(List.of(doc("discipline", "l1", "EXECUTING", "QD-PSB-LS", Set.of("QD-PSB-LS"), "2026-09-28",
					List.of(), List.of(), "独自", "单独提交")), 1);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
			try (DirectoryReader committed = DirectoryReader.open(FSDirectory.open(other))) {
				assertThat(committed.numDocs()).isEqualTo(1);
			}
		}
	}

	@Test
	void aWriteTheSearcherDoesNotSeeYetStillStopsAnOlderOne() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<?> newer;
			Future<?> older;
			// a commit runs: both writes are made, neither is committed or refreshed
			synchronized (this.lucene.committing) {
				newer = pool.submit(() -> index(item("V10"), 10));
				awaitBlocked(newer, 1);
				older = pool.submit(() -> index(item("V5"), 5));
				awaitBlocked(older, 2);
			}
			newer.get(1, TimeUnit.MINUTES);
			older.get(1, TimeUnit.MINUTES);
		}
		finally {
			pool.shutdown();
		}
		assertThat(find(POLICE, "竞争").items()).extracting(SearchResult.Hit::status).containsExactly("V10");
	}

	private static SearchDocument item(String status) {
		return doc("discipline", "r1", status, "QD-PSB-LS", Set.of("QD-PSB-LS"), "2026-09-28", List.of(), List.of(),
				"竞争", "版本" + status);
	}

	/**
	 * Waits until the write has been made and waits for the commit it cannot start, with
	 * {@code count} writes waiting in all.
	 */
	private static void awaitBlocked(Future<?> write, long count) throws InterruptedException {
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (!write.isDone() && System.nanoTime() < until) {
			boolean blocked = Thread.getAllStackTraces()
				.keySet()
				.stream()
				.anyMatch((thread) -> thread.getState() == Thread.State.BLOCKED && Arrays.stream(thread.getStackTrace())
					.anyMatch((frame) -> frame.getMethodName().equals("commitUpTo")));
			if (blocked) {
				return;
			}
			Thread.sleep(5);
		}
	}

	@Test
	void aSecondNodeOnTheSameIndexIsRefusedWithAClearMessage() {
		assertThatThrownBy(() -> new LuceneCaseSearch(SearchProperties.lucene(this.directory)))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("one node only")
			.hasMessageContaining("antifraud.search.backend=elasticsearch");
	}

}
