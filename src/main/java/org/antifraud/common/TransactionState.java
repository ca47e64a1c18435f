package org.antifraud.common;

import java.util.function.Supplier;

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

}
