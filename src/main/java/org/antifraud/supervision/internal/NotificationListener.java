package org.antifraud.supervision.internal;

import java.util.List;

import org.antifraud.agency.Role;
import org.antifraud.common.Now;
import org.antifraud.common.TransactionState;
import org.antifraud.workflow.DeadlineNotice;
import org.antifraud.workflow.TaskOpened;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns new tasks, reminders and escalations into notifications after the change
 * committed, on another thread, so notifying forty users never slows a fan-out. Spring
 * Modulith's JDBC event publication registry keeps each event until its notifications are
 * written, and publishes it again after a restart if the node died first. The tasks a
 * step opens travel as one event: a case's fourteen execution orders are one publication
 * and one transaction writing their notifications, not fourteen.
 */
@Component
class NotificationListener {

	private final Notifications notifications;

	private final ApplicationEventPublisher events;

	NotificationListener(Notifications notifications, ApplicationEventPublisher events) {
		this.notifications = notifications;
		this.events = events;
	}

	/** Gathers the step's new tasks; they are announced together as it commits. */
	@EventListener
	void on(TaskOpened event) {
		if (!event.created() || event.candidateGroup() == null || !event.candidateGroup().contains(":")) {
			return;
		}
		NewTask task = new NewTask(event.agencyCode(), event.candidateGroup().split(":")[1], event.name(),
				event.dueAt().atZone(Now.ZONE).toLocalDate().toString(), event.caseId(), event.taskId());
		TransactionState.publishAtCommit(this, task, this.events, TasksOpened::new);
	}

	@ApplicationModuleListener
	void on(TasksOpened event) {
		for (NewTask task : event.tasks()) {
			this.notifications.notifyAgency(task.agencyCode(), Role.valueOf(task.role()), "NEW_TASK",
					"新待办：" + task.name(), "办理期限 " + task.dueOn(), task.caseId(), task.taskId());
		}
	}

	@ApplicationModuleListener
	void on(DeadlineNotice event) {
		this.notifications.notifyAgency(event.agencyCode(), (event.role() != null) ? Role.valueOf(event.role()) : null,
				event.kind(), event.title(), event.body(), event.caseId(), null);
	}

	/** The tasks one transaction opened, to be notified after it commits. */
	record TasksOpened(List<NewTask> tasks) {
	}

	/** A task to tell its candidate group about. */
	record NewTask(String agencyCode, String role, String name, String dueOn, String caseId, String taskId) {
	}

}
