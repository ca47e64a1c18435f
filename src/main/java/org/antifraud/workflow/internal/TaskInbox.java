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
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstanceQuery;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
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

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final RepositoryService repository;

	private final HistoryService history;

	private final WorkingDayCalendar calendar;

	private final Map<String, ProcessDefinition> definitions = new ConcurrentHashMap<>();

	TaskInbox(TaskService tasks, RuntimeService runtime, RepositoryService repository, HistoryService history,
			WorkingDayCalendar calendar) {
		this.tasks = tasks;
		this.runtime = runtime;
		this.repository = repository;
		this.history = history;
		this.calendar = calendar;
	}

	/**
	 * A page of the actor's tasks, optionally of one process, one case (the process
	 * instance's business key) or overdue only.
	 */
	Page<TaskView> page(Actor actor, String processKey, boolean overdueOnly, String caseId, Page.Request request) {
		TaskQuery query = this.tasks.createTaskQuery()
			.or()
			.taskCandidateGroupIn(actor.candidateGroups())
			.includeAssignedTasks()
			.taskAssignee(actor.username())
			.endOr();
		if (processKey != null && !processKey.isBlank()) {
			query.processDefinitionKey(processKey);
		}
		if (overdueOnly) {
			query.dueBefore(Date.from(Now.instant()));
		}
		if (caseId != null && !caseId.isBlank()) {
			query.processInstanceBusinessKey(caseId);
		}
		long total = query.count();
		// urgent work first (stop-payments carry a higher priority), then by due date
		List<Task> page = query.initializeFormKeys()
			.orderByTaskPriority()
			.desc()
			.orderByDueDate()
			.asc()
			.orderByTaskCreateTime()
			.asc()
			.listPage(request.offset(), request.size());
		return new Page<>(views(page), request.page(), request.size(), total);
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

	/** The task if the actor may see it; 404 otherwise. */
	Task task(String taskId, Actor actor) {
		Task task = this.tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
		if (task == null || !maySee(task, actor)) {
			throw ApiException.notFound();
		}
		return task;
	}

	@Override
	public TaskRef visible(String taskId, Actor actor) {
		return ref(task(taskId, actor));
	}

	/** The task as handlers and other modules see it. */
	TaskRef ref(Task task) {
		Object item = this.tasks.getVariable(task.getId(), ITEM_VARIABLE);
		return new TaskRef(task.getId(), task.getTaskDefinitionKey(),
				definition(task.getProcessDefinitionId()).getKey(), task.getProcessInstanceId(), caseId(task),
				(item != null) ? item.toString() : null);
	}

	boolean maySee(Task task, Actor actor) {
		if (actor.username().equals(task.getAssignee())) {
			return true;
		}
		Set<String> groups = Set.copyOf(actor.candidateGroups());
		return this.tasks.getIdentityLinksForTask(task.getId())
			.stream()
			.anyMatch(
					(link) -> IdentityLinkType.CANDIDATE.equals(link.getType()) && groups.contains(link.getGroupId()));
	}

	TaskView view(Task task) {
		return views(List.of(task)).get(0);
	}

	String caseId(Task task) {
		return businessKeys(Set.of(task.getProcessInstanceId())).get(task.getProcessInstanceId());
	}

	ProcessDefinition definition(String definitionId) {
		return this.definitions.computeIfAbsent(definitionId,
				(id) -> this.repository.createProcessDefinitionQuery().processDefinitionId(id).singleResult());
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

}
