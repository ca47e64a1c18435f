package org.antifraud.workflow;

import java.util.Map;

import org.antifraud.security.Actor;

/**
 * Completes the user tasks of one process: checks the rules the form cannot express,
 * stores what the task decided in the module's tables and returns the few process
 * variables the gateways read. Runs in the same transaction as the task completion.
 */
public interface TaskCompletionHandler {

	/** The process definition key whose tasks this handler completes. */
	String processKey();

	/** Whether this handler knows the given task definition key (BPMN element id). */
	boolean handles(String taskKey);

	/**
	 * Applies a validated form submission.
	 * @param task the task being completed
	 * @param values the submitted values, already checked against the form
	 * @param actor who completes it
	 * @return process variables to set on completion
	 */
	Map<String, Object> complete(TaskRef task, Map<String, Object> values, Actor actor);

}
