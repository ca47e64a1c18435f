package org.antifraud.document;

import java.time.Instant;

/**
 * A document as listed on its case.
 *
 * @param id the document id
 * @param kind LETTER or ATTACHMENT
 * @param type the letter type, or {@code null} for an attachment
 * @param title the letter's title or the attachment's file name
 * @param number the 文号 of a letter
 * @param issuerCode the issuing or uploading agency
 * @param recipient the addressee of a letter
 * @param mediaType the content's media type
 * @param status a letter's ISSUED, SUPERSEDED or REVOKED; FILED for an attachment
 * @param createdAt when it was issued or uploaded
 */
public record DocumentSummary(String id, String kind, LetterType type, String title, String number, String issuerCode,
		String recipient, String mediaType, String status, Instant createdAt) {
}
