package org.antifraud.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

	private static final Logger log = LoggerFactory.getLogger(RegisteredEventExecutor.class);

	private final int niceness;

	public RegisteredEventExecutor(String threadNamePrefix, int threads) {
		this(threadNamePrefix, threads, 0);
	}

	/**
	 * Threads that yield to the application's others: on Linux each lowers its own
	 * scheduling priority to {@code niceness} (as {@code renice} sets it; 0 is the normal
	 * priority, 19 the lowest) when it starts. Work that may wait, such as letters, then
	 * runs on what the steps and the portal leave over, and on every core once they are
	 * idle. Best effort: where the priority cannot be lowered (another system, no
	 * {@code renice}) the threads run at the normal one.
	 */
	public RegisteredEventExecutor(String threadNamePrefix, int threads, int niceness) {
		this.niceness = niceness;
		setCorePoolSize(threads);
		setMaxPoolSize(threads);
		setThreadNamePrefix(threadNamePrefix);
		setWaitForTasksToCompleteOnShutdown(true);
		setAwaitTerminationSeconds(10);
	}

	@Override
	public Thread createThread(Runnable runnable) {
		if (this.niceness == 0) {
			return super.createThread(runnable);
		}
		return super.createThread(() -> {
			lowerPriority(this.niceness);
			runnable.run();
		});
	}

	/**
	 * Lowers the calling thread's priority to nice value {@code niceness}, unless it runs
	 * at that or lower already (a whole application started with {@code nice}): Linux
	 * schedules threads, not processes, and {@code /proc/thread-self} names the caller's
	 * thread. A thread may always lower its own priority.
	 */
	private static void lowerPriority(int niceness) {
		Path self = Path.of("/proc/thread-self");
		if (!Files.exists(self)) {
			return;
		}
		try {
			if (niceness(self) >= niceness) {
				return;
			}
			String thread = Files.readSymbolicLink(self).getFileName().toString();
			Process renice = new ProcessBuilder("renice", "-n", String.valueOf(niceness), "-p", thread)
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (!renice.waitFor(10, TimeUnit.SECONDS) || renice.exitValue() != 0) {
				renice.destroy();
				log.info("{} runs at the normal priority: renice did not lower it", Thread.currentThread().getName());
			}
		}
		catch (IOException | RuntimeException ex) {
			log.info("{} runs at the normal priority: {}", Thread.currentThread().getName(), ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** A thread's nice value: the 19th field of its {@code stat}. */
	static int niceness(Path thread) throws IOException {
		String stat = Files.readString(thread.resolve("stat"));
		// the fields after the command, which is in parentheses and may hold spaces
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return Integer.parseInt(fields[16]);
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
