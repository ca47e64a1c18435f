package org.antifraud.workflow.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.antifraud.workflow.TaskClosed;
import org.antifraud.workflow.TaskOpened;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Adds one listener to every user task of every deployed process, so each task deadline
 * is known to the application the moment the engine creates, reschedules, completes or
 * cancels the task, in the same transaction.
 */
@Component
class TaskDeadlinePlugin extends AbstractProcessEnginePlugin {

	private final ApplicationEventPublisher events;

	TaskDeadlinePlugin(ApplicationEventPublisher events) {
		this.events = events;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener> listeners = configuration
			.getCustomPostBPMNParseListeners();
		if (listeners == null) {
			listeners = new ArrayList<>();
			configuration.setCustomPostBPMNParseListeners(listeners);
		}
		listeners.add(new AbstractBpmnParseListener() {
			@Override
			public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
				TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior())
					.getTaskDefinition();
				TaskListener listener = TaskDeadlinePlugin.this::notify;
				for (String event : List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_UPDATE,
						TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE)) {
					definition.addBuiltInTaskListener(event, listener);
				}
			}
		});
	}

	private void notify(DelegateTask task) {
		switch (task.getEventName()) {
			case TaskListener.EVENTNAME_COMPLETE -> this.events.publishEvent(new TaskClosed(task.getId(), true));
			case TaskListener.EVENTNAME_DELETE -> this.events.publishEvent(new TaskClosed(task.getId(), false));
			default -> {
				boolean created = TaskListener.EVENTNAME_CREATE.equals(task.getEventName());
				if (task.getDueDate() != null && (created || deadlineMayHaveChanged((TaskEntity) task))) {
					this.events.publishEvent(
							new TaskOpened(task.getId(), processKey(task), task.getTaskDefinitionKey(), task.getName(),
									businessKey(task), candidateGroup(task), task.getDueDate().toInstant(), created));
				}
			}
		}
	}

	/**
	 * Whether an update may have moved the task's deadline: not when all it changed is
	 * something else, such as the assignee of a claim or of the completing officer.
	 */
	private static boolean deadlineMayHaveChanged(TaskEntity task) {
		Map<String, PropertyChange> changes = task.getPropertyChanges();
		return changes.isEmpty() || changes.containsKey(TaskEntity.DUE_DATE) || changes.containsKey(TaskEntity.NAME);
	}

	private static String processKey(DelegateTask task) {
		var definition = ((TaskEntity) task).getProcessDefinition();
		return (definition != null) ? definition.getKey() : null;
	}

	private static String businessKey(DelegateTask task) {
		return (task.getExecution() != null) ? task.getExecution().getProcessBusinessKey() : null;
	}

	/** The task's first candidate group ({@code AGENCY:ROLE}). */
	private static String candidateGroup(DelegateTask task) {
		return ((TaskEntity) task).getIdentityLinks()
			.stream()
			.filter((link) -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
			.map((link) -> link.getGroupId())
			.findFirst()
			.orElse(null);
	}

}
