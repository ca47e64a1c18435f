package org.antifraud.document.internal;

import java.util.List;

/**
 * The letters one step numbered and registered, in the order issued; their PDFs are to be
 * laid out, signed and stored. Published as the step commits and kept in the event
 * registry until all are rendered: a case's fourteen execution orders are one publication
 * and one rendering transaction.
 */
record LettersIssued(List<String> documentIds) {
}
