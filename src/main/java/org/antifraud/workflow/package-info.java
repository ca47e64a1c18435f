/**
 * The task inbox: the caller's agency-and-role tasks with their deadline status, claim,
 * transfer, comments and completion, the Camunda Forms served from {@code forms/} and
 * server-side validation of every submitted field. The only code that drives Camunda's
 * TaskService for users; process modules plug in a
 * {@link org.antifraud.workflow.TaskCompletionHandler} per task.
 */
package org.antifraud.workflow;
