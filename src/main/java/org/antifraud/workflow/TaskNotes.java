package org.antifraud.workflow;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * Lets other modules leave a note on an open task, as a comment its users see (for
 * example an urge from leadership).
 */
@Service
public class TaskNotes {

	private final TaskService tasks;

	private final IdentityService identity;

	TaskNotes(TaskService tasks, IdentityService identity) {
		this.tasks = tasks;
		this.identity = identity;
	}

	/** Adds a comment by {@code username}; false when the task is no longer open. */
	public boolean comment(String taskId, String username, String message) {
		Task task = this.tasks.createTaskQuery().taskId(taskId).singleResult();
		if (task == null) {
			return false;
		}
		this.identity.setAuthenticatedUserId(username);
		try {
			this.tasks.createComment(taskId, task.getProcessInstanceId(), message);
		}
		finally {
			this.identity.clearAuthentication();
		}
		return true;
	}

}
