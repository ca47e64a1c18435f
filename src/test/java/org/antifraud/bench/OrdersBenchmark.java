package org.antifraud.bench;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.antifraud.Benchmarks;
import org.antifraud.discipline.JointDisciplineProcess;
import org.camunda.bpm.container.RuntimeContainerDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.task.Task;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Open execution orders at scale: an institution with {@code -Dorders} (default 100,000)
 * open orders, each case also holding an order at another institution. Three scenarios,
 * each for the product and for the same BPMN on plain Camunda, in one run on PostgreSQL:
 * <ul>
 * <li>Inbox: the institution's first page and a filtered page of {@code GET /api/tasks},
 * beside Camunda's own REST task query ({@code /engine-rest/task} with candidate group
 * and sorting) on the same data, and the plain engine's Java task query;</li>
 * <li>Timers: {@code -Dtimers} (default 10,000) reminders and escalations due at once,
 * fired by two nodes' job executors racing on the same database; the time until all have
 * fired and how many fired twice;</li>
 * <li>Answers: {@code -Danswers} (default all) orders answered by the institution's
 * officers through the portal's API ({@code POST /api/tasks/{id}/complete}) on
 * {@code -Dthreads} (default 4) threads; plain Camunda completes the same tasks through
 * {@code TaskService}, {@code -DplainAnswers} of them (default as many: plain Camunda
 * answered 6 to 25 orders a second here, so all 100,000 take it hours).</li>
 * </ul>
 * Each figure is printed as it is measured, and all of them in tables at the end. Not a
 * test: run it with the command in docs/performance.md.
 */
public final class OrdersBenchmark {

	private static final String PRODUCT_DB = "antifraud_bench_orders";

	private static final String PLAIN_DB = "antifraud_bench_orders_plain";

	private static final String INSTITUTION = "ICBC-QD";

	private static final String GROUP = INSTITUTION + ":BANK_OFFICER";

	private static final List<String> OTHERS = List.of("ABC-QD", "BOC-QD", "CCB-QD", "BOCOM-QD", "PSBC-QD", "QDB",
			"QRCB", "ALIPAY", "TENPAY");

	private static final String BODY = "SubProcess_ExecutionOrders#multiInstanceBody";

	private static final int BATCH = 50;

	private static final ObjectMapper JSON = new ObjectMapper();

	private OrdersBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int open = Integer.getInteger("orders", 100_000);
		// each late case holds two orders with a reminder and an escalation each
		int lateCases = Math.min(open, Integer.getInteger("timers", 10_000) / 4);
		int answers = Math.min(open, Integer.getInteger("answers", open));
		int threads = Integer.getInteger("threads", 4);
		int runs = Integer.getInteger("runs", 200);
		Tables tables = new Tables();
		try (ConfigurableApplicationContext context = Benchmarks.start(PRODUCT_DB)) {
			tables.add(new Product(context), open, lateCases, answers, threads, runs);
			Benchmarks.printTableSizes(Benchmarks.url(context), "product");
		}
		// -Dplain=false: the product alone, e.g. to compare settings (-Dbench.args)
		if (Boolean.parseBoolean(System.getProperty("plain", "true"))) {
			try (PlainCamunda plain = PlainCamunda.create(PLAIN_DB)) {
				tables.add(new Plain(plain), open, lateCases,
						Math.min(open, Integer.getInteger("plainAnswers", answers)), threads, runs);
				Benchmarks.printTableSizes(plain.url, "plain Camunda");
			}
		}
		List<BenchmarkTable.Result> seeding = tables.seeding;
		List<BenchmarkTable.Latency> inbox = tables.inbox;
		List<TimerRun> timers = tables.timers;
		List<BenchmarkTable.Result> answering = tables.answering;
		BenchmarkTable.print(
				"Seeding: " + open + " cases started at their execution orders (" + (2 * open) + " open orders)",
				"cases", "orders", seeding);
		BenchmarkTable.printLatencies("Inbox of " + INSTITUTION + " with " + open + " open orders (" + runs
				+ " runs each; budget p95 <= 50 ms)", inbox);
		System.out.printf("%nTimers: reminders and escalations due at once, two nodes' job executors%n");
		System.out.printf("%-46s %9s %9s %9s %9s %12s%n", "run", "timers", "seconds", "timers/s", "fired",
				"fired twice");
		timers.forEach((t) -> System.out.printf(Locale.ROOT, "%-46s %9d %9.1f %9.1f %9d %12d%n", t.name(), t.timers(),
				t.seconds(), t.timers() / t.seconds(), t.fired(), t.firedTwice()));
		BenchmarkTable.print(
				"Answers: " + answers + " orders answered by " + INSTITUTION + " on " + threads + " threads", "orders",
				"done", answering);
		if (answering.size() > 1) {
			System.out.printf(Locale.ROOT, "product / plain Camunda answers: %.2f%n",
					answering.get(0).perSecond() / answering.get(1).perSecond());
		}
		BenchmarkTable.printLatencies("Inbox of " + INSTITUTION + " after it answered its " + answers
				+ " earliest orders, the other institutions' of the same days still open (" + runs + " runs each)",
				tables.inboxAfterAnswers);
	}

	/** The variables a case's process holds when its orders are out. */
	static Map<String, Object> orderVariables(Map<String, Object> template, String caseId, List<String> items,
			boolean late) {
		Map<String, Object> variables = new HashMap<>(template);
		variables.put(JointDisciplineProcess.VAR_CASE_ID, caseId);
		variables.put(JointDisciplineProcess.VAR_ITEM_IDS, new ArrayList<>(items));
		if (late) {
			Instant now = Instant.now();
			variables.put(JointDisciplineProcess.VAR_ORDER_DUE_AT, Date.from(now.minus(1, ChronoUnit.HOURS)));
			variables.put(JointDisciplineProcess.VAR_ORDER_REMINDER_AT, Date.from(now.minus(2, ChronoUnit.HOURS)));
		}
		return variables;
	}

	/** Starts cases in batches on several threads; {@code start} takes case numbers. */
	static void inBatches(int cases, int threads, BatchStart start) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> batches = new ArrayList<>();
			for (int from = 0; from < cases; from += BATCH) {
				int first = from;
				batches.add(pool.submit(() -> {
					start.start(first, Math.min(cases, first + BATCH));
					return null;
				}));
			}
			int done = 0;
			for (Future<?> batch : batches) {
				batch.get();
				if (++done % Math.max(1, batches.size() / 10) == 0) {
					System.out.printf(Locale.ROOT, "  seeded %,d of %,d cases%n", Math.min(cases, done * BATCH), cases);
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** Waits until {@code fired} reaches {@code expected}; answers the seconds taken. */
	static double waitFor(long expected, LongSupplier fired, long startNanos) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
		while (fired.getAsLong() < expected) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Only " + fired.getAsLong() + " of " + expected + " timers fired");
			}
			Thread.sleep(50);
		}
		return (System.nanoTime() - startNanos) / 1e9;
	}

	@FunctionalInterface
	interface BatchStart {

		void start(int from, int to) throws Exception;

	}

	record TimerRun(String name, int timers, double seconds, long fired, long firedTwice) {
	}

	/** The four scenarios, as the product and plain Camunda each run them. */
	interface Subject {

		BenchmarkTable.Result seed(int cases, int lateCases, int threads) throws Exception;

		List<BenchmarkTable.Latency> inbox(int runs) throws Exception;

		TimerRun timers(int expected) throws Exception;

		BenchmarkTable.Result answer(int answers, int threads) throws Exception;

	}

	/** The rows of every table, one subject after the other. */
	static final class Tables {

		final List<BenchmarkTable.Result> seeding = new ArrayList<>();

		final List<BenchmarkTable.Latency> inbox = new ArrayList<>();

		final List<TimerRun> timers = new ArrayList<>();

		final List<BenchmarkTable.Result> answering = new ArrayList<>();

		/**
		 * The inbox again once the institution has answered its earliest orders, while
		 * the other institutions' orders of the same days are still open.
		 */
		final List<BenchmarkTable.Latency> inboxAfterAnswers = new ArrayList<>();

		void add(Subject subject, int open, int lateCases, int answers, int threads, int runs) throws Exception {
			measured(this.seeding, List.of(subject.seed(open, lateCases, threads)));
			measured(this.inbox, subject.inbox(runs));
			measured(this.timers, List.of(subject.timers(4 * lateCases)));
			measured(this.answering, List.of(subject.answer(answers, threads)));
			measured(this.inboxAfterAnswers, subject.inbox(runs));
		}

		/**
		 * Keeps a phase's figures for the tables and prints them at once: a run stopped
		 * before its end keeps what it measured.
		 */
		private static <T> void measured(List<T> table, List<T> rows) {
			rows.forEach((row) -> System.out.println("  measured: " + row));
			table.addAll(rows);
		}

	}

	/** The product: cases and orders in its tables, tasks through its API. */
	private static final class Product implements Subject {

		private final ConfigurableApplicationContext context;

		private final ProcessEngine engine;

		private final JdbcTemplate jdbc;

		private final TransactionTemplate transaction;

		private final String base;

		Product(ConfigurableApplicationContext context) {
			this.context = context;
			this.engine = context.getBean(ProcessEngine.class);
			this.jdbc = context.getBean(JdbcTemplate.class);
			this.transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
			this.base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
		}

		/**
		 * One real case through the product, then {@code cases} copies of it with an
		 * order to the institution and one to another, each started at its orders.
		 */
		@Override
		public BenchmarkTable.Result seed(int cases, int lateCases, int threads) throws Exception {
			FanOutBenchmark.productCase(this.context).run(0);
			Map<String, Object> template = this.jdbc.queryForMap(
					"select id, process_instance_id, (select max(due_on) from execution_order o where o.case_id = c.id) due_on from discipline_case c");
			String templateId = (String) template.get("id");
			Map<String, Object> variables = this.engine.getRuntimeService()
				.getVariables((String) template.get("process_instance_id"));
			LocalDate due = ((java.sql.Date) template.get("due_on")).toLocalDate();
			List<String> columns = this.jdbc.queryForList(
					"select lower(column_name) from information_schema.columns where lower(table_name) = 'discipline_case'"
							+ " and lower(table_schema) = " + (Benchmarks.H2 ? "'public'" : "current_schema()")
							+ " order by ordinal_position",
					String.class);
			String copy = "insert into discipline_case (" + String.join(", ", columns) + ") select "
					+ String.join(", ", columns.stream().map((column) -> switch (column) {
						case "id" -> "?";
						case "case_number" -> "t.case_number || '-' || ?";
						case "subject_name" -> "'基准' || ?";
						case "process_instance_id" -> "null";
						default -> "t." + column;
					}).toList()) + " from discipline_case t where t.id = ?";
			String order = "insert into execution_order (id, case_id, kind, institution_code, status, due_on, issued_at)"
					+ " values (?, ?, 'EXECUTION', ?, 'PENDING', ?, ?)";
			long start = System.nanoTime();
			try (Benchmarks.HeapPeak heap = new Benchmarks.HeapPeak()) {
				inBatches(cases, threads, (from, to) -> this.transaction.executeWithoutResult((status) -> {
					for (int i = from; i < to; i++) {
						String caseId = UUID.randomUUID().toString();
						boolean late = i < lateCases;
						this.jdbc.update(copy, caseId, i, i, templateId);
						List<String> items = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
						Timestamp now = Timestamp.from(Instant.now());
						LocalDate dueOn = late ? LocalDate.now().minusDays(1) : due;
						this.jdbc.update(order, items.get(0), caseId, INSTITUTION, dueOn, now);
						this.jdbc.update(order, items.get(1), caseId, OTHERS.get(i % OTHERS.size()), dueOn, now);
						String instance = this.engine.getRuntimeService()
							.createProcessInstanceByKey(JointDisciplineProcess.KEY)
							.businessKey(caseId)
							.setVariables(orderVariables(variables, caseId, items, late))
							.startBeforeActivity(BODY)
							.execute()
							.getId();
						this.jdbc.update("update discipline_case set process_instance_id = ? where id = ?", instance,
								caseId);
					}
				}));
				double seconds = (System.nanoTime() - start) / 1e9;
				Benchmarks.vacuum(Benchmarks.url(this.context));
				return new BenchmarkTable.Result("product (its tables, listeners, deadlines)", cases, 2L * cases,
						seconds, Double.NaN, Double.NaN, Double.NaN, heap.peakMiB(),
						Benchmarks.databaseSize(this.context));
			}
		}

		@Override
		public List<BenchmarkTable.Latency> inbox(int runs) throws Exception {
			Api bank = new Api(this.base, "bank.icbc");
			Api admin = new Api(this.base, "admin");
			String rest = "/engine-rest/task?candidateGroup=" + GROUP + "&sortBy=dueDate&sortOrder=asc";
			return List.of(
					BenchmarkTable.latency("product GET /api/tasks (first page, with total)", 20, runs,
							() -> bank.get("/api/tasks").path("total").asLong()),
					BenchmarkTable.latency("product GET /api/tasks?overdue=true (filtered page)", 20, runs,
							() -> bank.get("/api/tasks?overdue=true").path("total").asLong()),
					BenchmarkTable.latency("product GET /api/tasks?page=200 (deep page)", 20, runs,
							() -> bank.get("/api/tasks?page=200").path("total").asLong()),
					BenchmarkTable.latency("Camunda REST /engine-rest/task (same data, first 20)", 20, runs,
							() -> admin.get(rest + "&firstResult=0&maxResults=20").size()),
					BenchmarkTable.latency("Camunda REST /engine-rest/task/count (same data)", 20, runs,
							() -> admin.get("/engine-rest/task/count?candidateGroup=" + GROUP).path("count").asLong()));
		}

		@Override
		public TimerRun timers(int expected) throws Exception {
			String count = "select count(*) from audit_event where action in ('ORDER_REMINDED', 'ORDER_ESCALATED')";
			try (ConfigurableApplicationContext second = Benchmarks.node(PRODUCT_DB, "node2")) {
				List<JobExecutor> executors = List.of(jobExecutor(this.engine),
						jobExecutor(second.getBean(ProcessEngine.class)));
				long start = System.nanoTime();
				executors.forEach(JobExecutor::start);
				double seconds = waitFor(expected, () -> this.jdbc.queryForObject(count, Long.class), start);
				// let anything still in flight finish, then look for a second firing
				Thread.sleep(2000);
				executors.forEach(JobExecutor::shutdown);
				long fired = this.jdbc.queryForObject(count, Long.class);
				long distinct = this.jdbc.queryForObject(
						"select count(*) from (select distinct entity_id, action from audit_event where action in ('ORDER_REMINDED', 'ORDER_ESCALATED')) d",
						Long.class);
				return new TimerRun("product (2 nodes: audit, notices, order rows)", expected, seconds, fired,
						fired - distinct);
			}
			finally {
				// the second node's engine has this one's name: closing it took the name
				// out of the registry that /engine-rest looks engines up in
				RuntimeContainerDelegate container = RuntimeContainerDelegate.INSTANCE.get();
				if (container.getProcessEngineService().getProcessEngine(this.engine.getName()) == null) {
					container.registerProcessEngine(this.engine);
				}
			}
		}

		@Override
		public BenchmarkTable.Result answer(int answers, int threads) throws Exception {
			List<String> tasks = openTasks(this.engine.getTaskService());
			ThreadLocal<Api> clients = ThreadLocal.withInitial(() -> {
				try {
					return new Api(this.base, (Thread.currentThread().getId() % 2 == 0) ? "bank.icbc" : "bank.icbc2");
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			});
			return BenchmarkTable.measure("product POST /api/tasks/{id}/complete", answers, 0, threads, (i) -> {
				clients.get().post("/api/tasks/" + tasks.get(i) + "/complete", "{\"outcome\":\"NOTHING_TO_APPLY\"}");
				return 1;
			}, () -> Benchmarks.databaseSize(this.context));
		}

	}

	/**
	 * The same model on plain Camunda: the same seeding and work through its Java API.
	 */
	private static final class Plain implements Subject {

		private final PlainCamunda plain;

		Plain(PlainCamunda plain) {
			this.plain = plain;
		}

		@Override
		public BenchmarkTable.Result seed(int cases, int lateCases, int threads) throws Exception {
			Instant due = Instant.now().plus(3, ChronoUnit.DAYS);
			Map<String, Object> template = Map.of("officerGroup", "QD-PSB-LS:POLICE_OFFICER", "orderDueAt",
					Date.from(due), "orderReminderAt", Date.from(due.minus(1, ChronoUnit.DAYS)), "termEndsAt",
					Date.from(Instant.now().plus(730, ChronoUnit.DAYS)), "merged", false);
			long start = System.nanoTime();
			try (Benchmarks.HeapPeak heap = new Benchmarks.HeapPeak()) {
				inBatches(cases, threads, (from, to) -> {
					for (int i = from; i < to; i++) {
						String caseId = "plain-" + i;
						List<String> items = List.of(INSTITUTION + "/" + caseId,
								OTHERS.get(i % OTHERS.size()) + "/" + caseId);
						this.plain.engine.getRuntimeService()
							.createProcessInstanceByKey(JointDisciplineProcess.KEY)
							.businessKey(caseId)
							.setVariables(orderVariables(template, caseId, items, i < lateCases))
							.startBeforeActivity(BODY)
							.execute();
					}
				});
				double seconds = (System.nanoTime() - start) / 1e9;
				Benchmarks.vacuum(this.plain.url);
				return new BenchmarkTable.Result("plain Camunda (same BPMN, Java API)", cases, 2L * cases, seconds,
						Double.NaN, Double.NaN, Double.NaN, heap.peakMiB(), Benchmarks.databaseSize(this.plain.url));
			}
		}

		@Override
		public List<BenchmarkTable.Latency> inbox(int runs) throws Exception {
			var tasks = this.plain.engine.getTaskService();
			return List.of(
					BenchmarkTable.latency("plain Camunda TaskService: candidate group, due date, first 20", 20, runs,
							() -> tasks.createTaskQuery()
								.taskCandidateGroup(GROUP)
								.orderByDueDate()
								.asc()
								.listPage(0, 20)
								.size()),
					BenchmarkTable.latency("plain Camunda TaskService: count", 20, runs,
							() -> tasks.createTaskQuery().taskCandidateGroup(GROUP).count()));
		}

		@Override
		public TimerRun timers(int expected) throws Exception {
			long start = System.nanoTime();
			try (PlainCamunda first = this.plain.node(); PlainCamunda second = this.plain.node()) {
				double seconds = waitFor(expected, () -> this.plain.fired.size(), start);
				Thread.sleep(2000);
				long fired = this.plain.fired.values().stream().mapToLong((n) -> n.get()).sum();
				return new TimerRun("plain Camunda (2 engines, counting delegates)", expected, seconds, fired,
						this.plain.firedTwice());
			}
		}

		@Override
		public BenchmarkTable.Result answer(int answers, int threads) throws Exception {
			var service = this.plain.engine.getTaskService();
			List<String> tasks = openTasks(service);
			return BenchmarkTable.measure("plain Camunda TaskService.complete", answers, 0, threads, (i) -> {
				service.complete(tasks.get(i), Map.of("outcome", "NOTHING_TO_APPLY"));
				return 1;
			}, () -> Benchmarks.databaseSize(this.plain.url));
		}

	}

	/** The institution's open tasks, oldest first: the ones its officers answer. */
	static List<String> openTasks(TaskService tasks) {
		return tasks.createTaskQuery()
			.taskCandidateGroup(GROUP)
			.orderByTaskCreateTime()
			.asc()
			.list()
			.stream()
			.map(Task::getId)
			.toList();
	}

	private static JobExecutor jobExecutor(ProcessEngine engine) {
		return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
	}

	/**
	 * A signed-in API client: session cookie and CSRF token, as the portal holds them.
	 */
	static final class Api {

		private final CookieManager cookies = new CookieManager();

		private final HttpClient http = HttpClient.newBuilder().cookieHandler(this.cookies).build();

		private final String base;

		Api(String base, String username) throws Exception {
			this.base = base;
			send(HttpRequest.newBuilder(URI.create(base + "/api/session")).GET(), 200);
			post("/api/session", "{\"username\":\"" + username + "\",\"password\":\"Demo@2026\"}");
		}

		JsonNode get(String path) throws Exception {
			return JSON.readTree(send(HttpRequest.newBuilder(URI.create(this.base + path)).GET(), 200));
		}

		void post(String path, String json) throws Exception {
			String token = this.cookies.getCookieStore()
				.getCookies()
				.stream()
				.filter((cookie) -> cookie.getName().equals("XSRF-TOKEN"))
				.map(HttpCookie::getValue)
				.findFirst()
				.orElseThrow();
			send(HttpRequest.newBuilder(URI.create(this.base + path))
				.header("Content-Type", "application/json")
				.header("X-XSRF-TOKEN", token)
				.POST(HttpRequest.BodyPublishers.ofString(json)), -1);
		}

		private String send(HttpRequest.Builder request, int expected) throws Exception {
			HttpResponse<String> response = this.http.send(request.header("Accept", "application/json").build(),
					HttpResponse.BodyHandlers.ofString());
			if ((expected > 0 && response.statusCode() != expected) || response.statusCode() >= 300) {
				throw new IllegalStateException(
						request.build().uri() + " answered " + response.statusCode() + ": " + response.body());
			}
			return response.body();
		}

	}

}
