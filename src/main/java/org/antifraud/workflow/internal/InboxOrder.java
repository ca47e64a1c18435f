package org.antifraud.workflow.internal;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.antifraud.common.TransactionState;

import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps each open task's place in the inbox of each of its candidate groups
 * ({@code inbox_task}), written by the engine's task listener in the task's own
 * transaction (a new task's rows as it commits): a task opened, rescheduled,
 * reprioritised, given or relieved of a group, completed or cancelled. {@link TaskInbox}
 * reads a large inbox from it in order. A row whose group link was removed is skipped by
 * the inbox (it checks the link), and removed when the task closes. Only process tasks
 * carry the listener, and the product opens no other kind: a standalone task, made in
 * Camunda's Tasklist, has no form or handler of the product.
 */
@Component
class InboxOrder {

	private final JdbcTemplate jdbc;

	InboxOrder(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The task's rows, written as its transaction commits together with the other tasks
	 * the step opened: a step's fourteen execution orders are one insert.
	 */
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
		if (rows.isEmpty()) {
			return;
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			pending().put(task.getId(), rows);
		}
		else {
			insert(rows);
		}
	}

	private void insert(List<Object[]> rows) {
		this.jdbc.batchUpdate(
				"insert into inbox_task (group_id, task_id, priority, due_date, create_time) values (?, ?, ?, ?, ?)",
				rows);
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
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			pending().remove(taskId);
		}
		this.jdbc.update("delete from inbox_task where task_id = ?", taskId);
	}

	/** The rows of the tasks this transaction opened, by task, written as it commits. */
	private Map<String, List<Object[]>> pending() {
		return TransactionState.gathered(this, LinkedHashMap::new, (Map<String, List<Object[]>> rows) -> {
			if (!rows.isEmpty()) {
				insert(rows.values().stream().flatMap(List::stream).toList());
			}
		});
	}

}
