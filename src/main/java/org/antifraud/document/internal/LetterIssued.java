package org.antifraud.document.internal;

/**
 * One letter to lay out, sign and store: the event of versions that published a letter's
 * rendering alone. Publications of it still open in a database written by such a version
 * are rendered as before, at the next start or by the retry; new steps publish
 * {@link LettersIssued}.
 */
record LetterIssued(String documentId) {
}
