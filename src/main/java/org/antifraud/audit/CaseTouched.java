package org.antifraud.audit;

/**
 * A case got an audit entry: something about it changed or was shown. Published once per
 * case per transaction, through the event publication registry, so that a listener such
 * as the search indexer sees every change at least once, after it committed.
 *
 * @param caseRef the case's id, as recorded in the audit trail
 */
public record CaseTouched(String caseRef) {
}
