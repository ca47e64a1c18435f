package org.antifraud.workflow.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.antifraud.calendar.WorkingDayCalendar;
import org.antifraud.common.ApiException;
import org.antifraud.common.Now;
import org.antifraud.common.Page;
import org.antifraud.security.Actor;
import org.antifraud.workflow.TaskLookup;
import org.antifraud.workflow.TaskRef;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstanceQuery;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.NativeTaskQuery;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Reads tasks for an actor: the tasks of their agency-and-role candidate groups and the
 * tasks assigned to them. A task outside that scope does not exist for the caller.
 */
@Component
class TaskInbox implements TaskLookup {

	/**
	 * The task variable naming the item of a multi-instance task (such as an execution
	 * order).
	 */
	static final String ITEM_VARIABLE = "itemId";

	/** Inbox totals are exact up to this many tasks. */
	static final int COUNT_CAP = 10_000;

	/**
	 * Up to this many matches the inbox gathers them through the links and sorts them.
	 */
	static final int SMALL = 500;

	/** The inbox's order, on the engine's task columns. */
	private static final String ORDER = order("RES", "ID_");

	/**
	 * The product's tasks only: a standalone task (made in Camunda's Tasklist) has no
	 * process, form or handler of the product, so it is neither listed nor counted.
	 */
	private static final String PROCESS_TASK = " and RES.PROC_DEF_ID_ is not null";

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final RepositoryService repository;

	private final HistoryService history;

	private final WorkingDayCalendar calendar;

	private final ManagementService management;

	private final Map<String, ProcessDefinition> definitions = new ConcurrentHashMap<>();

	/**
	 * Where the inbox switches from sorting the matches to reading them in index order.
	 */
	int small = SMALL;

	/** Where the inbox's total stops being exact. */
	int cap = COUNT_CAP;

	TaskInbox(TaskService tasks, RuntimeService runtime, RepositoryService repository, HistoryService history,
			WorkingDayCalendar calendar, ManagementService management) {
		this.tasks = tasks;
		this.management = management;
		this.runtime = runtime;
		this.repository = repository;
		this.history = history;
		this.calendar = calendar;
	}

	/**
	 * A page of the actor's tasks, optionally of one process, one case (the process
	 * instance's business key) or overdue only. Urgent work comes first (stop-payments
	 * carry a higher priority), then by due date and age. The total is exact up to
	 * {@link #COUNT_CAP}; beyond it the page says so ({@code totalCapped}).
	 */
	Page<TaskView> page(Actor actor, String processKey, boolean overdueOnly, String caseId, Page.Request request) {
		InboxQuery query = new InboxQuery(actor, processKey, overdueOnly, caseId);
		long total = query.count(this.cap);
		List<String> ids = query.page(total <= this.small, request).stream().map(Task::getId).toList();
		Map<String, Task> found = new HashMap<>();
		if (!ids.isEmpty()) {
			this.tasks.createTaskQuery()
				.taskIdIn(ids.toArray(String[]::new))
				.initializeFormKeys()
				.list()
				.forEach((task) -> found.put(task.getId(), task));
		}
		// a task completed since the page was read is left out
		List<Task> page = ids.stream().map(found::get).filter(Objects::nonNull).toList();
		return (total > this.cap) ? new Page<>(views(page), request.page(), request.size(), this.cap, true)
				: new Page<>(views(page), request.page(), request.size(), total);
	}

	/** The tasks the actor completed, latest first (已办). */
	Page<DoneTaskView> done(Actor actor, Page.Request request) {
		HistoricTaskInstanceQuery query = this.history.createHistoricTaskInstanceQuery()
			.taskAssignee(actor.username())
			.finished();
		long total = query.count();
		List<HistoricTaskInstance> page = query.orderByHistoricTaskInstanceEndTime()
			.desc()
			.listPage(request.offset(), request.size());
		Map<String, String> caseIds = new HashMap<>();
		Set<String> instances = page.stream()
			.map(HistoricTaskInstance::getProcessInstanceId)
			.filter(Objects::nonNull)
			.collect(Collectors.toSet());
		if (!instances.isEmpty()) {
			this.history.createHistoricProcessInstanceQuery()
				.processInstanceIds(instances)
				.list()
				.forEach((instance) -> caseIds.put(instance.getId(), instance.getBusinessKey()));
		}
		return new Page<>(page.stream().map((task) -> {
			ProcessDefinition definition = definition(task.getProcessDefinitionId());
			return new DoneTaskView(task.getId(), task.getName(), definition.getKey(), definition.getName(),
					caseIds.get(task.getProcessInstanceId()), task.getStartTime().toInstant(),
					task.getEndTime().toInstant(), task.getDeleteReason());
		}).toList(), request.page(), request.size(), total);
	}

	/** The processes the actor started, latest first (我发起的). */
	Page<StartedView> started(Actor actor, Page.Request request) {
		HistoricProcessInstanceQuery query = this.history.createHistoricProcessInstanceQuery()
			.startedBy(actor.username());
		long total = query.count();
		return new Page<>(query.orderByProcessInstanceStartTime()
			.desc()
			.listPage(request.offset(), request.size())
			.stream()
			.map((instance) -> new StartedView(instance.getId(), instance.getProcessDefinitionKey(),
					definition(instance.getProcessDefinitionId()).getName(), instance.getBusinessKey(),
					instance.getStartTime().toInstant(),
					(instance.getEndTime() != null) ? instance.getEndTime().toInstant() : null, instance.getState()))
			.toList(), request.page(), request.size(), total);
	}

	/**
	 * The task's process model with the elements already passed and the ones active now,
	 * for the portal's diagram.
	 */
	DiagramView diagram(Task task) {
		String xml;
		try (InputStream model = this.repository.getProcessModel(task.getProcessDefinitionId())) {
			xml = new String(model.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Set<String> completed = new LinkedHashSet<>();
		Set<String> active = new LinkedHashSet<>();
		this.history.createHistoricActivityInstanceQuery()
			.processInstanceId(task.getProcessInstanceId())
			.list()
			.forEach(
					(activity) -> ((activity.getEndTime() != null) ? completed : active).add(activity.getActivityId()));
		completed.removeAll(active);
		return new DiagramView(xml, List.copyOf(completed), List.copyOf(active));
	}

	/** The process task if the actor may see it; 404 otherwise. */
	Task task(String taskId, Actor actor) {
		return processTask(taskId, actor).task();
	}

	@Override
	public TaskRef visible(String taskId, Actor actor) {
		return processTask(taskId, actor).ref();
	}

	private Seen processTask(String taskId, Actor actor) {
		Seen seen = seen(taskId, actor);
		if (seen == null || seen.task().getProcessDefinitionId() == null) {
			throw ApiException.notFound();
		}
		return seen;
	}

	/**
	 * The open task with what handlers see of it, if the actor may see it; null when no
	 * such task is open or it is not theirs. One engine command reads the task, its form
	 * key, its candidate links, its item and its case, each once (they were five
	 * commands, each reading the task again).
	 */
	Seen seen(String taskId, Actor actor) {
		return inOneCommand((context) -> {
			TaskEntity task = context.getTaskManager().findTaskById(taskId);
			if (task == null || !maySee(task, task.getIdentityLinks(), actor)) {
				return null;
			}
			task.initializeFormKey();
			Object item = task.getVariable(ITEM_VARIABLE);
			String caseId = (task.getProcessInstanceId() != null) ? task.getProcessInstance().getBusinessKey() : null;
			String processKey = (task.getProcessDefinitionId() != null)
					? definition(task.getProcessDefinitionId()).getKey() : null;
			return new Seen(task, new TaskRef(task.getId(), task.getTaskDefinitionKey(), processKey,
					task.getProcessInstanceId(), caseId, (item != null) ? item.toString() : null));
		});
	}

	/** {@code work} as one engine command: what it reads, it reads once. */
	<T> T inOneCommand(Command<T> work) {
		return ((TaskServiceImpl) this.tasks).getCommandExecutor().execute(work);
	}

	private static boolean maySee(Task task, List<IdentityLinkEntity> links, Actor actor) {
		if (actor.username().equals(task.getAssignee())) {
			return true;
		}
		Set<String> groups = Set.copyOf(actor.candidateGroups());
		return links.stream()
			.anyMatch(
					(link) -> IdentityLinkType.CANDIDATE.equals(link.getType()) && groups.contains(link.getGroupId()));
	}

	TaskView view(Task task) {
		return views(List.of(task)).get(0);
	}

	ProcessDefinition definition(String definitionId) {
		return this.definitions.computeIfAbsent(definitionId,
				(id) -> this.repository.createProcessDefinitionQuery().processDefinitionId(id).singleResult());
	}

	/** The inbox's order on the task columns of {@code alias}, its id column named. */
	private static String order(String alias, String id) {
		return " order by " + alias + ".PRIORITY_ desc, " + alias + ".DUE_DATE_ asc, " + alias + ".CREATE_TIME_ asc, "
				+ alias + "." + id + " asc";
	}

	private List<TaskView> views(List<Task> page) {
		Map<String, String> caseIds = businessKeys(
				page.stream().map(Task::getProcessInstanceId).filter(Objects::nonNull).collect(Collectors.toSet()));
		LocalDate today = Now.today();
		return page.stream().map((task) -> {
			ProcessDefinition definition = definition(task.getProcessDefinitionId());
			LocalDate due = (task.getDueDate() != null) ? task.getDueDate().toInstant().atZone(Now.ZONE).toLocalDate()
					: null;
			return new TaskView(task.getId(), task.getName(), task.getTaskDefinitionKey(), definition.getKey(),
					definition.getName(), caseIds.get(task.getProcessInstanceId()), task.getCreateTime().toInstant(),
					(task.getDueDate() != null) ? task.getDueDate().toInstant() : null, due,
					(due != null) ? this.calendar.statusOf(due, today) : null,
					(due != null) ? this.calendar.workingDaysBetween(today, due) : null, task.getAssignee(),
					(task.getCamundaFormRef() != null) ? task.getCamundaFormRef().getKey() : null);
		}).toList();
	}

	private Map<String, String> businessKeys(Set<String> processInstanceIds) {
		Map<String, String> keys = new HashMap<>();
		if (processInstanceIds.isEmpty()) {
			return keys;
		}
		for (ProcessInstance instance : this.runtime.createProcessInstanceQuery()
			.processInstanceIds(processInstanceIds)
			.list()) {
			keys.put(instance.getId(), instance.getBusinessKey());
		}
		return keys;
	}

	/**
	 * An open task the actor may see, and what handlers see of it.
	 *
	 * @param task the task, its form key read
	 * @param ref its ids, case and item
	 */
	record Seen(Task task, TaskRef ref) {
	}

	/**
	 * The inbox in SQL on the engine's tables, with every value bound as a parameter. A
	 * task is the actor's when it is assigned to them or one of their groups is a
	 * candidate. Two shapes: few matches are gathered through the identity links and
	 * sorted; many are read in order from each group's own rows ({@code inbox_task}), so
	 * the first page costs the same for 100 tasks or 100,000.
	 */
	private final class InboxQuery {

		private final Map<String, Object> parameters = new HashMap<>();

		/**
		 * The candidate-group test, as an IN over the links and as an EXISTS per task.
		 */
		private final String groupsIn;

		private final StringBuilder filters = new StringBuilder();

		/** How many candidate groups the actor has ({@code #{g0}} onwards). */
		private final int groups;

		/** Whether a filter keeps a few tasks found by index (overdue, one case). */
		private final boolean narrow;

		/**
		 * Whether the inbox is large and narrowed by such a filter, so that its matches
		 * are found from the filter's side ({@link #count} decides).
		 */
		private boolean selectedByFilter;

		InboxQuery(Actor actor, String processKey, boolean overdueOnly, String caseId) {
			this.parameters.put("assignee", actor.username());
			List<String> groups = actor.candidateGroups();
			StringBuilder in = new StringBuilder("null");
			for (int i = 0; i < groups.size(); i++) {
				in.append(", #{g").append(i).append('}');
				this.parameters.put("g" + i, groups.get(i));
			}
			this.groupsIn = " I.TYPE_ = 'candidate' and I.GROUP_ID_ in (" + in + ")";
			this.groups = groups.size();
			if (processKey != null && !processKey.isBlank()) {
				this.filters.append(" and RES.PROC_DEF_ID_ in (select D.ID_ from ")
					.append(table(ProcessDefinitionEntity.class))
					.append(" D where D.KEY_ = #{processKey})");
				this.parameters.put("processKey", processKey);
			}
			if (overdueOnly) {
				this.filters.append(" and RES.DUE_DATE_ < #{now}");
				this.parameters.put("now", Date.from(Now.instant()));
			}
			this.narrow = overdueOnly || (caseId != null && !caseId.isBlank());
			if (caseId != null && !caseId.isBlank()) {
				this.filters.append(" and RES.PROC_INST_ID_ in (select E.ID_ from ")
					.append(table(ExecutionEntity.class))
					.append(" E where E.BUSINESS_KEY_ = #{caseId} and E.PARENT_ID_ is null)");
				this.parameters.put("caseId", caseId);
			}
		}

		/**
		 * Few matches: the tasks linked to one of the actor's groups or assigned to them,
		 * gathered through the links and the assignee's index and sorted. One set of ids,
		 * not a test of each task: "assigned or linked" as an OR made PostgreSQL read the
		 * whole task table, 119 ms at p50 for a bank with one open task among 100,000 of
		 * other banks.
		 */
		private String gathered() {
			String tasks = table(TaskEntity.class);
			return " from " + tasks + " RES where RES.ID_ in (select I.TASK_ID_ from " + links() + " I where"
					+ this.groupsIn + " union all select A.ID_ from " + tasks + " A where A.ASSIGNEE_ = #{assignee})"
					+ PROCESS_TASK + this.filters;
		}

		/**
		 * Many matches: each of the actor's groups read in the inbox's order from its own
		 * rows ({@code inbox_task}, kept by {@link InboxOrder}) and the actor's assigned
		 * tasks, each up to the end of the requested page; the page is taken from those
		 * together by their order keys (a task read twice, for two groups, counts once),
		 * and only its tasks are fetched. A task whose group link is gone, or that no
		 * longer passes the filters, is skipped as it is read, so a group's first page
		 * costs the same whatever other groups hold and however many of its own are done.
		 */
		private String walked() {
			String tasks = table(TaskEntity.class);
			StringBuilder walks = new StringBuilder();
			for (int i = 0; i < this.groups; i++) {
				walks.append("(select O.task_id as TASK_ID_, O.priority as PRIORITY_, O.due_date as DUE_DATE_,")
					.append(" O.create_time as CREATE_TIME_ from inbox_task O join ")
					.append(tasks)
					.append(" RES on RES.ID_ = O.task_id where O.group_id = #{g")
					.append(i)
					.append("} and exists (select 1 from ")
					.append(links())
					.append(" I where I.GROUP_ID_ = O.group_id and I.TYPE_ = 'candidate' and I.TASK_ID_ = O.task_id)")
					// standalone tasks have no rows (InboxOrder writes them from the
					// processes' task listener)
					.append(this.filters)
					.append(" order by O.priority desc, O.due_date asc, O.create_time asc, O.task_id asc limit #{window})")
					.append(" union all ");
			}
			walks.append("(select RES.ID_ as TASK_ID_, RES.PRIORITY_, RES.DUE_DATE_, RES.CREATE_TIME_ from ")
				.append(tasks)
				.append(" RES where RES.ASSIGNEE_ = #{assignee}")
				.append(PROCESS_TASK)
				.append(this.filters)
				.append(ORDER)
				.append(" limit #{window})");
			return " from " + tasks + " RES where RES.ID_ in (select P.TASK_ID_ from (select distinct U.* from ("
					+ walks + ") U" + order("U", "TASK_ID_") + " limit #{limit} offset #{offset}) P)";
		}

		/**
		 * A large inbox narrowed by a filter: the tasks the filter selects (overdue ones
		 * through the due-date index, or the case's), each checked for the actor.
		 */
		private String selected() {
			return mine(linkedTaskByTask());
		}

		/**
		 * The tasks assigned to the actor or passing {@code linked}, the test of the
		 * actor's groups, with the filters.
		 */
		private String mine(String linked) {
			return " from " + table(TaskEntity.class) + " RES where (RES.ASSIGNEE_ = #{assignee} or " + linked + ")"
					+ PROCESS_TASK + this.filters;
		}

		/**
		 * Whether the task {@code RES} names one of the actor's groups, asked task by
		 * task as the tasks are read: a scalar subquery with a limit is never turned into
		 * a hash of all the group's links (an EXISTS was, hashing 100,000 links to check
		 * 2,500 overdue tasks).
		 */
		private String linkedTaskByTask() {
			return "(select I.TASK_ID_ from " + links() + " I where I.TASK_ID_ = RES.ID_ and" + this.groupsIn
					+ " limit 1) is not null";
		}

		/**
		 * The number of matching tasks, counted up to {@code cap + 1}. A large inbox
		 * narrowed to overdue tasks or one case: the tasks the filter selects (through
		 * the due-date index, or the case's instance), each checked for the actor, since
		 * such a filter keeps few of them. Otherwise: the group's links (each task once,
		 * whichever of the actor's groups it names) plus the tasks assigned to the actor
		 * outside them.
		 */
		long count(int cap) {
			String tasks = table(TaskEntity.class);
			int small = TaskInbox.this.small;
			this.selectedByFilter = this.narrow && query("select count(*) from (select I.TASK_ID_ from " + links()
					+ " I where" + this.groupsIn + " limit " + (small + 1) + ") L")
				.count() > small;
			if (this.selectedByFilter) {
				return query("select count(*) from (select RES.ID_" + selected() + " limit " + (cap + 1) + ") C")
					.count();
			}
			String linked = this.filters.isEmpty() ? "select I.TASK_ID_ from " + links() + " I where" + this.groupsIn
					: "select I.TASK_ID_ from " + links() + " I join " + tasks + " RES on RES.ID_ = I.TASK_ID_ where"
							+ this.groupsIn + PROCESS_TASK + this.filters;
			String groups = (this.filters.isEmpty() && this.groups == 1)
					// one group's links come in task order from its index: a task linked
					// twice is dropped as it is read, without hashing, and the reading
					// stops at the cap (7.5 ms against 15 for 11,000 links)
					? "select count(*) from (select distinct I.TASK_ID_ from " + links()
							+ " I where I.TYPE_ = 'candidate' and I.GROUP_ID_ = #{g0} order by I.TASK_ID_ limit "
							+ (cap + 1) + ") D"
					: "select count(*) from (select distinct TASK_ID_ from (" + linked + " limit " + (2 * cap + 2)
							+ ") L) D";
			String assigned = "select count(*) from " + tasks + " RES where RES.ASSIGNEE_ = #{assignee} and not exists"
					+ " (select 1 from " + links() + " I where I.TASK_ID_ = RES.ID_ and" + this.groupsIn + ")"
					+ PROCESS_TASK + this.filters;
			String total = "select (" + groups + ") + (" + assigned + ")";
			if (this.filters.isEmpty()) {
				// the links alone, without reading their tasks, include standalone ones:
				// few, found by the process definition's index
				total += " - (select count(*) from " + tasks + " RES where RES.PROC_DEF_ID_ is null and exists"
						+ " (select 1 from " + links() + " I where I.TASK_ID_ = RES.ID_ and" + this.groupsIn + "))";
			}
			return query(total).count();
		}

		List<Task> page(boolean few, Page.Request request) {
			// paged in the SQL itself: LIMIT and OFFSET read the same on PostgreSQL and
			// H2
			this.parameters.put("limit", request.size());
			this.parameters.put("offset", request.offset());
			this.parameters.put("window", request.offset() + request.size());
			if (!few) {
				return query("select RES.*" + walked() + ORDER).list();
			}
			// a few matches of a large inbox are found from the filter's side, not
			// gathered through all of its links
			return query("select RES.*" + (this.selectedByFilter ? selected() : gathered()) + ORDER
					+ " limit #{limit} offset #{offset}")
				.list();
		}

		private NativeTaskQuery query(String sql) {
			NativeTaskQuery query = TaskInbox.this.tasks.createNativeTaskQuery().sql(sql);
			this.parameters.forEach(query::parameter);
			return query;
		}

		private String links() {
			return table(IdentityLinkEntity.class);
		}

		private String table(Class<?> entity) {
			return TaskInbox.this.management.getTableName(entity);
		}

	}

}
