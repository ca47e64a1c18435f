package org.antifraud.audit;

import java.util.List;

import org.antifraud.audit.internal.AuditWriter;
import org.antifraud.security.Actor;
import org.antifraud.security.CurrentActor;

import org.springframework.stereotype.Service;

/**
 * Records what happened, who did it and to which case. Entries join the current
 * transaction and are chained at commit, so a rolled-back change leaves no audit row and
 * a committed one always has its row.
 */
@Service
public class AuditTrail {

	/** The actor recorded for work done by the engine itself (timers, service tasks). */
	public static final String SYSTEM = "system";

	private final AuditWriter writer;

	private final CurrentActor currentActor;

	AuditTrail(AuditWriter writer, CurrentActor currentActor) {
		this.writer = writer;
		this.currentActor = currentActor;
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
		Actor actor = this.currentActor.find().orElse(null);
		this.writer.append(action, entityType, entityId, caseRef, detail, (actor != null) ? actor.username() : SYSTEM,
				(actor != null) ? actor.agencyCode() : null);
	}

	/** Every entry of a case, oldest first. */
	public List<AuditEntry> timeline(String caseRef) {
		return this.writer.timeline(caseRef);
	}

}
