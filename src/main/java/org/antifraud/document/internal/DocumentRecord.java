package org.antifraud.document.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.antifraud.document.DocumentSummary;
import org.antifraud.document.LetterType;
import org.antifraud.security.Actor;

/** A row of {@code document}: an issued letter (kind LETTER) or an attachment. */
record DocumentRecord(String id, String kind, LetterType letterType, String title, String number, String issuerCode,
		String caseKind, String caseId, String taskId, String recipient, String audience, String fields,
		String mediaType, long sizeBytes, String sha256, String storageKey, String verificationCode, String status,
		String supersedes, String supersededBy, String revocationReason, String createdBy, Instant createdAt) {

	static final String LETTER = "LETTER";

	static final String ATTACHMENT = "ATTACHMENT";

	/** This letter with the number and the verification code drawn for it. */
	DocumentRecord issued(String drawn, String code) {
		return new DocumentRecord(this.id, this.kind, this.letterType, this.title, drawn, this.issuerCode,
				this.caseKind, this.caseId, this.taskId, this.recipient, this.audience, this.fields, this.mediaType,
				this.sizeBytes, this.sha256, this.storageKey, code, this.status, this.supersedes, this.supersededBy,
				this.revocationReason, this.createdBy, this.createdAt);
	}

	static final String ISSUED = "ISSUED";

	/** The status of an attachment: filed on its case. */
	static final String FILED = "FILED";

	Set<String> audienceCodes() {
		return Arrays.stream(this.audience.split(",")).filter((code) -> !code.isBlank()).collect(Collectors.toSet());
	}

	/**
	 * Whether {@code actor} may read this document: its agency is in the audience, or it
	 * reads everything.
	 */
	boolean readableBy(Actor actor) {
		return actor.readsEverything() || audienceCodes().contains(actor.agencyCode());
	}

	/** The same letter once its file is stored. */
	DocumentRecord withFile(long size, String sha256, String key) {
		return new DocumentRecord(this.id, this.kind, this.letterType, this.title, this.number, this.issuerCode,
				this.caseKind, this.caseId, this.taskId, this.recipient, this.audience, this.fields, this.mediaType,
				size, sha256, key, this.verificationCode, this.status, this.supersedes, this.supersededBy,
				this.revocationReason, this.createdBy, this.createdAt);
	}

	DocumentSummary summary() {
		return new DocumentSummary(this.id, this.kind, this.letterType, this.title, this.number, this.issuerCode,
				this.recipient, this.mediaType, this.status, this.createdAt);
	}

}
