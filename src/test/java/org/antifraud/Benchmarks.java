package org.antifraud;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * Starts the application for a benchmark main on a PostgreSQL database of its own,
 * dropped and created afresh, with the job executor off, quiet logs and its files under
 * {@code target/bench}. PostgreSQL comes from PGHOST/PGUSER (default 127.0.0.1,
 * postgres); {@code -Ddb=h2} runs on an embedded H2 file database instead, for
 * comparison. {@code -Dbench.args} adds application arguments (settings under test).
 */
public final class Benchmarks {

	/** Whether the run is on H2 ({@code -Ddb=h2}) rather than PostgreSQL. */
	public static final boolean H2 = "h2".equalsIgnoreCase(System.getProperty("db", "postgresql"));

	private Benchmarks() {
	}

	public static ConfigurableApplicationContext start(String database) throws Exception {
		createDatabase(database);
		FileSystemUtils.deleteRecursively(Path.of("target", "bench", database));
		return node(database, "node1");
	}

	/**
	 * Starts the application on a database {@link #start} created, as one more node: its
	 * own search index and letter store under {@code target/bench/DATABASE/NODE}.
	 */
	public static ConfigurableApplicationContext node(String database, String node) {
		Path dir = Path.of("target", "bench", database, node).toAbsolutePath();
		SpringApplication application = new SpringApplication(JointDisciplineApplication.class);
		application.setAdditionalProfiles(H2 ? new String[] { "demo" } : new String[] { "demo", "postgres" });
		List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + url(database),
				"--spring.datasource.username=" + user(), "--camunda.bpm.job-execution.enabled=false",
				"--logging.level.root=warn", "--server.port=0", "--antifraud.search.index-dir=" + dir.resolve("search"),
				"--antifraud.documents.storage-dir=" + dir.resolve("documents")));
		// settings under test: -Dbench.args, space-separated application arguments
		String extra = System.getProperty("bench.args", "").trim();
		if (!extra.isEmpty()) {
			args.addAll(List.of(extra.split("\\s+")));
		}
		return application.run(args.toArray(String[]::new));
	}

	/** Drops and creates the database; answers its JDBC URL. */
	public static String createDatabase(String database) throws Exception {
		if (H2) {
			for (String suffix : new String[] { ".mv.db", ".trace.db" }) {
				java.nio.file.Files.deleteIfExists(h2File(database, suffix));
			}
			return url(database);
		}
		try (Connection admin = DriverManager.getConnection(url("postgres"), user(), "");
				Statement statement = admin.createStatement()) {
			statement.execute("drop database if exists " + database + " with (force)");
			statement.execute("create database " + database);
		}
		if (Boolean.parseBoolean(System.getProperty("autovacuum", "true"))) {
			autovacuum(url(database));
		}
		return url(database);
	}

	/**
	 * Does for the database what PostgreSQL's autovacuum does by default, which the CI
	 * machines' server has switched off ({@code autovacuum = off}) but a city's server
	 * runs: once a minute (its naptime), a table changed by more than 50 rows plus a
	 * tenth of its rows since its last analysis is analyzed, one with more than 50 plus a
	 * fifth dead rows is vacuumed. Without it the planner never has statistics (a
	 * primary-key update was planned as a scan of the whole table) and deleted rows are
	 * never reclaimed. {@code -Dautovacuum=false} runs on the server as it is configured.
	 */
	private static void autovacuum(String url) {
		Thread worker = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				try {
					Thread.sleep(60_000);
					withStatement(url, (statement) -> {
						List<String> work = new ArrayList<>();
						var due = statement.executeQuery(
								"""
										select case when n_dead_tup > 50 + 0.2 * n_live_tup then 'vacuum analyze ' else 'analyze ' end
										  || quote_ident(relname)
										from pg_stat_user_tables
										where n_mod_since_analyze > 50 + 0.1 * n_live_tup or n_dead_tup > 50 + 0.2 * n_live_tup""");
						while (due.next()) {
							work.add(due.getString(1));
						}
						for (String command : work) {
							statement.execute(command);
						}
						return null;
					});
				}
				catch (InterruptedException ex) {
					return;
				}
				catch (RuntimeException ex) {
					// the database was dropped or the run is ending
					return;
				}
			}
		}, "autovacuum-" + url.substring(url.lastIndexOf('/') + 1));
		worker.setDaemon(true);
		worker.start();
	}

	/** The database the run is on, for the tables' titles. */
	public static String databaseName() {
		return H2 ? "H2" : "PostgreSQL";
	}

	public static String user() {
		return H2 ? "sa" : System.getenv().getOrDefault("PGUSER", "postgres");
	}

	public static String url(String database) {
		if (H2) {
			return "jdbc:h2:file:" + h2File(database, "") + ";DB_CLOSE_ON_EXIT=FALSE";
		}
		return "jdbc:postgresql://" + System.getenv().getOrDefault("PGHOST", "127.0.0.1") + ":5432/" + database;
	}

	private static Path h2File(String database, String suffix) {
		return Path.of("target", "bench", "h2", database + suffix).toAbsolutePath();
	}

	/** The database's size as PostgreSQL prints it (H2: its file). */
	public static String databaseSize(String url) {
		if (H2) {
			String file = url.substring("jdbc:h2:file:".length(), url.indexOf(';'));
			try {
				return (java.nio.file.Files.size(Path.of(file + ".mv.db")) >> 20) + " MB";
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}
		return withStatement(url, (statement) -> {
			var size = statement.executeQuery("select pg_size_pretty(pg_database_size(current_database()))");
			size.next();
			return size.getString(1);
		});
	}

	/** The size of the database the application runs on. */
	public static String databaseSize(ConfigurableApplicationContext context) {
		return databaseSize(url(context));
	}

	/** The JDBC URL of the database the application runs on. */
	public static String url(ConfigurableApplicationContext context) {
		return context.getEnvironment().getProperty("spring.datasource.url");
	}

	/** The single number a query answers. */
	public static long count(String url, String sql) {
		return withStatement(url, (statement) -> {
			var result = statement.executeQuery(sql);
			result.next();
			return result.getLong(1);
		});
	}

	/**
	 * Letters registered but not yet rendered: their steps' rendering events still open
	 * (a completed one is deleted). Counting the letters without a file instead scanned
	 * the whole document table ten times a second while the last letters were rendered
	 * (116 ms a count at 1,000 cases, on the same two cores).
	 */
	public static final String LETTERS_PENDING = "select count(*) from event_publication where completion_date is null"
			+ " and event_type = 'org.antifraud.document.internal.LettersIssued'";

	/** Case changes the search index has not taken in yet. */
	public static final String SEARCH_PENDING = "select count(*) from event_publication where completion_date is null"
			+ " and event_type = 'org.antifraud.audit.CaseTouched'";

	/**
	 * Waits until a count query answers zero, asking once a second (the count costs the
	 * database the more the longer the backlog); answers the seconds waited.
	 */
	public static double awaitZero(String url, String sql) throws InterruptedException {
		long start = System.nanoTime();
		while (count(url, sql) > 0) {
			Thread.sleep(1000);
		}
		return (System.nanoTime() - start) / 1e9;
	}

	/** Refreshes the planner's statistics after a bulk load, as autovacuum would soon. */
	public static void vacuum(String url) {
		withStatement(url, (statement) -> statement.execute(H2 ? "analyze" : "vacuum analyze"));
	}

	/** Prints the largest tables with their rows and size (indexes included). */
	public static void printTableSizes(String url, String label) {
		String size = databaseSize(url);
		withStatement(url, (statement) -> {
			statement.execute("analyze");
			var tables = statement.executeQuery(H2
					? "select lower(table_name), row_count_estimate, '' from information_schema.tables"
							+ " where table_schema = 'PUBLIC' order by row_count_estimate desc limit 12"
					: "select relname, n_live_tup, pg_size_pretty(pg_total_relation_size(relid))"
							+ " from pg_stat_user_tables order by pg_total_relation_size(relid) desc limit 12");
			System.out.printf("%nLargest tables, %s (%s)%n", label, size);
			while (tables.next()) {
				System.out.printf(java.util.Locale.ROOT, "  %-32s %,12d rows %10s%n", tables.getString(1),
						tables.getLong(2), tables.getString(3));
			}
			return null;
		});
	}

	/** Runs {@code work} on a statement of a fresh connection to the database. */
	private static <T> T withStatement(String url, SqlWork<T> work) {
		try (Connection connection = DriverManager.getConnection(url, user(), "");
				Statement statement = connection.createStatement()) {
			return work.run(statement);
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@FunctionalInterface
	private interface SqlWork<T> {

		T run(Statement statement) throws java.sql.SQLException;

	}

	/** The highest used heap seen while open, sampled every 20 ms after a full GC. */
	public static final class HeapPeak implements AutoCloseable {

		private final AtomicLong peak = new AtomicLong();

		private final Thread sampler;

		public HeapPeak() {
			System.gc();
			MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
			this.sampler = new Thread(() -> {
				while (!Thread.currentThread().isInterrupted()) {
					this.peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
					try {
						Thread.sleep(20);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			});
			this.sampler.setDaemon(true);
			this.sampler.start();
		}

		public long peakMiB() {
			return this.peak.get() >> 20;
		}

		@Override
		public void close() {
			this.sampler.interrupt();
		}

	}

}
