package org.antifraud.supervision.internal;

import org.antifraud.workflow.TaskReplay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Fills an empty deadline table from the engine's open tasks, for installations that had
 * tasks before the deadline view existed.
 */
@Component
class DeadlineBackfill {

	private static final Logger log = LoggerFactory.getLogger(DeadlineBackfill.class);

	private final DeadlineRepository deadlines;

	private final TaskReplay replay;

	DeadlineBackfill(DeadlineRepository deadlines, TaskReplay replay) {
		this.deadlines = deadlines;
		this.replay = replay;
	}

	@EventListener(ApplicationStartedEvent.class)
	void backfill() {
		if (this.deadlines.countAll() == 0) {
			int replayed = this.replay.replay();
			if (replayed > 0) {
				log.info("Deadline view built from {} open tasks", replayed);
			}
		}
	}

}
