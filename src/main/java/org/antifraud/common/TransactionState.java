package org.antifraud.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * State a component keeps for the current transaction (entries to append, numbers to
 * draw, events to publish as it commits): found again by its key for as long as the
 * transaction runs, and dropped when it completes.
 */
public final class TransactionState {

	private TransactionState() {
	}

	/**
	 * The state bound to {@code key} in the current transaction; on first use made by
	 * {@code create} and registered as one of the transaction's synchronizations. Call it
	 * only while synchronization is active.
	 */
	@SuppressWarnings("unchecked")
	public static <T extends TransactionSynchronization> T of(Object key, Supplier<T> create) {
		T state = (T) TransactionSynchronizationManager.getResource(key);
		if (state == null) {
			state = create.get();
			TransactionSynchronizationManager.bindResource(key, state);
			TransactionSynchronizationManager.registerSynchronization(state);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(key);
				}
			});
		}
		return state;
	}

	/**
	 * Adds {@code item} to what the current transaction gathers under {@code key}; as the
	 * transaction commits, everything gathered is published as one event made by
	 * {@code event}, in the transaction (so the event publication registry keeps it with
	 * the step's data). A step's fourteen execution orders then make one publication and
	 * one listener transaction, not fourteen. Without a transaction the item is published
	 * alone, at once.
	 */
	public static <T> void publishAtCommit(Object key, T item, ApplicationEventPublisher events,
			Function<List<T>, Object> event) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			events.publishEvent(event.apply(List.of(item)));
			return;
		}
		TransactionState.<Gathered<T>>of(key, () -> new Gathered<>(events, event)).items.add(item);
	}

	/** Items of one transaction, published as one event before it commits. */
	private static final class Gathered<T> implements TransactionSynchronization {

		private final List<T> items = new ArrayList<>();

		private final ApplicationEventPublisher events;

		private final Function<List<T>, Object> event;

		private Gathered(ApplicationEventPublisher events, Function<List<T>, Object> event) {
			this.events = events;
			this.event = event;
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			if (!this.items.isEmpty()) {
				this.events.publishEvent(this.event.apply(List.copyOf(this.items)));
				this.items.clear();
			}
		}

	}

}
