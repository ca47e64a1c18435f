package org.antifraud.workflow.internal;

import java.sql.Timestamp;
import java.util.List;

import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps each open task's place in the inbox of each of its candidate groups
 * ({@code inbox_task}), written by the engine's task listener in the task's own
 * transaction: a task opened, rescheduled, reprioritised, given or relieved of a group,
 * completed or cancelled. {@link TaskInbox} reads a large inbox from it in order. A row
 * whose group link was removed is skipped by the inbox (it checks the link), and removed
 * when the task closes. Only process tasks carry the listener, and the product opens no
 * other kind: a standalone task, made in Camunda's Tasklist, has no form or handler of
 * the product.
 */
@Component
class InboxOrder {

	private final JdbcTemplate jdbc;

	InboxOrder(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void opened(TaskEntity task) {
		List<Object[]> rows = task.getIdentityLinks()
			.stream()
			.filter((link) -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
			.map((link) -> link.getGroupId())
			.distinct()
			.map((group) -> new Object[] { group, task.getId(), task.getPriority(),
					(task.getDueDate() != null) ? new Timestamp(task.getDueDate().getTime()) : null,
					new Timestamp(task.getCreateTime().getTime()) })
			.toList();
		if (!rows.isEmpty()) {
			this.jdbc.batchUpdate(
					"insert into inbox_task (group_id, task_id, priority, due_date, create_time) values (?, ?, ?, ?, ?)",
					rows);
		}
	}

	/**
	 * The task has a new due date or priority, or a group link added or removed: its rows
	 * are written again.
	 */
	void moved(TaskEntity task) {
		closed(task.getId());
		opened(task);
	}

	void closed(String taskId) {
		this.jdbc.update("delete from inbox_task where task_id = ?", taskId);
	}

}
