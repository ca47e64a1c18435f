package org.antifraud.supervision.internal;

import org.antifraud.agency.Role;
import org.antifraud.common.Now;
import org.antifraud.workflow.DeadlineNotice;
import org.antifraud.workflow.TaskOpened;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns new tasks, reminders and escalations into notifications after the change
 * committed, on another thread, so notifying forty users never slows a fan-out. Spring
 * Modulith's JDBC event publication registry keeps each event until its notifications are
 * written, and publishes it again after a restart if the node died first.
 */
@Component
class NotificationListener {

	private final Notifications notifications;

	NotificationListener(Notifications notifications) {
		this.notifications = notifications;
	}

	@ApplicationModuleListener
	void on(TaskOpened event) {
		if (event.created() && event.candidateGroup() != null && event.candidateGroup().contains(":")) {
			Role role = Role.valueOf(event.candidateGroup().split(":")[1]);
			this.notifications.notifyAgency(event.agencyCode(), role, "NEW_TASK", "新待办：" + event.name(),
					"办理期限 " + event.dueAt().atZone(Now.ZONE).toLocalDate(), event.caseId(), event.taskId());
		}
	}

	@ApplicationModuleListener
	void on(DeadlineNotice event) {
		this.notifications.notifyAgency(event.agencyCode(), (event.role() != null) ? Role.valueOf(event.role()) : null,
				event.kind(), event.title(), event.body(), event.caseId(), null);
	}

}
