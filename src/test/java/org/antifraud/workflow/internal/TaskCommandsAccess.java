package org.antifraud.workflow.internal;

import java.util.Map;

import org.antifraud.security.Actor;

/**
 * Lets benchmarks complete tasks through the product's own command path (validation,
 * handlers, audit), as the task API does.
 */
public final class TaskCommandsAccess {

	private final TaskCommands commands;

	public TaskCommandsAccess(org.springframework.context.ApplicationContext context) {
		this.commands = context.getBean(TaskCommands.class);
	}

	public void complete(String taskId, Map<String, Object> values, Actor actor) {
		this.commands.complete(taskId, values, actor);
	}

}
