package org.antifraud.workflow;

import java.util.List;
import java.util.Date;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes {@link TaskOpened} again for every open task with a due date, so a module
 * that keeps its own view of tasks (the deadline table) can be built from an existing
 * installation.
 */
@Service
public class TaskReplay {

	private static final int BATCH = 500;

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final RepositoryService repository;

	private final ApplicationEventPublisher events;

	TaskReplay(TaskService tasks, RuntimeService runtime, RepositoryService repository,
			ApplicationEventPublisher events) {
		this.tasks = tasks;
		this.runtime = runtime;
		this.repository = repository;
		this.events = events;
	}

	/** Replays every open task with a due date; returns how many. */
	@Transactional
	public int replay() {
		int count = 0;
		for (int first = 0;; first += BATCH) {
			List<Task> page = this.tasks.createTaskQuery()
				.dueAfter(new Date(0))
				.orderByTaskId()
				.asc()
				.listPage(first, BATCH);
			for (Task task : page) {
				String group = this.tasks.getIdentityLinksForTask(task.getId())
					.stream()
					.filter((link) -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
					.map((link) -> link.getGroupId())
					.findFirst()
					.orElse(null);
				var instance = this.runtime.createProcessInstanceQuery()
					.processInstanceId(task.getProcessInstanceId())
					.singleResult();
				String key = this.repository.getProcessDefinition(task.getProcessDefinitionId()).getKey();
				this.events.publishEvent(new TaskOpened(task.getId(), key, task.getTaskDefinitionKey(), task.getName(),
						(instance != null) ? instance.getBusinessKey() : null, group, task.getDueDate().toInstant(),
						false));
				count++;
			}
			if (page.size() < BATCH) {
				return count;
			}
		}
	}

}
