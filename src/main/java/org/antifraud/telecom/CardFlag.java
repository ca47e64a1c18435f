package org.antifraud.telecom;

/**
 * A high-risk card to verify, as sent over the API or read from an intake row.
 *
 * @param operatorCode the basic operator of the card
 * @param phone the mobile number
 * @param holderName the registered holder
 * @param holderIdNumber the holder's resident ID number
 * @param reason a {@link CardReason} name
 * @param detail what was seen
 */
public record CardFlag(String operatorCode, String phone, String holderName, String holderIdNumber, String reason,
		String detail) {
}
