package org.antifraud.workflow.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.antifraud.agency.User;
import org.antifraud.agency.UserDirectory;
import org.antifraud.audit.AuditTrail;
import org.antifraud.common.ApiException;
import org.antifraud.common.Validation;
import org.antifraud.security.Actor;
import org.antifraud.workflow.TaskCompletionHandler;
import org.antifraud.workflow.TaskNotes;
import org.antifraud.workflow.TaskRef;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes tasks on behalf of an actor: claim, transfer, comment and complete. Each runs
 * in one transaction with the module handler that stores the task's business result, so a
 * failed check changes nothing.
 */
@Component
class TaskCommands {

	/**
	 * Process variable holding the item of a multi-instance task (for example an order
	 * id).
	 */

	private static final int MAX_COMMENT = 1000;

	/** The audit action of a task comment; search indexes comments from it. */
	static final String COMMENTED = "TASK_COMMENTED";

	private final TaskService tasks;

	private final HistoryService history;

	private final IdentityService identity;

	private final TaskInbox inbox;

	private final FormRegistry forms;

	private final List<TaskCompletionHandler> handlers;

	private final UserDirectory users;

	private final AuditTrail audit;

	private final TaskNotes notes;

	TaskCommands(TaskService tasks, HistoryService history, IdentityService identity, TaskInbox inbox,
			FormRegistry forms, List<TaskCompletionHandler> handlers, UserDirectory users, AuditTrail audit,
			TaskNotes notes) {
		this.tasks = tasks;
		this.history = history;
		this.identity = identity;
		this.inbox = inbox;
		this.forms = forms;
		this.handlers = handlers;
		this.users = users;
		this.audit = audit;
		this.notes = notes;
	}

	@Transactional
	public void complete(String taskId, Map<String, Object> submitted, Actor actor) {
		TaskInbox.Seen seen = openTask(taskId, actor);
		Task task = seen.task();
		if (task.getAssignee() != null && !task.getAssignee().equals(actor.username())) {
			throw ApiException.conflict("task.claimedByOther", task.getAssignee());
		}
		String formId = (task.getCamundaFormRef() != null) ? task.getCamundaFormRef().getKey() : null;
		FormSchema form = this.forms.find(formId).orElseThrow(() -> new IllegalStateException("No form " + formId));
		Map<String, Object> values = form.validate(submitted);
		TaskRef ref = seen.ref();
		TaskCompletionHandler handler = this.handlers.stream()
			.filter((candidate) -> candidate.processKey().equals(ref.processKey())
					&& candidate.handles(task.getTaskDefinitionKey()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(
					"No handler for " + ref.processKey() + "/" + task.getTaskDefinitionKey()));
		Map<String, Object> variables = new HashMap<>(handler.complete(ref, values, actor));
		// assigned to the actor (who completed it, in the history) and completed in one
		// engine command: the task, its definition and its history read once
		asUser(actor, () -> this.inbox.inOneCommand((context) -> {
			if (task.getAssignee() == null) {
				new AssignTaskCmd(taskId, actor.username()).execute(context);
			}
			return new CompleteTaskCmd(taskId, variables).execute(context);
		}));
		this.audit.record("TASK_COMPLETED", "TASK", taskId, ref.caseId(), task.getName());
	}

	@Transactional
	public void claim(String taskId, Actor actor) {
		TaskInbox.Seen seen = openTask(taskId, actor);
		Task task = seen.task();
		if (task.getAssignee() != null && !task.getAssignee().equals(actor.username())) {
			throw ApiException.conflict("task.claimedByOther", task.getAssignee());
		}
		this.tasks.setAssignee(taskId, actor.username());
		this.audit.record("TASK_CLAIMED", "TASK", taskId, seen.ref().caseId(), task.getName());
	}

	@Transactional
	public void transfer(String taskId, String username, Actor actor) {
		TaskInbox.Seen seen = openTask(taskId, actor);
		User target = this.users.find(username)
			.filter(User::enabled)
			.filter((user) -> user.agencyCode().equals(actor.agencyCode()))
			.orElseThrow(() -> ApiException.invalid("username", "task.transferTargetInvalid"));
		this.tasks.setAssignee(taskId, target.username());
		this.audit.record("TASK_TRANSFERRED", "TASK", taskId, seen.ref().caseId(),
				seen.task().getName() + " → " + target.username());
	}

	@Transactional
	public void comment(String taskId, String message, Actor actor) {
		new Validation().requireText(message, "message")
			.require(message == null || message.length() <= MAX_COMMENT, "message", "validation.tooLong")
			.throwIfInvalid();
		TaskInbox.Seen seen = openTask(taskId, actor);
		this.notes.comment(taskId, actor.username(), message.trim());
		this.audit.record(COMMENTED, "TASK", taskId, seen.ref().caseId(), message.trim());
	}

	List<Comment> comments(String taskId, Actor actor) {
		this.inbox.task(taskId, actor);
		return this.tasks.getTaskComments(taskId);
	}

	/**
	 * The open task if the actor may act on it; 409 when it was already completed, else
	 * 404.
	 */
	private TaskInbox.Seen openTask(String taskId, Actor actor) {
		TaskInbox.Seen seen = this.inbox.seen(taskId, actor);
		if (seen != null) {
			return seen;
		}
		if (this.tasks.createTaskQuery().taskId(taskId).count() == 0
				&& this.history.createHistoricTaskInstanceQuery().taskId(taskId).finished().count() > 0) {
			throw ApiException.conflict("task.alreadyCompleted");
		}
		throw ApiException.notFound();
	}

	private <T> T asUser(Actor actor, Supplier<T> work) {
		Authentication before = this.identity.getCurrentAuthentication();
		this.identity.setAuthenticatedUserId(actor.username());
		try {
			return work.get();
		}
		finally {
			if (before != null) {
				this.identity.setAuthentication(before);
			}
			else {
				this.identity.clearAuthentication();
			}
		}
	}

}
