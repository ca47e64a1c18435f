package org.antifraud.supervision.internal;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.antifraud.Benchmarks;
import org.antifraud.agency.Agency;
import org.antifraud.agency.AgencyDirectory;
import org.antifraud.calendar.DueStatus;
import org.antifraud.common.Now;
import org.antifraud.common.Page;
import org.postgresql.PGConnection;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Benchmark of the leadership deadline view over a million open deadlines on PostgreSQL.
 * Not a test: run it with the command in docs/performance.md; it prints p50/p95/p99 per
 * query.
 */
public final class SupervisionBenchmark {

	private static final String DATABASE = "antifraud_bench";

	private SupervisionBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int open = Integer.getInteger("rows", 1_000_000);
		int closed = open / 10;
		int runs = Integer.getInteger("runs", 200);
		try (ConfigurableApplicationContext context = Benchmarks.start(DATABASE)) {
			DataSource dataSource = context.getBean(DataSource.class);
			List<String> agencies = context.getBean(AgencyDirectory.class)
				.list(List.of())
				.stream()
				.map(Agency::code)
				.toList();
			long loadStart = System.nanoTime();
			load(dataSource, agencies, open, closed);
			double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
			SupervisionService service = context.getBean(SupervisionService.class);
			System.out.printf(Locale.ROOT,
					"%nDeadline view on PostgreSQL: %,d open + %,d closed deadlines, %d agencies"
							+ " (loaded in %.1f s, %,.0f rows/s)%n",
					open, closed, agencies.size(), loadSeconds, (open + closed) / loadSeconds);
			System.out.printf("%-46s %9s %9s %9s %9s%n", "query", "p50 ms", "p95 ms", "p99 ms", "max ms");
			Page.Request first = Page.request(0, 50);
			measure("deadlines, first page, no filter", runs, () -> service
				.deadlines(new SupervisionService.DeadlineFilter(null, null, null, null, null, null), first));
			measure("deadlines, RED only", runs, () -> service
				.deadlines(new SupervisionService.DeadlineFilter(null, null, null, DueStatus.RED, null, null), first));
			measure("deadlines, one agency, YELLOW", runs,
					() -> service.deadlines(
							new SupervisionService.DeadlineFilter("ICBC-QD", null, null, DueStatus.YELLOW, null, null),
							first));
			measure("deadlines, one process, page 100", runs, () -> service.deadlines(
					new SupervisionService.DeadlineFilter(null, "JointDisciplineProcess", null, null, null, null),
					Page.request(100, 50)));
			measure("summary, last 30 days", runs / 4, () -> service.summary(Now.today().minusDays(30), Now.today()));
			try (Connection connection = dataSource.getConnection();
					Statement statement = connection.createStatement()) {
				var size = statement.executeQuery("select pg_size_pretty(pg_database_size(current_database()))");
				size.next();
				Runtime runtime = Runtime.getRuntime();
				System.out.printf("database size %s, heap used %d MiB of %d MiB%n", size.getString(1),
						(runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.maxMemory() >> 20);
			}
		}
	}

	/**
	 * COPY the rows in: due days spread from 120 days ago to 240 days ahead, 30 per
	 * agency and day.
	 */
	private static void load(DataSource dataSource, List<String> agencies, int open, int closed) throws Exception {
		Random random = new Random(42);
		LocalDate today = Now.today();
		String[] processes = { "JointDisciplineProcess", "ProcuratorialRecommendationProcess", "RectificationProcess",
				"AccountabilityInterviewProcess" };
		DateTimeFormatter iso = DateTimeFormatter.ISO_LOCAL_DATE;
		try (Connection connection = dataSource.getConnection()) {
			var copy = connection.unwrap(PGConnection.class).getCopyAPI();
			StringBuilder batch = new StringBuilder();
			for (int i = 0; i < open + closed; i++) {
				boolean isOpen = i < open;
				LocalDate due = today.plusDays(random.nextInt(360) - 120);
				String closedAt = isOpen ? "" : due.plusDays(random.nextInt(10) - 7) + " 10:00:00+08";
				batch.append("B")
					.append(i)
					.append(",TASK,")
					.append(processes[i % processes.length])
					.append(",Task_X,办理事项 ")
					.append(i)
					.append(",case-")
					.append(i / 14)
					.append(',')
					.append(agencies.get(random.nextInt(agencies.size())))
					.append(",,")
					.append(due.format(iso))
					.append(" 23:59:59+08,")
					.append(due.format(iso))
					.append(',')
					.append(today.minusDays(30).format(iso))
					.append(" 09:00:00+08,")
					.append(closedAt)
					.append(',')
					.append(isOpen ? "OPEN" : "DONE")
					.append(",0\n");
				if (batch.length() > 4_000_000 || i == open + closed - 1) {
					copy.copyIn("copy deadline (id, kind, process_key, task_key, title, case_ref, agency_code,"
							+ " candidate_group, due_at, due_on, opened_at, closed_at, outcome, urge_count) from stdin"
							+ " with (format csv)", new StringReader(batch.toString()));
					batch.setLength(0);
				}
			}
			try (Statement statement = connection.createStatement()) {
				// what autovacuum does to a table that has taken a million rows
				statement.execute("vacuum analyze deadline");
			}
		}
	}

	private static void measure(String name, int runs, Supplier<?> query) {
		for (int i = 0; i < Math.max(10, runs / 10); i++) {
			query.get();
		}
		long[] nanos = new long[runs];
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			query.get();
			nanos[i] = System.nanoTime() - start;
		}
		Arrays.sort(nanos);
		System.out.printf(Locale.ROOT, "%-46s %9.1f %9.1f %9.1f %9.1f%n", name, ms(nanos, 0.50), ms(nanos, 0.95),
				ms(nanos, 0.99), nanos[runs - 1] / 1e6);
	}

	private static double ms(long[] sorted, double quantile) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
	}

}
