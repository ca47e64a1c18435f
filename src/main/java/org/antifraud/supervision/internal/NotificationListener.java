package org.antifraud.supervision.internal;

import java.util.List;

import org.antifraud.agency.Role;
import org.antifraud.common.Now;
import org.antifraud.common.TransactionState;
import org.antifraud.workflow.DeadlineNotice;
import org.antifraud.workflow.TaskOpened;

import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns new tasks, reminders and escalations into notifications. The tasks a step opens
 * are notified in the step's own transaction as it commits, all at once (a case's
 * fourteen execution orders: one look-up of each agency's users and one batch of rows),
 * so a task and its notifications exist together or not at all. Reminders and escalations
 * arrive after their change committed, on another thread, through Spring Modulith's JDBC
 * event publication registry, which keeps each event until its notifications are written
 * and publishes it again after a restart if the node died first.
 */
@Component
class NotificationListener {

	private final Notifications notifications;

	NotificationListener(Notifications notifications) {
		this.notifications = notifications;
	}

	/**
	 * Gathers the step's new tasks; they are notified together as it commits, in its
	 * transaction.
	 */
	@EventListener
	void on(TaskOpened event) {
		if (!event.created() || event.candidateGroup() == null || !event.candidateGroup().contains(":")) {
			return;
		}
		NewTask task = new NewTask(event.agencyCode(), event.candidateGroup().split(":")[1], event.name(),
				event.dueAt().atZone(Now.ZONE).toLocalDate().toString(), event.caseId(), event.taskId());
		TransactionState.atCommit(this, task, this::notifyTasks);
	}

	/**
	 * The tasks of a step committed by an earlier version, whose notifications were
	 * written after it: still open in the registry after an upgrade.
	 */
	@ApplicationModuleListener
	void on(TasksOpened event) {
		notifyTasks(event.tasks());
	}

	private void notifyTasks(List<NewTask> tasks) {
		this.notifications.notifyAgencies(tasks.stream()
			.map((task) -> new Notifications.ForAgency(task.agencyCode(), Role.valueOf(task.role()), "NEW_TASK",
					"新待办：" + task.name(), "办理期限 " + task.dueOn(), task.caseId(), task.taskId()))
			.toList());
	}

	@ApplicationModuleListener
	void on(DeadlineNotice event) {
		this.notifications.notifyAgency(event.agencyCode(), (event.role() != null) ? Role.valueOf(event.role()) : null,
				event.kind(), event.title(), event.body(), event.caseId(), null);
	}

	/**
	 * The tasks one transaction opened, notified after it committed (earlier versions).
	 */
	record TasksOpened(List<NewTask> tasks) {
	}

	/** A task to tell its candidate group about. */
	record NewTask(String agencyCode, String role, String name, String dueOn, String caseId, String taskId) {
	}

}
