package org.antifraud.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.antifraud.Benchmarks;

/**
 * Runs a scenario item by item on a number of threads and prints the engine benchmarks'
 * tables: throughput, per-item latency percentiles, peak heap (sampled every 20 ms) and
 * database size.
 */
final class BenchmarkTable {

	private BenchmarkTable() {
	}

	/**
	 * Runs {@code warmup} items, then {@code count} items spread over {@code threads}
	 * threads, each item timed on its own.
	 */
	static Result measure(String name, int count, int warmup, int threads, Case run, Supplier<String> databaseSize)
			throws Exception {
		warmUp(run, count, warmup);
		long[] nanos = new long[count];
		AtomicInteger next = new AtomicInteger();
		AtomicLong produced = new AtomicLong();
		int step = Math.max(1, count / 10);
		try (Benchmarks.HeapPeak heap = new Benchmarks.HeapPeak()) {
			long start = System.nanoTime();
			ExecutorService pool = Executors.newFixedThreadPool(threads);
			try {
				List<Future<?>> workers = new ArrayList<>();
				for (int t = 0; t < threads; t++) {
					workers.add(pool.submit(() -> {
						for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
							long itemStart = System.nanoTime();
							produced.addAndGet(run.run(i));
							nanos[i] = System.nanoTime() - itemStart;
							if ((i + 1) % step == 0) {
								System.out.printf(Locale.ROOT, "  %s: %,d of %,d%n", name, i + 1, count);
							}
						}
						return null;
					}));
				}
				for (Future<?> worker : workers) {
					worker.get();
				}
			}
			finally {
				pool.shutdownNow();
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			Arrays.sort(nanos);
			return new Result(name, count, produced.get(), seconds, at(nanos, 0.50), at(nanos, 0.95), at(nanos, 0.99),
					heap.peakMiB(), databaseSize.get());
		}
	}

	/** Runs {@code warmup} items numbered after the {@code count} measured ones. */
	static void warmUp(Case run, int count, int warmup) throws Exception {
		for (int i = 0; i < warmup; i++) {
			run.run(count + i);
		}
	}

	/** Times {@code runs} calls of a query after {@code warmup} untimed ones. */
	static Latency latency(String name, int warmup, int runs, Query query) throws Exception {
		for (int i = 0; i < warmup; i++) {
			query.run();
		}
		long[] nanos = new long[runs];
		long rows = 0;
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			rows = query.run();
			nanos[i] = System.nanoTime() - start;
		}
		Arrays.sort(nanos);
		return new Latency(name, rows, at(nanos, 0.50), at(nanos, 0.95), at(nanos, 0.99), nanos[runs - 1] / 1e6);
	}

	private static double at(long[] sorted, double quantile) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
	}

	/**
	 * Prints throughput rows; {@code unit} names what one item is ("cases", "orders"),
	 * {@code produced} what each produced.
	 */
	static void print(String title, String unit, String produced, List<Result> results) {
		System.out.printf("%n%s%n", title);
		System.out.printf("%-46s %8s %9s %9s %9s %9s %9s %10s %10s%n", "run", unit, produced, unit + "/s", "p50 ms",
				"p95 ms", "p99 ms", "heap MiB", "database");
		for (Result r : results) {
			System.out.printf(Locale.ROOT, "%-46s %8d %9d %9.1f %9.1f %9.1f %9.1f %10d %10s%n", r.name(), r.count(),
					r.produced(), r.perSecond(), r.p50(), r.p95(), r.p99(), r.peakHeapMiB(), r.databaseSize());
		}
	}

	static void printLatencies(String title, List<Latency> rows) {
		System.out.printf("%n%s%n", title);
		System.out.printf("%-62s %9s %9s %9s %9s %9s%n", "query", "total", "p50 ms", "p95 ms", "p99 ms", "max ms");
		for (Latency r : rows) {
			System.out.printf(Locale.ROOT, "%-62s %9d %9.1f %9.1f %9.1f %9.1f%n", r.name(), r.rows(), r.p50(), r.p95(),
					r.p99(), r.max());
		}
	}

	/** One item through the scenario; answers how many things it produced. */
	@FunctionalInterface
	interface Case {

		long run(int index) throws Exception;

	}

	/** One query; answers the total it reports. */
	@FunctionalInterface
	interface Query {

		long run() throws Exception;

	}

	record Result(String name, int count, long produced, double seconds, double p50, double p95, double p99,
			long peakHeapMiB, String databaseSize) {

		double perSecond() {
			return this.count / this.seconds;
		}

	}

	record Latency(String name, long rows, double p50, double p95, double p99, double max) {
	}

}
