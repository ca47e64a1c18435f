package org.antifraud.document.internal;

/**
 * A letter was numbered and registered; its PDF is to be laid out, signed and stored.
 * Published in the issuing transaction and kept in the event registry until rendered.
 */
record LetterIssued(String documentId) {
}
