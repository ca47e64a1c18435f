package org.antifraud.workflow;

/**
 * A user task ended: completed by someone, or cancelled by the process (an interrupting
 * timer, a lifted case).
 */
public record TaskClosed(String taskId, boolean completed) {
}
