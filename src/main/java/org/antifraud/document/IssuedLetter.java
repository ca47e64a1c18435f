package org.antifraud.document;

/**
 * A letter once issued.
 *
 * @param id the document id
 * @param number the 文号
 * @param verificationCode the short code printed with the QR code
 */
public record IssuedLetter(String id, String number, String verificationCode) {
}
