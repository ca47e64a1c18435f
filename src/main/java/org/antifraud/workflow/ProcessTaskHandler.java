package org.antifraud.workflow;

import java.util.Set;

/**
 * A completion handler for a fixed set of user tasks of one process.
 */
public abstract class ProcessTaskHandler implements TaskCompletionHandler {

	private final String processKey;

	private final Set<String> taskKeys;

	protected ProcessTaskHandler(String processKey, String... taskKeys) {
		this.processKey = processKey;
		this.taskKeys = Set.of(taskKeys);
	}

	@Override
	public String processKey() {
		return this.processKey;
	}

	@Override
	public boolean handles(String taskKey) {
		return this.taskKeys.contains(taskKey);
	}

}
