package org.antifraud.audit;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.antifraud.audit.internal.AuditWriter;
import org.antifraud.common.TransactionState;
import org.antifraud.security.Actor;
import org.antifraud.security.CurrentActor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records what happened, who did it and to which case. Entries join the current
 * transaction and are chained at commit, so a rolled-back change leaves no audit row and
 * a committed one always has its row.
 */
@Service
public class AuditTrail {

	/** The actor recorded for work done by the engine itself (timers, service tasks). */
	public static final String SYSTEM = "system";

	/** The transaction resource key of the cases already announced. */
	private static final Object TOUCHED = new Object();

	private final AuditWriter writer;

	private final CurrentActor currentActor;

	private final ApplicationEventPublisher events;

	AuditTrail(AuditWriter writer, CurrentActor currentActor, ApplicationEventPublisher events) {
		this.writer = writer;
		this.currentActor = currentActor;
		this.events = events;
	}

	/**
	 * Records an action by the current actor, or by the system when no one is signed in.
	 * @param action what happened, e.g. {@code CASE_FILED}
	 * @param entityType the kind of record changed or shown
	 * @param entityId its id
	 * @param caseRef the case the entry belongs to, for the case timeline (may be null)
	 * @param detail a short human-readable description
	 */
	public void record(String action, String entityType, String entityId, String caseRef, String detail) {
		record(action, entityType, entityId, caseRef, () -> detail);
	}

	/**
	 * Records an action whose description is known only as the transaction commits (a
	 * letter's number drawn then): {@code detail} is asked for just before the entry is
	 * appended.
	 */
	public void record(String action, String entityType, String entityId, String caseRef, Supplier<String> detail) {
		Actor actor = this.currentActor.find().orElse(null);
		this.writer.append(action, entityType, entityId, caseRef, detail, (actor != null) ? actor.username() : SYSTEM,
				(actor != null) ? actor.agencyCode() : null);
		if (caseRef != null && firstInTransaction(caseRef)) {
			this.events.publishEvent(new CaseTouched(caseRef));
		}
	}

	/** Whether this transaction has not yet announced the case. */
	private boolean firstInTransaction(String caseRef) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return true;
		}
		return TransactionState.of(TOUCHED, Touched::new).cases.add(caseRef);
	}

	/** The cases the current transaction has announced. */
	private static final class Touched implements TransactionSynchronization {

		private final Set<String> cases = new HashSet<>();

	}

	/** Every entry of a case, oldest first. */
	public List<AuditEntry> timeline(String caseRef) {
		return this.writer.timeline(caseRef);
	}

	/** The entries of a case with one action (its comments, say), oldest first. */
	public List<AuditEntry> timeline(String caseRef, String action) {
		return this.writer.timeline(caseRef, action);
	}

}
