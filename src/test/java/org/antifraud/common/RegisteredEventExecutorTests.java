package org.antifraud.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * The scheduled retry hands incomplete events over again only when the executor's queue
 * is empty, so events still waiting there are not queued twice.
 */
class RegisteredEventExecutorTests {

	private final RegisteredEventExecutor executor = new RegisteredEventExecutor("test-", 1);

	private final List<Predicate<EventPublication>> resubmissions = new ArrayList<>();

	private final IncompleteEventPublications incomplete = new IncompleteEventPublications() {
		@Override
		public void resubmitIncompletePublications(Predicate<EventPublication> filter) {
			RegisteredEventExecutorTests.this.resubmissions.add(filter);
		}

		@Override
		public void resubmitIncompletePublicationsOlderThan(Duration duration) {
			throw new UnsupportedOperationException();
		}
	};

	@BeforeEach
	void start() {
		this.executor.initialize();
	}

	@AfterEach
	void stop() {
		this.executor.shutdown();
	}

	@Test
	void failedEventsAreResubmittedWhenNothingIsQueued() {
		this.executor.resubmitFailed(this.incomplete, String.class);
		assertThat(this.resubmissions).hasSize(1);
	}

	@Test
	void nothingIsResubmittedWhileEventsWaitInTheQueue() throws Exception {
		CountDownLatch busy = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		this.executor.execute(() -> {
			busy.countDown();
			await(release);
		});
		assertThat(busy.await(5, TimeUnit.SECONDS)).isTrue();
		// one running, one waiting behind it
		this.executor.execute(() -> {
		});
		this.executor.resubmitFailed(this.incomplete, String.class);
		assertThat(this.resubmissions).isEmpty();
		release.countDown();
		while (!this.executor.getThreadPoolExecutor().getQueue().isEmpty()) {
			Thread.sleep(10);
		}
		this.executor.resubmitFailed(this.incomplete, String.class);
		assertThat(this.resubmissions).hasSize(1);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void threadsMadeToYieldRunAtTheLowerPriority() throws Exception {
		assumeTrue(Files.exists(Path.of("/proc/thread-self")), "Linux");
		int caller = niceness();
		RegisteredEventExecutor yielding = new RegisteredEventExecutor("yielding-", 1, 10);
		yielding.initialize();
		try {
			// lowered to 10, never raised from a lower priority the caller runs at
			assertThat(yielding.submit(RegisteredEventExecutorTests::niceness).get(30, TimeUnit.SECONDS))
				.isEqualTo(Math.max(10, caller));
			assertThat(this.executor.submit(RegisteredEventExecutorTests::niceness).get(30, TimeUnit.SECONDS))
				.isEqualTo(caller);
		}
		finally {
			yielding.shutdown();
		}
	}

	private static int niceness() throws IOException {
		return RegisteredEventExecutor.niceness(Path.of("/proc/thread-self"));
	}

}
