package org.antifraud.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Runs a scenario case by case and prints the engine benchmarks' table: throughput,
 * per-case latency percentiles, peak heap (sampled every 20 ms) and database size.
 */
final class BenchmarkTable {

	private BenchmarkTable() {
	}

	static Result measure(String name, int cases, int warmup, Case run, Supplier<String> databaseSize)
			throws Exception {
		for (int i = 0; i < warmup; i++) {
			run.run(cases + i);
		}
		System.gc();
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		AtomicLong peak = new AtomicLong();
		Thread sampler = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		sampler.setDaemon(true);
		sampler.start();
		long[] nanos = new long[cases];
		int orders = 0;
		long start = System.nanoTime();
		for (int i = 0; i < cases; i++) {
			long caseStart = System.nanoTime();
			orders += run.run(i);
			nanos[i] = System.nanoTime() - caseStart;
			if ((i + 1) % Math.max(1, cases / 10) == 0) {
				System.out.printf(Locale.ROOT, "  %s: %,d of %,d cases%n", name, i + 1, cases);
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		sampler.interrupt();
		Arrays.sort(nanos);
		return new Result(name, cases, orders, seconds, at(nanos, 0.50), at(nanos, 0.95), at(nanos, 0.99),
				peak.get() >> 20, databaseSize.get());
	}

	private static double at(long[] sorted, double quantile) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
	}

	static void print(String title, List<Result> results) {
		System.out.printf("%n%s%n", title);
		System.out.printf("%-44s %8s %9s %9s %9s %9s %9s %10s %10s%n", "run", "cases", "orders", "cases/s", "p50 ms",
				"p95 ms", "p99 ms", "heap MiB", "database");
		for (Result r : results) {
			System.out.printf(Locale.ROOT, "%-44s %8d %9d %9.1f %9.1f %9.1f %9.1f %10d %10s%n", r.name(), r.cases(),
					r.orders(), r.perSecond(), r.p50(), r.p95(), r.p99(), r.peakHeapMiB(), r.databaseSize());
		}
	}

	/** One case through the scenario; answers the orders it produced. */
	@FunctionalInterface
	interface Case {

		int run(int index) throws Exception;

	}

	record Result(String name, int cases, int orders, double seconds, double p50, double p95, double p99,
			long peakHeapMiB, String databaseSize) {

		double perSecond() {
			return this.cases / this.seconds;
		}

	}

}
