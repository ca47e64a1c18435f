package org.antifraud.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

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

	private static final String SAMPLER = "cpu-use-sampler";

	/** The sampler's own column: the benchmark's cost, not the product's. */
	private static final String SAMPLING = "CPU sampling (the benchmark's)";

	/** This JVM's native threads, Java's and the JVM's own (GC, JIT compilers). */
	private static final Path TASKS = Path.of("/proc/self/task");

	/**
	 * The JVM's own threads by the name the kernel knows them by (15 characters at most),
	 * each group read from {@code /proc}: Java's thread API does not see them.
	 */
	private static final List<Map.Entry<String, List<String>>> NATIVE = List.of(
			Map.entry("GC", List.of("GC Thread", "G1 ", "VM Thread")),
			Map.entry("JIT compiler", List.of("C1 Compiler", "C2 Compiler")));

	private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	private final com.sun.management.OperatingSystemMXBean process = (com.sun.management.OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	/** Per thread id: its name and the CPU it had used when the sampling began. */
	private final Map<Long, Sample> before;

	/** Per thread id: its name and the last CPU time seen. */
	private final Map<Long, Sample> last = new ConcurrentHashMap<>();

	/** Per native thread id: the JVM's own threads at the start, then as last seen. */
	private final Map<Long, Sample> nativeBefore = new HashMap<>();

	private final Map<Long, Sample> nativeLast = new ConcurrentHashMap<>();

	private final long processBefore;

	private final long machineBefore;

	private final Thread sampler;

	private volatile boolean stopped;

	private long processUsed;

	private long machineUsed;

	private CpuUse() {
		this.before = new HashMap<>();
		sample(this.before);
		sampleNative(this.nativeBefore);
		this.processBefore = this.process.getProcessCpuTime();
		this.machineBefore = machineBusyNanos();
		this.sampler = new Thread(() -> {
			for (long round = 1; !this.stopped; round++) {
				sample(this.last);
				// the JVM's own threads live as long as it does (a JIT compiler thread
				// may
				// end when idle): read from /proc once a second, which costs more
				if (round % 10 == 0) {
					sampleNative(this.nativeLast);
				}
				try {
					Thread.sleep(100);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, SAMPLER);
		this.sampler.setDaemon(true);
		this.sampler.start();
	}

	static CpuUse start() {
		return new CpuUse();
	}

	private void sample() {
		sample(this.last);
		sampleNative(this.nativeLast);
	}

	/**
	 * Records the CPU time of each of the JVM's own threads from {@code /proc} (nothing
	 * where there is none).
	 */
	private static void sampleNative(Map<Long, Sample> into) {
		if (!Files.isDirectory(TASKS)) {
			return;
		}
		try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
			for (Path task : tasks) {
				String stat;
				try {
					stat = Files.readString(task.resolve("stat"));
				}
				catch (IOException ex) {
					// the thread ended
					continue;
				}
				String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
				if (nativeGroup(name) != null) {
					// after the name: state is field 3, utime and stime fields 14 and 15
					String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
					into.put(Long.parseLong(task.getFileName().toString()), new Sample(name, ticks * 10_000_000L));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String nativeGroup(String name) {
		return NATIVE.stream()
			.filter((group) -> group.getValue().stream().anyMatch(name::startsWith))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElse(null);
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
		NATIVE.forEach((group) -> split.put(group.getKey(), 0.0));
		split.put(SAMPLING, 0.0);
		double grouped = add(split, items, this.before, this.last, (name) -> {
			if (name.equals(SAMPLER)) {
				return SAMPLING;
			}
			return groups.entrySet()
				.stream()
				.filter((group) -> name.startsWith(group.getValue()))
				.map(Map.Entry::getKey)
				.findFirst()
				.orElse(null);
		}) + add(split, items, this.nativeBefore, this.nativeLast, CpuUse::nativeGroup);
		double jvm = this.processUsed / 1e6 / items;
		double machine = this.machineUsed / 1e6 / items;
		split.put("rest of the JVM (other threads)", Math.max(0, jvm - grouped));
		split.put("outside the JVM (PostgreSQL)", Math.max(0, machine - jvm));
		split.put(MACHINE, machine);
		return split;
	}

	/**
	 * Adds each thread's CPU per item between two samplings to its group's column (a
	 * thread of no group to none); answers the sum added.
	 */
	private static double add(Map<String, Double> split, int items, Map<Long, Sample> before, Map<Long, Sample> last,
			Function<String, String> groupOf) {
		double added = 0;
		for (Map.Entry<Long, Sample> entry : last.entrySet()) {
			String group = groupOf.apply(entry.getValue().name());
			if (group != null) {
				Sample first = before.get(entry.getKey());
				double ms = (entry.getValue().cpu() - ((first != null) ? first.cpu() : 0)) / 1e6 / items;
				split.merge(group, ms, Double::sum);
				added += ms;
			}
		}
		return added;
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
