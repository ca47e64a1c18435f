package org.antifraud.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.antifraud.Benchmarks;
import org.antifraud.agency.Role;
import org.antifraud.security.Actor;
import org.antifraud.workflow.internal.TaskCommandsAccess;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The long-run check: one simulated year of a Qingdao-sized city through the product on
 * PostgreSQL, then the size of the runtime and history tables and the inbox latency at
 * the end. At {@code -Dscale=1} (the default): 20,000 determinations, each filed,
 * reviewed, approved, served and fanned out to its institutions, whose orders are
 * answered (one in twenty is left open, as late banks leave them); 500 public-interest
 * litigation cases and 300 rectification orders started. {@code -Dscale=0.1} runs a
 * tenth. Not a test: run it with the command in docs/performance.md.
 */
public final class YearBenchmark {

	private static final String DATABASE = "antifraud_bench_year";

	private YearBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		double scale = Double.parseDouble(System.getProperty("scale", "1"));
		int threads = Integer.getInteger("threads", 4);
		int determinations = (int) Math.round(20_000 * scale);
		int pil = (int) Math.round(500 * scale);
		int rectifications = (int) Math.round(300 * scale);
		try (ConfigurableApplicationContext context = Benchmarks.start(DATABASE)) {
			ProcessEngine engine = context.getBean(ProcessEngine.class);
			TaskCommandsAccess tasks = new TaskCommandsAccess(context);
			FanOutBenchmark.CaseFiler filer = FanOutBenchmark.fileToOrders(context);
			List<BenchmarkTable.Result> phases = new ArrayList<>();
			String size = "select count(*) from execution_order";
			phases.add(BenchmarkTable.measure("determinations to orders, orders answered", determinations, 0, threads,
					(i) -> answer(engine, tasks, filer.file(i), i), () -> Benchmarks.databaseSize(context)));
			OrdersBenchmark.Api procurator = new OrdersBenchmark.Api(base(context), "procurator.city");
			OrdersBenchmark.Api office = new OrdersBenchmark.Api(base(context), "office.city");
			phases.add(BenchmarkTable.measure("PIL cases filed", pil, 0, 1, (i) -> {
				procurator.post("/api/pil-cases", "{\"source\":\"JOINT_OFFICE_REFERRAL\",\"organCode\":\"NFRA-QD\","
						+ "\"factsOfHarm\":\"辖区银行网点对涉诈账户监测不力，致群众财产损失（" + i + "）\",\"relatedCases\":[]}");
				return 1;
			}, () -> Benchmarks.databaseSize(context)));
			phases.add(BenchmarkTable.measure("rectification orders issued", rectifications, 0, 1, (i) -> {
				office.post("/api/rectifications", "{\"unitCode\":\"ICBC-QD\",\"problems\":\"涉诈账户排查不到位（" + i + "）\","
						+ "\"requiredMeasures\":\"全面排查存量账户\",\"deadlineWorkingDays\":10}");
				return 1;
			}, () -> Benchmarks.databaseSize(context)));
			String url = Benchmarks.url(context);
			long indexBacklog = Benchmarks.count(url, Benchmarks.SEARCH_PENDING);
			double letters = Benchmarks.awaitZero(url, Benchmarks.LETTERS_PENDING);
			System.out.printf(Locale.ROOT, "letters rendered %.1f s after the last step%n", letters);
			double indexed = letters + Benchmarks.awaitZero(url, Benchmarks.SEARCH_PENDING);
			System.out.printf(Locale.ROOT,
					"search index: %,d change events pending at the last step, all indexed %.1f s after it%n",
					indexBacklog, indexed);
			Benchmarks.vacuum(url);
			BenchmarkTable.print("One year at scale " + scale + " on " + threads + " threads ("
					+ Benchmarks.count(url, size) + " execution orders)", "items", "done", phases);
			Benchmarks.printTableSizes(url, "after the year");
			OrdersBenchmark.Api bank = new OrdersBenchmark.Api(base(context), "bank.icbc");
			// the PIL cases wait for the chief procurator's decision to file them
			OrdersBenchmark.Api chief = new OrdersBenchmark.Api(base(context), "procurator.chief");
			BenchmarkTable.printLatencies("Inboxes at the end of the year (200 runs each)",
					List.of(BenchmarkTable.latency("bank.icbc GET /api/tasks", 20, 200,
							() -> bank.get("/api/tasks").path("total").asLong()),
							BenchmarkTable.latency("procurator.chief GET /api/tasks", 20, 200,
									() -> chief.get("/api/tasks").path("total").asLong()),
							BenchmarkTable.latency("office.city GET /api/tasks", 20, 200,
									() -> office.get("/api/tasks").path("total").asLong()),
							BenchmarkTable.latency("procurator.city GET /api/tasks", 20, 200,
									() -> procurator.get("/api/tasks").path("total").asLong())));
		}
	}

	/**
	 * Answers the case's orders as each institution's officer would, all but one case in
	 * twenty; answers how many orders the case had.
	 */
	private static long answer(ProcessEngine engine, TaskCommandsAccess commands, String caseId, int index) {
		List<Task> orders = engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(caseId)
			.taskDefinitionKey("Task_AnswerExecutionOrder")
			.list();
		if (index % 20 != 19) {
			for (Task order : orders) {
				commands.complete(order.getId(), Map.of("outcome", "NOTHING_TO_APPLY"), officer(engine, order));
			}
		}
		return orders.size();
	}

	/** An officer of the institution the order's candidate group names. */
	private static Actor officer(ProcessEngine engine, Task task) {
		String group = engine.getTaskService()
			.getIdentityLinksForTask(task.getId())
			.stream()
			.filter((link) -> IdentityLinkType.CANDIDATE.equals(link.getType()))
			.map(IdentityLink::getGroupId)
			.findFirst()
			.orElseThrow();
		String[] parts = group.split(":");
		return new Actor("bench." + parts[0].toLowerCase(Locale.ROOT), "基准专员", parts[0],
				Set.of(Role.valueOf(parts[1])));
	}

	private static String base(ConfigurableApplicationContext context) {
		return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
	}

}
