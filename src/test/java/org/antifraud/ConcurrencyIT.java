package org.antifraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.antifraud.common.NumberSequences;
import org.antifraud.document.IssuedLetter;
import org.antifraud.document.LetterDraft;
import org.antifraud.document.LetterType;
import org.antifraud.document.Letters;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Races that a city deployment meets: two people completing the same task, two nodes
 * firing the same timer, parallel case numbering. The data stays whole. Runs on
 * PostgreSQL in the failsafe run and on H2 otherwise.
 */
class ConcurrencyIT extends ApplicationTestSupport {

	@Autowired
	private NumberSequences numbers;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private Letters letters;

	@Test
	void sameTaskCompletedTwiceAtOnceIsAnsweredOnce() throws Exception {
		String caseId = fileCase("POLICE_DETERMINED", residentId());
		approveAndServe(caseId);
		String taskId = task("bank.icbc", caseId, "Task_AnswerExecutionOrder");
		List<Integer> statuses = race(2,
				() -> this.mvc
					.perform(as("bank.icbc",
							org.springframework.test.web.servlet.request.MockMvcRequestBuilders
								.post("/api/tasks/" + taskId + "/complete")
								.contentType("application/json")
								.content("{\"outcome\":\"APPLIED\",\"affectedIdentifiers\":\"6222020200112233445\"}")))
					.andReturn()
					.getResponse()
					.getStatus());
		assertThat(statuses).containsOnlyOnce(204);
		assertThat(statuses).allMatch((status) -> status == 204 || status == 409);
		JsonNode order = detail("bank.icbc", caseId).path("orders").get(0);
		assertThat(order.path("status").asText()).isEqualTo("ANSWERED");
		assertThat(auditCount(caseId, "ORDER_ANSWERED")).isEqualTo(1);
	}

	@Test
	void twoNodesFiringTheSameTimerEscalateOnce() throws Exception {
		String caseId = fileCase("POLICE_DETERMINED", residentId());
		approveAndServe(caseId);
		moveTo(LocalDateTime.of(2026, 10, 9, 0, 1));
		List<Job> timers = this.engine.getManagementService()
			.createJobQuery()
			.processInstanceId(processInstance(caseId))
			.timers()
			.executable()
			.list();
		assertThat(timers).isNotEmpty();
		var clock = ClockUtil.getCurrentTime();
		for (Job timer : timers) {
			race(2, () -> {
				ClockUtil.setCurrentTime(clock);
				try {
					this.engine.getManagementService().executeJob(timer.getId());
					return 1;
				}
				catch (RuntimeException ex) {
					return 0;
				}
			});
		}
		runJobs();
		int orders = detail("supervisor.city", caseId).path("orders").size();
		assertThat(auditCount(caseId, "ORDER_ESCALATED")).isEqualTo(orders);
		assertThat(auditCount(caseId, "ORDER_REMINDED")).isEqualTo(orders);
		assertThat(postJson("admin", "/api/audit/verify", Map.of(), 200).path("valid").asBoolean()).isTrue();
	}

	@Test
	void parallelNumbersHaveNoDuplicateAndNoGap() throws Exception {
		String sequence = "test-" + System.nanoTime();
		List<Long> drawn = new ArrayList<>();
		for (List<Long> batch : race(8, () -> {
			List<Long> mine = new ArrayList<>();
			for (int i = 0; i < 25; i++) {
				mine.add(this.transactions.execute((status) -> this.numbers.next(sequence)));
			}
			return mine;
		})) {
			drawn.addAll(batch);
		}
		Set<Long> unique = new HashSet<>(drawn);
		assertThat(unique).hasSize(200);
		assertThat(unique).allMatch((n) -> n >= 1 && n <= 200);
	}

	private long auditCount(String caseId, String action) {
		return this.jdbc.sql("select count(*) from audit_event where case_ref = ? and action = ?")
			.params(caseId, action)
			.query(Long.class)
			.single();
	}

	/** Runs the same work on several threads released at the same instant. */
	@Test
	void lettersIssuedAtOnceGetConsecutiveNumbersWithoutGapOrDuplicate() throws Exception {
		int threads = 8;
		int perThread = 3;
		List<List<String>> results = race(threads, () -> {
			List<String> numbers = new ArrayList<>();
			for (int i = 0; i < perThread; i++) {
				numbers.add(this.transactions
					.execute((status) -> this.letters.issue(rectificationNotice("QD-JO-2026-RECT-99999")))
					.number());
			}
			return numbers;
		});
		List<Integer> sequence = results.stream()
			.flatMap(List::stream)
			.map(ConcurrencyIT::sequenceOf)
			.sorted()
			.toList();
		assertThat(sequence).hasSize(threads * perThread).doesNotHaveDuplicates();
		assertThat(sequence.get(sequence.size() - 1) - sequence.get(0)).isEqualTo(threads * perThread - 1);
	}

	/**
	 * A letter's number is drawn as its step commits: a step issuing one does not wait
	 * for another step of the same issuer that issued one and is still at work (drawn at
	 * issue, the second would wait on the sequence's row lock until the first commits).
	 */
	@Test
	void aStepIssuingALetterDoesNotWaitForAnotherStillOpenAndNumbersFollowCommits() throws Exception {
		CountDownLatch issued = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<IssuedLetter> open = pool.submit(() -> this.transactions.execute((status) -> {
				IssuedLetter letter = this.letters.issue(rectificationNotice("QD-JO-2026-RECT-99996"));
				issued.countDown();
				try {
					assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
				}
				catch (InterruptedException ex) {
					throw new IllegalStateException(ex);
				}
				return letter;
			}));
			assertThat(issued.await(30, TimeUnit.SECONDS)).isTrue();
			IssuedLetter second = pool
				.submit(() -> this.transactions
					.execute((status) -> this.letters.issue(rectificationNotice("QD-JO-2026-RECT-99995"))))
				.get(10, TimeUnit.SECONDS);
			release.countDown();
			IssuedLetter first = open.get(30, TimeUnit.SECONDS);
			assertThat(sequenceOf(first.number())).isEqualTo(sequenceOf(second.number()) + 1);
			assertThat(storedNumber(first.id())).isEqualTo(first.number());
			assertThat(storedNumber(second.id())).isEqualTo(second.number());
		}
		finally {
			release.countDown();
			pool.shutdownNow();
		}
	}

	/**
	 * A step that fails after issuing letters draws no number; letters of one step are
	 * numbered in the order it issued them, and a step that needs a number gets it inside
	 * its transaction.
	 */
	@Test
	void aRolledBackStepDrawsNoNumberAndOneStepsLettersAreNumberedInOrder() {
		int before = sequenceOf(
				this.transactions.execute((status) -> this.letters.issue(rectificationNotice("QD-JO-2026-RECT-99994")))
					.number());
		IssuedLetter rolledBack = this.transactions.execute((status) -> {
			IssuedLetter letter = this.letters.issue(rectificationNotice("QD-JO-2026-RECT-99993"));
			status.setRollbackOnly();
			return letter;
		});
		assertThatIllegalStateException().isThrownBy(rolledBack::number);
		List<String> seen = new ArrayList<>();
		List<IssuedLetter> step = this.transactions.execute((status) -> {
			List<IssuedLetter> issued = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				IssuedLetter letter = this.letters.issue(rectificationNotice("QD-JO-2026-RECT-9999" + i));
				letter.whenNumbered(seen::add);
				issued.add(letter);
			}
			assertThat(seen).isEmpty();
			return issued;
		});
		assertThat(step).extracting((letter) -> sequenceOf(letter.number()))
			.containsExactly(before + 1, before + 2, before + 3);
		assertThat(seen).containsExactlyElementsOf(step.stream().map(IssuedLetter::number).toList());
		assertThat(this.jdbc.sql("select count(*) from document where id = ?")
			.param(rolledBack.id())
			.query(Long.class)
			.single()).isZero();
	}

	private static LetterDraft rectificationNotice(String caseNumber) {
		return new LetterDraft(LetterType.RECTIFICATION_NOTICE, "QD-JO", "test", "numbering", "青岛农村商业银行股份有限公司",
				Map.of("problems", "涉诈账户处置不及时", "basis", "《中华人民共和国反电信网络诈骗法》第十八条", "requirements", "全面排查存量账户",
						"deadline", "2026年12月31日", "reportText", "", "caseNumber", caseNumber),
				Set.of());
	}

	private static int sequenceOf(String number) {
		return Integer.parseInt(number.replaceAll(".*〕(\\d+)号", "$1"));
	}

	private String storedNumber(String id) {
		return this.jdbc.sql("select number from document where id = ?").param(id).query(String.class).single();
	}

	@Test
	void aLetterCorrectedTwiceAtOnceIsSupersededOnce() throws Exception {
		String id = this.transactions.execute(
				(status) -> this.letters
					.issue(new LetterDraft(LetterType.RECTIFICATION_NOTICE, "QD-JO", "test", "correction-race",
							"青岛农村商业银行股份有限公司",
							Map.of("problems", "涉诈账户处置不及时", "basis", "《中华人民共和国反电信网络诈骗法》第十八条", "requirements",
									"全面排查存量账户", "deadline", "2026年12月31日", "reportText", "", "caseNumber",
									"QD-JO-2026-RECT-99998"),
							Set.of()))
					.id());
		List<Integer> statuses = race(4,
				() -> this.mvc
					.perform(as("office.city",
							org.springframework.test.web.servlet.request.MockMvcRequestBuilders
								.post("/api/documents/" + id + "/corrections")
								.contentType("application/json")
								.content("{\"fields\":{\"deadline\":\"2027年1月15日\"},\"reason\":\"整改期限有误\"}")))
					.andReturn()
					.getResponse()
					.getStatus());
		assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 409);
		assertThat(this.jdbc.sql("select count(*) from document where supersedes = ?")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private <T> List<T> race(int threads, Callable<T> work) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				futures.add(pool.submit(() -> {
					start.await();
					return work.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
