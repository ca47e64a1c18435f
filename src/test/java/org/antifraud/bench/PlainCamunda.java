package org.antifraud.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.antifraud.Benchmarks;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * The product's joint-discipline BPMN on a standalone Camunda engine with no product
 * code: what a team would have with Camunda alone. The expressions the model calls
 * resolve to small stand-ins that set the variables the model reads; the reminder and
 * escalation stand-ins count how often each fired.
 */
final class PlainCamunda implements AutoCloseable {

	static final String PROCESS = "processes/JointDisciplineProcess.bpmn";

	/** The institutions in scope of a case, as in the demo seeds. */
	static final List<String> INSTITUTIONS = List.of("ICBC-QD", "ABC-QD", "BOC-QD", "CCB-QD", "BOCOM-QD", "PSBC-QD",
			"QDB", "QRCB", "ALIPAY", "TENPAY", "CMCC-QD", "CUCC-QD", "CTC-QD", "CBN-QD");

	final ProcessEngine engine;

	final String url;

	private final String history;

	/** Reminder and escalation runs per item and activity. */
	final Map<String, AtomicInteger> fired;

	private PlainCamunda(String url, Map<String, AtomicInteger> fired, boolean jobExecutor, String history) {
		this.url = url;
		this.fired = fired;
		this.history = history;
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
			.createStandaloneProcessEngineConfiguration()
			.setJdbcUrl(url)
			.setJdbcUsername(Benchmarks.user())
			.setJdbcPassword("")
			.setJdbcDriver(url.startsWith("jdbc:h2") ? "org.h2.Driver" : "org.postgresql.Driver")
			.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
			.setJobExecutorActivate(jobExecutor)
			.setHistory(history);
		configuration.setJdbcMaxActiveConnections(20);
		configuration.setBeans(new HashMap<>(beans()));
		this.engine = configuration.buildProcessEngine();
	}

	/** A fresh database with the model deployed, full history (Camunda's default). */
	static PlainCamunda create(String database) throws Exception {
		return create(database, ProcessEngineConfiguration.HISTORY_FULL);
	}

	/** A fresh database with the model deployed, at {@code history} level. */
	static PlainCamunda create(String database, String history) throws Exception {
		PlainCamunda plain = new PlainCamunda(Benchmarks.createDatabase(database), new ConcurrentHashMap<>(), false,
				history);
		try (InputStream model = Files.newInputStream(Path.of(PROCESS))) {
			plain.engine.getRepositoryService()
				.createDeployment()
				.addInputStream("JointDisciplineProcess.bpmn", model)
				.deploy();
		}
		return plain;
	}

	/** One more engine on the same database with its job executor running. */
	PlainCamunda node() {
		return new PlainCamunda(this.url, this.fired, true, this.history);
	}

	long firedTwice() {
		return this.fired.values().stream().filter((count) -> count.get() > 1).count();
	}

	long firedOnce() {
		return this.fired.values().stream().filter((count) -> count.get() == 1).count();
	}

	@Override
	public void close() throws IOException {
		this.engine.close();
	}

	private Map<String, Object> beans() {
		JavaDelegate nothing = (execution) -> {
		};
		JavaDelegate counting = (execution) -> this.fired
			.computeIfAbsent(execution.getVariable("itemId") + "/" + execution.getCurrentActivityId(),
					(key) -> new AtomicInteger())
			.incrementAndGet();
		return Map.ofEntries(Map.entry("deadlines", new Deadlines()), Map.entry("executionOrders", new Groups()),
				Map.entry("determineMeasuresDelegate", nothing), Map.entry("remindInstitutionDelegate", counting),
				Map.entry("escalateOverdueOrderDelegate", counting), Map.entry("markDisciplineActiveDelegate", nothing),
				Map.entry("issueLiftingOrdersDelegate", nothing), Map.entry("closeDisciplineCaseDelegate", nothing),
				Map.entry("issueExecutionOrdersDelegate", (JavaDelegate) PlainCamunda::issueOrders));
	}

	private static void issueOrders(DelegateExecution execution) {
		Instant due = Instant.now().plus(3, ChronoUnit.DAYS);
		List<String> items = new ArrayList<>();
		INSTITUTIONS.forEach((institution) -> items.add(institution + "/" + execution.getBusinessKey()));
		execution.setVariable("itemIds", items);
		execution.setVariable("orderDueAt", Date.from(due));
		execution.setVariable("orderReminderAt", Date.from(due.minus(1, ChronoUnit.DAYS)));
		execution.setVariable("merged", false);
		execution.setVariable("termEndsAt", Date.from(Instant.now().plus(730, ChronoUnit.DAYS)));
	}

	/** Stand-in for the product's working-day deadlines: three calendar days on. */
	public static final class Deadlines {

		public Date due(String kind) {
			return Date.from(Instant.now().plus(3, ChronoUnit.DAYS));
		}

	}

	/**
	 * Stand-in for the order's candidate group: the institution's officers; an item is
	 * {@code INSTITUTION/...}.
	 */
	public static final class Groups {

		public String candidateGroup(String item) {
			return item.substring(0, item.indexOf('/')) + ":BANK_OFFICER";
		}

	}

}
