package org.antifraud.rectification;

/**
 * The joint office referred a unit that failed to rectify to the procuratorate; a
 * public-interest litigation clue is opened for it.
 */
public record RectificationReferred(String orderId, String caseNumber, String unitCode, String facts) {
}
