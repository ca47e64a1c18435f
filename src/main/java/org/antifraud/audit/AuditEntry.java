package org.antifraud.audit;

import java.time.Instant;

/**
 * One row of the audit trail as read back.
 */
public record AuditEntry(long seq, Instant occurredAt, String actor, String agencyCode, String action,
		String entityType, String entityId, String caseRef, String detail) {
}
