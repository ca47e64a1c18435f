package org.antifraud.workflow.internal;

import java.sql.Connection;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import db.migration.V11__Inbox_task_open_tasks;
import org.antifraud.ApplicationTestSupport;
import org.antifraud.common.ApiException;
import org.antifraud.common.Now;
import org.antifraud.common.Page;
import org.antifraud.security.Actor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The inbox's own SQL answers what Camunda's task query answers for the same actor, in
 * the same order, whichever of its two shapes it takes.
 */
class TaskInboxTests extends ApplicationTestSupport {

	@Autowired
	private TaskInbox inbox;

	@Autowired
	private TaskService tasks;

	@Autowired
	private org.antifraud.agency.UserDirectory users;

	@Autowired
	private JdbcClient sql;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private TransactionTemplate transactions;

	@AfterEach
	void shapeBack() {
		this.inbox.small = TaskInbox.SMALL;
		this.inbox.cap = TaskInbox.COUNT_CAP;
	}

	/**
	 * A new task's inbox rows are written as its transaction commits; a task opened and
	 * closed in the same transaction leaves none.
	 */
	@Test
	void aTaskClosedInTheTransactionThatOpenedItLeavesNoInboxRow() {
		String key = "inbox-tx-" + System.nanoTime();
		String[] ids = new String[2];
		this.transactions.executeWithoutResult((status) -> {
			this.engine.getRuntimeService()
				.startProcessInstanceByKey("JointDisciplineProcess", key,
						Map.of("caseId", key, "officerGroup", "QD-PSB-LS:POLICE_OFFICER", "legalGroup",
								"QD-PSB-LS:POLICE_LEGAL", "leaderGroup", "QD-PSB:POLICE_LEADER", "provinceGroup",
								"SD-PSD:POLICE_LEADER", "belowThreshold", false));
			ids[0] = this.tasks.createTaskQuery().processInstanceBusinessKey(key).singleResult().getId();
			this.tasks.complete(ids[0], Map.of("decision", "APPROVE"));
			ids[1] = this.tasks.createTaskQuery().processInstanceBusinessKey(key).singleResult().getId();
		});
		try {
			assertThat(inboxRows(ids[0])).isZero();
			assertThat(inboxRows(ids[1])).isEqualTo(1);
		}
		finally {
			this.engine.getRuntimeService()
				.deleteProcessInstance(
						this.tasks.createTaskQuery().taskId(ids[1]).singleResult().getProcessInstanceId(), "test");
		}
		assertThat(inboxRows(ids[1])).isZero();
	}

	private long inboxRows(String taskId) {
		return this.sql.sql("select count(*) from inbox_task where task_id = ?")
			.param(taskId)
			.query(Long.class)
			.single();
	}

	@Test
	void sameTasksInTheSameOrderAsCamundasQueryInBothShapes() throws Exception {
		fileCases(3);
		Actor legal = actor("legal.laoshan");
		List<String> expected = camunda(legal, null, null);
		List<String> ofProcess = camunda(legal, "JointDisciplineProcess", null);
		assertThat(expected).hasSizeGreaterThanOrEqualTo(3);
		for (int small : List.of(TaskInbox.SMALL, 0)) {
			this.inbox.small = small;
			Page<TaskView> page = this.inbox.page(legal, null, false, null, Page.request(0, 200));
			assertThat(page.items().stream().map(TaskView::id).toList()).as("shape with small=" + small)
				.isEqualTo(expected);
			assertThat(page.total()).isEqualTo(expected.size());
			assertThat(page.totalCapped()).isNull();
			assertThat(this.inbox.page(legal, "JointDisciplineProcess", false, null, Page.request(0, 200))
				.items()
				.stream()
				.map(TaskView::id)
				.toList()).as("filtered, small=" + small).isEqualTo(ofProcess);
			// a filtered page: the second page of size 1 is the process's second task
			assertThat(this.inbox.page(legal, "JointDisciplineProcess", false, null, Page.request(1, 1))
				.items()
				.get(0)
				.id()).isEqualTo(ofProcess.get(1));
			Page<TaskView> filtered = this.inbox.page(legal, "JointDisciplineProcess", false, null,
					Page.request(0, 200));
			assertThat(filtered.total()).isEqualTo(ofProcess.size());
		}
		// another agency's officer sees none of them
		assertThat(this.inbox.page(actor("bank.qdb"), null, false, null, Page.request(0, 20)).items())
			.extracting(TaskView::id)
			.doesNotContainAnyElementsOf(expected);
	}

	@Test
	void overdueOnlyCountsAndListsWhatCamundaFindsDueBeforeNow() throws Exception {
		fileCases(2);
		// two months on, those reviews are overdue; one filed now is not
		moveTo(START.plusMonths(2));
		fileCase("POLICE_DETERMINED", residentId());
		Actor legal = actor("legal.laoshan");
		List<String> all = camunda(legal, null, null);
		List<String> overdue = camunda(legal, null, Date.from(Now.instant()));
		assertThat(overdue).hasSizeGreaterThanOrEqualTo(2).hasSizeLessThan(all.size());
		// the third: a large inbox whose few overdue tasks are found from the due dates
		for (int small : List.of(TaskInbox.SMALL, 0, overdue.size())) {
			this.inbox.small = small;
			Page<TaskView> page = this.inbox.page(legal, null, true, null, Page.request(0, 200));
			assertThat(page.items().stream().map(TaskView::id).toList()).as("shape with small=" + small)
				.isEqualTo(overdue);
			assertThat(page.total()).isEqualTo(overdue.size());
		}
	}

	@Test
	void aTaskRescheduledReprioritisedOrRegroupedMovesInBothShapes() throws Exception {
		fileCases(5);
		Actor legal = actor("legal.laoshan");
		Actor police = actor("police.laoshan");
		List<String> reviews = camunda(legal, null, null);
		String lastReview = reviews.get(reviews.size() - 1);
		// the last becomes urgent, the second-to-last due a day before the first
		this.tasks.setPriority(lastReview, 80);
		Task first = this.tasks.createTaskQuery().taskId(reviews.get(0)).singleResult();
		this.tasks.setDueDate(reviews.get(reviews.size() - 2),
				Date.from(first.getDueDate().toInstant().minus(1, ChronoUnit.DAYS)));
		// one review is handed to the police group as well, another leaves legal's inbox
		String legalGroup = legal.candidateGroups().get(0);
		this.tasks.addCandidateGroup(reviews.get(1), police.candidateGroups().get(0));
		this.tasks.deleteCandidateGroup(reviews.get(2), legalGroup);
		// a claim changes nothing in the order
		this.tasks.setAssignee(reviews.get(3), "legal.laoshan");
		// a group linked twice to one task counts it once
		this.tasks.addCandidateGroup(reviews.get(4), legalGroup);

		List<String> expected = camunda(legal, null, null);
		assertThat(expected.get(0)).isEqualTo(lastReview);
		assertThat(expected).doesNotContain(reviews.get(2));
		assertThat(camunda(police, null, null)).contains(reviews.get(1));
		for (int small : List.of(TaskInbox.SMALL, 0)) {
			this.inbox.small = small;
			for (Actor actor : List.of(legal, police)) {
				List<String> theirs = camunda(actor, null, null);
				Page<TaskView> all = this.inbox.page(actor, null, false, null, Page.request(0, 200));
				assertThat(ids(all)).as(actor.username() + ", small=" + small).isEqualTo(theirs);
				assertThat(all.total()).as(actor.username() + " total, small=" + small).isEqualTo(theirs.size());
				// beyond the cap the total says so, counted only as far as the cap
				this.inbox.cap = theirs.size() - 1;
				Page<TaskView> capped = this.inbox.page(actor, null, false, null, Page.request(0, 200));
				assertThat(capped.total()).isEqualTo(theirs.size() - 1);
				assertThat(capped.totalCapped()).isTrue();
				assertThat(ids(capped)).isEqualTo(theirs);
				this.inbox.cap = theirs.size();
				assertThat(this.inbox.page(actor, null, false, null, Page.request(0, 200)).totalCapped()).isNull();
				this.inbox.cap = TaskInbox.COUNT_CAP;
				// page by page of one task: each page reads only as far as its own end
				for (int k = 0; k < theirs.size(); k++) {
					assertThat(ids(this.inbox.page(actor, null, false, null, Page.request(k, 1))))
						.as(actor.username() + ", page " + k + ", small=" + small)
						.containsExactly(theirs.get(k));
				}
			}
		}
	}

	@Test
	void tasksOpenBeforeTheInboxKeptItsOrderAreCopiedInByTheMigration() throws Exception {
		fileCases(2);
		Actor legal = actor("legal.laoshan");
		List<String> expected = camunda(legal, null, null);
		this.inbox.small = 0;
		this.sql.sql("delete from inbox_task").update();
		// only the tasks assigned to the officer are left to be read
		assertThat(ids(this.inbox.page(legal, null, false, null, Page.request(0, 200))))
			.hasSizeLessThan(expected.size());

		try (Connection connection = this.dataSource.getConnection()) {
			new V11__Inbox_task_open_tasks().migrate(new Context() {
				@Override
				public Configuration getConfiguration() {
					return null;
				}

				@Override
				public Connection getConnection() {
					return connection;
				}
			});
		}
		assertThat(ids(this.inbox.page(legal, null, false, null, Page.request(0, 200)))).isEqualTo(expected);
	}

	@Test
	void aStandaloneTaskMadeInCamundasTasklistIsNeitherListedNorOpened() throws Exception {
		fileCases(1);
		Actor legal = actor("legal.laoshan");
		Map<String, Long> totals = new HashMap<>();
		shapes(legal).forEach((shape, page) -> totals.put(shape, page.total()));
		Task standalone = this.tasks.newTask();
		standalone.setName("在 Tasklist 中新建的任务");
		standalone.setAssignee(legal.username());
		standalone.setDueDate(Date.from(Now.instant().minus(3, ChronoUnit.DAYS)));
		this.tasks.saveTask(standalone);
		try {
			this.tasks.addCandidateGroup(standalone.getId(), legal.candidateGroups().get(0));
			shapes(legal).forEach((shape, page) -> {
				assertThat(ids(page)).as(shape).doesNotContain(standalone.getId());
				// nor counted: the total is the product's tasks only
				assertThat(page.total()).as(shape).isEqualTo(totals.get(shape));
			});
			assertThatThrownBy(() -> this.inbox.task(standalone.getId(), legal)).isInstanceOf(ApiException.class);
		}
		finally {
			this.tasks.deleteTask(standalone.getId(), true);
		}
	}

	/**
	 * One engine command reads what a task's actor and handler need: the task with its
	 * form, its execution order (the multi-instance item) and its case; nothing for an
	 * actor who is not its candidate or assignee, nor for a task no longer open.
	 */
	@Test
	void anOpenTaskIsSeenWithItsFormItemAndCaseByItsCandidatesOnly() throws Exception {
		String caseId = fileCase("POLICE_DETERMINED", residentId());
		approveAndServe(caseId);
		Task order = this.tasks.createTaskQuery()
			.processInstanceBusinessKey(caseId)
			.taskDefinitionKey("Task_AnswerExecutionOrder")
			.taskCandidateGroup("ICBC-QD:BANK_OFFICER")
			.singleResult();
		String item = (String) this.tasks.getVariable(order.getId(), TaskInbox.ITEM_VARIABLE);

		TaskInbox.Seen seen = this.inbox.seen(order.getId(), actor("bank.icbc"));

		assertThat(seen.task().getCamundaFormRef().getKey()).isEqualTo("answer-execution-order");
		assertThat(seen.ref()).isEqualTo(new org.antifraud.workflow.TaskRef(order.getId(), "Task_AnswerExecutionOrder",
				"JointDisciplineProcess", order.getProcessInstanceId(), caseId, item));
		assertThat(item).isNotBlank();
		assertThat(this.inbox.seen(order.getId(), actor("bank.qdb"))).isNull();
		assertThat(this.inbox.seen(order.getId(), actor("legal.laoshan"))).isNull();
		this.tasks.setAssignee(order.getId(), "bank.icbc2");
		assertThat(this.inbox.seen(order.getId(), actor("bank.icbc2")).ref().itemId()).isEqualTo(item);
		this.tasks.complete(order.getId(), Map.of("outcome", "APPLIED", "affectedIdentifiers", "x"));
		assertThat(this.inbox.seen(order.getId(), actor("bank.icbc"))).isNull();
	}

	/**
	 * The actor's first page in each shape (short and large inbox), all tasks and overdue
	 * only, by the shape's name.
	 */
	private Map<String, Page<TaskView>> shapes(Actor actor) {
		Map<String, Page<TaskView>> pages = new LinkedHashMap<>();
		for (int small : List.of(TaskInbox.SMALL, 0)) {
			for (boolean overdue : List.of(false, true)) {
				this.inbox.small = small;
				pages.put("small=" + small + ", overdue=" + overdue,
						this.inbox.page(actor, null, overdue, null, Page.request(0, 200)));
			}
		}
		return pages;
	}

	/** Files determinations: each opens a review in legal.laoshan's inbox. */
	private void fileCases(int count) throws Exception {
		for (int i = 0; i < count; i++) {
			fileCase("POLICE_DETERMINED", residentId());
		}
	}

	private static List<String> ids(Page<TaskView> page) {
		return page.items().stream().map(TaskView::id).toList();
	}

	/**
	 * What Camunda's own task query answers for the actor, optionally of one process and
	 * due before a time: the oracle.
	 */
	private List<String> camunda(Actor actor, String processKey, Date dueBefore) {
		TaskQuery query = this.tasks.createTaskQuery()
			.or()
			.taskCandidateGroupIn(actor.candidateGroups())
			.includeAssignedTasks()
			.taskAssignee(actor.username())
			.endOr();
		if (processKey != null) {
			query.processDefinitionKey(processKey);
		}
		if (dueBefore != null) {
			query.dueBefore(dueBefore);
		}
		return query.orderByTaskPriority()
			.desc()
			.orderByDueDate()
			.asc()
			.orderByTaskCreateTime()
			.asc()
			// ties (a test's frozen clock) by id, as the inbox breaks them
			.orderByTaskId()
			.asc()
			.list()
			.stream()
			.map(Task::getId)
			.toList();
	}

	private Actor actor(String username) {
		var user = this.users.find(username).orElseThrow();
		return new Actor(user.username(), user.displayName(), user.agencyCode(), user.roles());
	}

}
