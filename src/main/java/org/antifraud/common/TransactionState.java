package org.antifraud.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
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
		atCommit(key, item, (items) -> events.publishEvent(event.apply(items)));
	}

	/**
	 * Adds {@code item} to what the current transaction gathers under {@code key}; just
	 * before it commits, in the transaction, {@code write} gets everything gathered, once
	 * (a step's audit entries, the notifications of its new tasks). Without a transaction
	 * {@code write} gets the item alone, at once.
	 */
	public static <T> void atCommit(Object key, T item, Consumer<List<T>> write) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			write.accept(List.of(item));
			return;
		}
		TransactionState.gathered(key, ArrayList<T>::new, (List<T> items) -> {
			if (!items.isEmpty()) {
				write.accept(List.copyOf(items));
			}
		}).add(item);
	}

	/**
	 * What the current transaction gathers under {@code key}, made by {@code create} on
	 * first use; just before the transaction commits, {@code write} gets it. Call it only
	 * while synchronization is active.
	 */
	public static <C> C gathered(Object key, Supplier<C> create, Consumer<C> write) {
		return TransactionState.<Gathered<C>>of(key, () -> new Gathered<>(create.get(), write)).items;
	}

	/**
	 * What the current transaction keeps under {@code key}, made by {@code create} on
	 * first use and dropped when the transaction completes; without a transaction, a
	 * fresh one kept nowhere.
	 */
	public static <C> C kept(Object key, Supplier<C> create) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return create.get();
		}
		return gathered(key, create, (kept) -> {
		});
	}

	/** What one transaction gathers, written as it commits. */
	private static final class Gathered<C> implements TransactionSynchronization {

		private final C items;

		private final Consumer<C> write;

		private Gathered(C items, Consumer<C> write) {
			this.items = items;
			this.write = write;
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			this.write.accept(this.items);
		}

	}

}
