package org.antifraud.document.internal;

import java.time.ZonedDateTime;
import java.util.List;

import org.antifraud.document.Letters;

/**
 * Everything printed on a letter, ready for layout.
 *
 * @param issuerName the issuing agency, printed in red at the top, at the end and in the
 * seal
 * @param number the 文号
 * @param title the title
 * @param paragraphs the body, 主送 line included
 * @param issuedAt the moment of issue; its date is the 成文日期
 * @param verificationCode the short code printed beside the QR code
 * @param verifyUrl the address in the QR code
 */
record LetterContent(String issuerName, String number, String title, List<LetterTemplate.Paragraph> paragraphs,
		ZonedDateTime issuedAt, String verificationCode, String verifyUrl) {

	/** The 成文日期 as printed: 2026年9月28日. */
	String dateText() {
		return Letters.date(this.issuedAt.toLocalDate());
	}

}
