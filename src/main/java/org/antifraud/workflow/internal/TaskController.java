package org.antifraud.workflow.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.antifraud.agency.Role;
import org.antifraud.agency.User;
import org.antifraud.agency.UserDirectory;
import org.antifraud.common.ApiException;
import org.antifraud.common.Page;
import org.antifraud.security.Actor;
import org.antifraud.security.CurrentActor;

import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The task inbox API: list, read, form, claim, transfer, comment and complete.
 */
@RestController
@RequestMapping("/api/tasks")
class TaskController {

	private final TaskInbox inbox;

	private final TaskCommands commands;

	private final FormRegistry forms;

	private final CurrentActor actor;

	private final UserDirectory users;

	TaskController(TaskInbox inbox, TaskCommands commands, FormRegistry forms, CurrentActor actor,
			UserDirectory users) {
		this.inbox = inbox;
		this.commands = commands;
		this.forms = forms;
		this.actor = actor;
		this.users = users;
	}

	@GetMapping
	Page<TaskView> list(@RequestParam(required = false) String process,
			@RequestParam(defaultValue = "false") boolean overdue, @RequestParam(required = false) String caseId,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return this.inbox.page(this.actor.get(), process, overdue, caseId, Page.request(page, size));
	}

	/** The caller's completed tasks, latest first. */
	@GetMapping("/done")
	Page<DoneTaskView> done(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return this.inbox.done(this.actor.get(), Page.request(page, size));
	}

	/** The processes the caller started, latest first. */
	@GetMapping("/started")
	Page<StartedView> started(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return this.inbox.started(this.actor.get(), Page.request(page, size));
	}

	@GetMapping("/{id}/diagram")
	DiagramView diagram(@PathVariable String id) {
		return this.inbox.diagram(this.inbox.task(id, this.actor.get()));
	}

	@GetMapping("/{id}")
	TaskView get(@PathVariable String id) {
		return this.inbox.view(this.inbox.task(id, this.actor.get()));
	}

	@GetMapping("/{id}/form")
	JsonNode form(@PathVariable String id) {
		Task task = this.inbox.task(id, this.actor.get());
		String formId = (task.getCamundaFormRef() != null) ? task.getCamundaFormRef().getKey() : null;
		return this.forms.find(formId).map(FormSchema::json).orElseThrow(ApiException::notFound);
	}

	@PostMapping("/{id}/claim")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void claim(@PathVariable String id) {
		this.commands.claim(id, this.actor.get());
	}

	/**
	 * The colleagues a task may be transferred to: enabled users of the caller's agency
	 * other than the caller, by username. Each shows their roles so the caller picks one
	 * who can act on it.
	 */
	@GetMapping("/{id}/colleagues")
	List<ColleagueView> colleagues(@PathVariable String id) {
		Actor caller = this.actor.get();
		this.inbox.task(id, caller);
		return this.users.inAgency(caller.agencyCode())
			.stream()
			.filter(User::enabled)
			.filter((user) -> !user.username().equals(caller.username()))
			.map((user) -> new ColleagueView(user.username(), user.displayName(),
					user.roles().stream().sorted().toList()))
			.toList();
	}

	@PostMapping("/{id}/transfer")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void transfer(@PathVariable String id, @RequestBody TransferRequest request) {
		this.commands.transfer(id, request.username(), this.actor.get());
	}

	@GetMapping("/{id}/comments")
	List<CommentView> comments(@PathVariable String id) {
		return this.commands.comments(id, this.actor.get())
			.stream()
			.map((comment) -> new CommentView(comment.getUserId(), comment.getTime().toInstant(),
					comment.getFullMessage()))
			.toList();
	}

	@PostMapping("/{id}/comments")
	@ResponseStatus(HttpStatus.CREATED)
	void comment(@PathVariable String id, @RequestBody CommentRequest request) {
		this.commands.comment(id, request.message(), this.actor.get());
	}

	@PostMapping("/{id}/complete")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void complete(@PathVariable String id, @RequestBody(required = false) Map<String, Object> variables) {
		this.commands.complete(id, variables, this.actor.get());
	}

	record TransferRequest(String username) {
	}

	record ColleagueView(String username, String displayName, List<Role> roles) {
	}

	record CommentRequest(String message) {
	}

	record CommentView(String user, Instant time, String message) {
	}

}
