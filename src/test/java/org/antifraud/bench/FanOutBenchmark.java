package org.antifraud.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.antifraud.Benchmarks;
import org.antifraud.TestData;
import org.antifraud.agency.User;
import org.antifraud.agency.UserDirectory;
import org.antifraud.common.Now;
import org.antifraud.discipline.Determinations;
import org.antifraud.discipline.FilingRequest;
import org.antifraud.security.Actor;
import org.antifraud.workflow.internal.TaskCommandsAccess;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Fan-out: discipline cases taken from determination to their execution orders, through
 * the product's own services, and the same BPMN driven through Camunda's plain Java API
 * (RuntimeService/TaskService, service tasks as bare delegates that only set the
 * variables the model reads) in the same run, on the same PostgreSQL. Prints one table
 * with throughput, per-case p50/p95/p99, peak heap and database size, and the ratio. Not
 * a test: run it with the command in docs/performance.md.
 */
public final class FanOutBenchmark {

	private static final String PRODUCT_DB = "antifraud_bench_fanout";

	private static final String PLAIN_DB = "antifraud_bench_plain";

	/**
	 * The product's threads by name: the benchmark's case threads and its own workers.
	 */
	private static final Map<String, String> PRODUCT_THREADS = new LinkedHashMap<>();

	static {
		PRODUCT_THREADS.put("case threads", "pool-");
		PRODUCT_THREADS.put("letter rendering", "letter-render-");
		PRODUCT_THREADS.put("search index", "search-index-");
		PRODUCT_THREADS.put("Lucene merges", "Lucene Merge");
		PRODUCT_THREADS.put("async listeners", "task-");
	}

	private FanOutBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int cases = Integer.getInteger("cases", 10_000);
		int threads = Integer.getInteger("threads", 4);
		int warmup = Math.min(200, Math.max(20, cases / 20));
		List<BenchmarkTable.Result> results = new ArrayList<>();
		List<Map<String, Double>> cpu = new ArrayList<>();
		try (ConfigurableApplicationContext context = Benchmarks.start(PRODUCT_DB)) {
			BenchmarkTable.Case run = productCase(context);
			BenchmarkTable.warmUp(run, cases, warmup);
			try (CpuUse use = CpuUse.start()) {
				BenchmarkTable.Result product = BenchmarkTable.measure("product (services, forms, audit, letters)",
						cases, 0, threads, run, () -> Benchmarks.databaseSize(context));
				results.add(product);
				// the letters are rendered after each step commits: the run is over when
				// they are
				double drain = Benchmarks.awaitZero(Benchmarks.url(context), Benchmarks.LETTERS_PENDING);
				results.add(new BenchmarkTable.Result("product, until every letter is rendered", cases,
						product.produced(), product.seconds() + drain, product.p50(), product.p95(), product.p99(),
						product.peakHeapMiB(), Benchmarks.databaseSize(context)));
				cpu.add(use.perItem(cases, PRODUCT_THREADS));
			}
		}
		// -Dplain=false: the product alone, e.g. to profile it; -DplainHistory=full,audit
		// runs plain Camunda at each level (full: Camunda's default; the product's own
		// default is audit)
		boolean withPlain = Boolean.parseBoolean(System.getProperty("plain", "true"));
		List<String> levels = withPlain ? List.of(System.getProperty("plainHistory", "full").split(",")) : List.of();
		for (String level : levels) {
			results.add(plain(cases, warmup, threads, cpu, level));
		}
		BenchmarkTable.print("Fan-out on " + Benchmarks.databaseName() + ": " + cases + " cases on " + threads
				+ " threads, determination to execution orders", "cases", "orders", results);
		System.out.printf("%nCPU milliseconds per case (the product until every letter is rendered; warm-up cases'"
				+ " letters still rendering are in it)%n");
		CpuUse.print("product", cpu.get(0));
		for (int i = 0; i < levels.size(); i++) {
			String name = "plain Camunda, " + levels.get(i) + " history";
			CpuUse.print(name, cpu.get(1 + i));
			double plain = results.get(2 + i).perSecond();
			System.out.printf(Locale.ROOT,
					"product / %s throughput: %.2f with the orders out, %.2f with every letter rendered"
							+ " (budget: >= 0.5, and >= 200 cases/s); CPU per case: %.1f times plain Camunda's%n",
					name, results.get(0).perSecond() / plain, results.get(1).perSecond() / plain,
					cpu.get(0).get(CpuUse.MACHINE) / cpu.get(1 + i).get(CpuUse.MACHINE));
		}
	}

	/** One case through the product, as {@link #fileToOrders}; answers its orders. */
	static BenchmarkTable.Case productCase(ConfigurableApplicationContext context) {
		ProcessEngine engine = context.getBean(ProcessEngine.class);
		CaseFiler filer = fileToOrders(context);
		return (i) -> orders(engine, filer.file(i));
	}

	/**
	 * One case through the product: filed, reviewed, approved, its jobs run, its notice
	 * served and its jobs run again, so its execution orders are out; answers its id.
	 */
	static CaseFiler fileToOrders(ConfigurableApplicationContext context) {
		Determinations determinations = context.getBean(Determinations.class);
		TaskCommandsAccess tasks = new TaskCommandsAccess(context);
		ProcessEngine engine = context.getBean(ProcessEngine.class);
		UserDirectory users = context.getBean(UserDirectory.class);
		Actor police = actor(users, "police.laoshan");
		Actor legal = actor(users, "legal.laoshan");
		Actor leader = actor(users, "leader.city");
		return (i) -> {
			String caseId = determinations.file(filing(i), police);
			tasks.complete(task(engine, caseId, "Task_ReviewDetermination"), Map.of("decision", "APPROVE"), legal);
			tasks.complete(task(engine, caseId, "Task_ApproveDetermination"), Map.of("decision", "APPROVE"), leader);
			runJobs(engine, caseId);
			tasks.complete(task(engine, caseId, "Task_ServeNotice"),
					Map.of("servedOn", Now.today().toString(), "serviceMethod", "IN_PERSON"), police);
			runJobs(engine, caseId);
			return caseId;
		};
	}

	/** Files case number {@code i} and takes it to its execution orders. */
	@FunctionalInterface
	interface CaseFiler {

		String file(int i) throws Exception;

	}

	/** The same BPMN on a plain engine of its own, driven through its Java API. */
	private static BenchmarkTable.Result plain(int cases, int warmup, int threads, List<Map<String, Double>> cpu,
			String history) throws Exception {
		try (PlainCamunda plain = PlainCamunda.create(PLAIN_DB, history)) {
			ProcessEngine engine = plain.engine;
			TaskService taskService = engine.getTaskService();
			BenchmarkTable.Case run = (i) -> {
				String caseId = "plain-" + i;
				engine.getRuntimeService()
					.startProcessInstanceByKey("JointDisciplineProcess", caseId,
							Variables.createVariables()
								.putValue("caseId", caseId)
								.putValue("officerGroup", "QD-PSB-LS:POLICE_OFFICER")
								.putValue("legalGroup", "QD-PSB-LS:POLICE_LEGAL")
								.putValue("leaderGroup", "QD-PSB:POLICE_LEADER")
								.putValue("provinceGroup", "SD-PSD:POLICE_LEADER")
								.putValue("belowThreshold", false));
				taskService.complete(task(engine, caseId, "Task_ReviewDetermination"), Map.of("decision", "APPROVE"));
				taskService.complete(task(engine, caseId, "Task_ApproveDetermination"), Map.of("decision", "APPROVE"));
				runJobs(engine, caseId);
				taskService.complete(task(engine, caseId, "Task_ServeNotice"),
						Map.of("servedOn", LocalDate.now().toString(), "serviceMethod", "IN_PERSON"));
				runJobs(engine, caseId);
				return orders(engine, caseId);
			};
			BenchmarkTable.warmUp(run, cases, warmup);
			try (CpuUse use = CpuUse.start()) {
				BenchmarkTable.Result result = BenchmarkTable.measure(
						"plain Camunda (Java API, " + history + " history)", cases, 0, threads, run,
						() -> Benchmarks.databaseSize(plain.url));
				cpu.add(use.perItem(cases, Map.of("case threads", "pool-")));
				return result;
			}
		}
	}

	private static FilingRequest filing(int i) {
		return new FilingRequest(new FilingRequest.Subject("基准" + i, TestData.residentId(), null), "POLICE_DETERMINED",
				new FilingRequest.Basis("青公(反诈)认字〔2026〕第" + i + "号", Now.today(), Now.today(), "出租银行卡供诈骗团伙使用"),
				List.of(new FilingRequest.InstrumentInput("BANK_ACCOUNT", TestData.cardNumber(), "ICBC-QD")), 3, 0);
	}

	private static String task(ProcessEngine engine, String businessKey, String key) {
		Task task = engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(businessKey)
			.taskDefinitionKey(key)
			.singleResult();
		if (task == null) {
			throw new IllegalStateException("No " + key + " for " + businessKey);
		}
		return task.getId();
	}

	/**
	 * Executes the case's jobs that are due now, as the job executor would. The case's
	 * jobs are read by its process instance alone and the due ones picked here: Camunda's
	 * {@code executable()} adds "due date null or past" to the query, and on the
	 * product's database, which has an index on the due date for job acquisition, the
	 * connections' plan for it read 3,356 pages a call over a 10,000-case run (30 ms of
	 * the database's time a case, none of it the product's work; 6 pages on plain
	 * Camunda's database, without that index).
	 */
	private static void runJobs(ProcessEngine engine, String businessKey) {
		ManagementService management = engine.getManagementService();
		String instance = engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceBusinessKey(businessKey)
			.singleResult()
			.getId();
		for (int round = 0; round < 20; round++) {
			Date now = ClockUtil.getCurrentTime();
			List<Job> jobs = management.createJobQuery()
				.processInstanceId(instance)
				.list()
				.stream()
				.filter((job) -> job.getRetries() > 0 && !job.isSuspended()
						&& (job.getDuedate() == null || !job.getDuedate().after(now)))
				.toList();
			if (jobs.isEmpty()) {
				return;
			}
			jobs.forEach((job) -> management.executeJob(job.getId()));
		}
	}

	private static int orders(ProcessEngine engine, String businessKey) {
		return (int) engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(businessKey)
			.taskDefinitionKey("Task_AnswerExecutionOrder")
			.count();
	}

	private static Actor actor(UserDirectory users, String username) {
		User user = users.find(username).orElseThrow();
		return new Actor(user.username(), user.displayName(), user.agencyCode(), user.roles());
	}

}
