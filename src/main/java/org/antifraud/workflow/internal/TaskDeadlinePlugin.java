package org.antifraud.workflow.internal;

import java.util.ArrayList;
import java.util.Arrays;
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
 * and the task's place in its groups' inboxes ({@link InboxOrder}) are known to the
 * application the moment the engine creates, reschedules, completes or cancels the task,
 * in the same transaction.
 */
@Component
class TaskDeadlinePlugin extends AbstractProcessEnginePlugin {

	private final ApplicationEventPublisher events;

	private final InboxOrder inboxOrder;

	TaskDeadlinePlugin(ApplicationEventPublisher events, InboxOrder inboxOrder) {
		this.events = events;
		this.inboxOrder = inboxOrder;
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
			case TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE -> {
				this.inboxOrder.closed(task.getId());
				this.events.publishEvent(
						new TaskClosed(task.getId(), TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())));
			}
			default -> {
				boolean created = TaskListener.EVENTNAME_CREATE.equals(task.getEventName());
				if (created) {
					this.inboxOrder.opened((TaskEntity) task);
				}
				else if (mayHaveChanged((TaskEntity) task, TaskEntity.DUE_DATE, TaskEntity.PRIORITY)) {
					this.inboxOrder.moved((TaskEntity) task);
				}
				if (task.getDueDate() != null
						&& (created || mayHaveChanged((TaskEntity) task, TaskEntity.DUE_DATE, TaskEntity.NAME))) {
					this.events.publishEvent(
							new TaskOpened(task.getId(), processKey(task), task.getTaskDefinitionKey(), task.getName(),
									businessKey(task), candidateGroup(task), task.getDueDate().toInstant(), created));
				}
			}
		}
	}

	/**
	 * Whether an update may have changed one of the properties: not when all it changed
	 * is something else, such as the assignee of a claim or of the completing officer. An
	 * update with no property changed is a group or user link added or removed.
	 */
	private static boolean mayHaveChanged(TaskEntity task, String... properties) {
		Map<String, PropertyChange> changes = task.getPropertyChanges();
		return changes.isEmpty() || Arrays.stream(properties).anyMatch(changes::containsKey);
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
