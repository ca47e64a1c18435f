package org.antifraud.common;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Threads for listeners whose events the event registry keeps until they are done (search
 * indexing, letter rendering). At shutdown the work under way finishes and the work still
 * queued is dropped: it stays in the registry and runs again at the next start, instead
 * of running against a closing application.
 */
public class RegisteredEventExecutor extends ThreadPoolTaskExecutor implements ApplicationListener<ContextClosedEvent> {

	public RegisteredEventExecutor(String threadNamePrefix, int threads) {
		setCorePoolSize(threads);
		setMaxPoolSize(threads);
		setThreadNamePrefix(threadNamePrefix);
		setWaitForTasksToCompleteOnShutdown(true);
		setAwaitTerminationSeconds(10);
	}

	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		getThreadPoolExecutor().getQueue().clear();
	}

	/**
	 * Hands the events of {@code type} whose listener failed (or was cut off) more than
	 * 30 seconds ago to their listeners again; for a scheduled retry. Not while this
	 * executor still has work queued: every such event is then either waiting in that
	 * queue or failed, and handing them all over again would queue each waiting one once
	 * more every minute (a backlog of 19,000 letters in the long-run check). A failed one
	 * gets its turn once the queue has drained.
	 */
	public void resubmitFailed(IncompleteEventPublications incomplete, Class<?>... types) {
		if (!getThreadPoolExecutor().getQueue().isEmpty()) {
			return;
		}
		Instant before = Instant.now().minus(Duration.ofSeconds(30));
		incomplete.resubmitIncompletePublications(
				(publication) -> Arrays.stream(types).anyMatch((type) -> type.isInstance(publication.getEvent()))
						&& publication.getPublicationDate().isBefore(before));
	}

}
