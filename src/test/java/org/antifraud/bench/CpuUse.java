package org.antifraud.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the CPU went while open: this JVM's threads grouped by name prefix, the JVM as a
 * whole, and the rest of the machine (on these runs: PostgreSQL). Threads are sampled
 * every 100 ms, so a thread that ends in between (a benchmark's case threads) keeps its
 * last sample. Answers in CPU milliseconds per item, so the product and plain Camunda
 * compare per case, not per second of a run whose machine may have been slower.
 */
final class CpuUse implements AutoCloseable {

	/** The column of the machine's whole use. */
	static final String MACHINE = "machine in all";

	private static final Path PROC_STAT = Path.of("/proc/stat");

	private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	private final com.sun.management.OperatingSystemMXBean process = (com.sun.management.OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	/** Per thread id: its name and the CPU it had used when the sampling began. */
	private final Map<Long, Sample> before;

	/** Per thread id: its name and the last CPU time seen. */
	private final Map<Long, Sample> last = new ConcurrentHashMap<>();

	private final long processBefore;

	private final long machineBefore;

	private final Thread sampler;

	private volatile boolean stopped;

	private long processUsed;

	private long machineUsed;

	private CpuUse() {
		this.before = new HashMap<>();
		sample(this.before);
		this.processBefore = this.process.getProcessCpuTime();
		this.machineBefore = machineBusyNanos();
		this.sampler = new Thread(() -> {
			while (!this.stopped) {
				sample();
				try {
					Thread.sleep(100);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "cpu-use-sampler");
		this.sampler.setDaemon(true);
		this.sampler.start();
	}

	static CpuUse start() {
		return new CpuUse();
	}

	private void sample() {
		sample(this.last);
	}

	/** Records each live thread's name and CPU time so far. */
	private void sample(Map<Long, Sample> into) {
		for (ThreadInfo info : this.threads.getThreadInfo(this.threads.getAllThreadIds())) {
			if (info != null) {
				long cpu = this.threads.getThreadCpuTime(info.getThreadId());
				if (cpu >= 0) {
					into.put(info.getThreadId(), new Sample(info.getThreadName(), cpu));
				}
			}
		}
	}

	/** Stops sampling; the figures are those up to now. */
	@Override
	public void close() {
		if (this.stopped) {
			return;
		}
		this.stopped = true;
		this.sampler.interrupt();
		sample();
		this.processUsed = this.process.getProcessCpuTime() - this.processBefore;
		this.machineUsed = machineBusyNanos() - this.machineBefore;
	}

	/**
	 * CPU milliseconds per item: one column per named group of threads (by name prefix),
	 * the rest of the JVM, the rest of the machine and the machine in all.
	 */
	Map<String, Double> perItem(int items, Map<String, String> groups) {
		close();
		Map<String, Double> split = new LinkedHashMap<>();
		groups.keySet().forEach((label) -> split.put(label, 0.0));
		double grouped = 0;
		for (Map.Entry<Long, Sample> entry : this.last.entrySet()) {
			Sample first = this.before.get(entry.getKey());
			double ms = (entry.getValue().cpu() - ((first != null) ? first.cpu() : 0)) / 1e6 / items;
			for (Map.Entry<String, String> group : groups.entrySet()) {
				if (entry.getValue().name().startsWith(group.getValue())) {
					split.merge(group.getKey(), ms, Double::sum);
					grouped += ms;
					break;
				}
			}
		}
		double jvm = this.processUsed / 1e6 / items;
		double machine = this.machineUsed / 1e6 / items;
		split.put("rest of the JVM (JIT compiler, GC, other threads)", Math.max(0, jvm - grouped));
		split.put("outside the JVM (PostgreSQL)", Math.max(0, machine - jvm));
		split.put(MACHINE, machine);
		return split;
	}

	/** Prints {@link #perItem} as one line. */
	static void print(String title, Map<String, Double> split) {
		StringBuilder line = new StringBuilder(title).append(":");
		split.forEach((label, ms) -> line.append(String.format(Locale.ROOT, " %s %.1f;", label, ms)));
		System.out.println(line.substring(0, line.length() - 1));
	}

	/** Busy CPU time of the whole machine since boot, from /proc/stat (0 elsewhere). */
	private static long machineBusyNanos() {
		try {
			if (!Files.isReadable(PROC_STAT)) {
				return 0;
			}
			String[] cpu = Files.readAllLines(PROC_STAT).get(0).trim().split("\\s+");
			// user nice system idle iowait irq softirq steal: busy leaves out idle and
			// iowait
			long[] ticks = Arrays.stream(cpu, 1, Math.min(cpu.length, 9)).mapToLong(Long::parseLong).toArray();
			long busy = ticks[0] + ticks[1] + ticks[2] + ticks[5] + ticks[6];
			// USER_HZ is 100 on Linux
			return busy * 10_000_000L;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record Sample(String name, long cpu) {
	}

}
