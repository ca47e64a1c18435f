package org.antifraud.document.internal;

import static org.antifraud.common.Rows.enumValue;
import static org.antifraud.common.Rows.instant;
import static org.antifraud.common.Rows.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.antifraud.document.LetterType;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The document registry. */
@Repository
class DocumentRepository {

	private static final String COLUMNS = """
			id, kind, letter_type, title, number, issuer_code, case_kind, case_id, task_id, recipient, audience,
			fields, media_type, size_bytes, sha256, storage_key, verification_code, status, supersedes,
			superseded_by, revocation_reason, created_by, created_at""";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	DocumentRepository(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	void insert(DocumentRecord d, String text) {
		insert(List.of(new WithText(d, text)));
	}

	/** Documents with their text, one batch (on PostgreSQL one multi-row insert). */
	void insert(List<WithText> documents) {
		this.batch.batchUpdate(
				"insert into document (" + COLUMNS + ", text_content) values (" + "?, ".repeat(23) + "?)",
				documents.stream().map((document) -> {
					DocumentRecord d = document.record();
					return new Object[] { d.id(), d.kind(), (d.letterType() != null) ? d.letterType().name() : null,
							d.title(), d.number(), d.issuerCode(), d.caseKind(), d.caseId(), d.taskId(), d.recipient(),
							d.audience(), d.fields(), d.mediaType(), d.sizeBytes(), d.sha256(), d.storageKey(),
							d.verificationCode(), d.status(), d.supersedes(), d.supersededBy(), d.revocationReason(),
							d.createdBy(), timestamp(d.createdAt()), document.text() };
				}).toList());
	}

	Optional<DocumentRecord> find(String id) {
		return this.jdbc.sql("select " + COLUMNS + " from document where id = ?").param(id).query(this::row).optional();
	}

	/**
	 * The documents, their rows locked until the transaction ends, in id order (so two
	 * transactions locking some of the same rows wait for each other, never deadlock).
	 */
	List<DocumentRecord> lock(Collection<String> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select " + COLUMNS + " from document where id in (:ids) order by id for update")
			.param("ids", ids)
			.query(this::row)
			.list();
	}

	/** Records letters' files once they are laid out, signed and stored: one batch. */
	void rendered(List<DocumentRecord> letters) {
		if (letters.isEmpty()) {
			return;
		}
		this.batch.batchUpdate("update document set size_bytes = ?, sha256 = ?, storage_key = ? where id = ?", letters
			.stream()
			.map((letter) -> new Object[] { letter.sizeBytes(), letter.sha256(), letter.storageKey(), letter.id() })
			.toList());
	}

	Optional<DocumentRecord> byCode(String code) {
		return this.jdbc.sql("select " + COLUMNS + " from document where verification_code = ?")
			.param(code)
			.query(this::row)
			.optional();
	}

	List<DocumentRecord> bySha256(String sha256) {
		return this.jdbc.sql("select " + COLUMNS + " from document where sha256 = ?")
			.param(sha256)
			.query(this::row)
			.list();
	}

	List<DocumentRecord> onCase(String caseKind, String caseId) {
		return this.jdbc.sql("select " + COLUMNS + " from document where case_kind = ? and case_id = ? order by seq")
			.params(caseKind, caseId)
			.query(this::row)
			.list();
	}

	/** The letter of a type to a recipient on a case that is in force, if any. */
	Optional<DocumentRecord> current(String caseKind, String caseId, LetterType type, String recipient) {
		return this.jdbc
			.sql("select " + COLUMNS + " from document where case_kind = ? and case_id = ? and letter_type = ?"
					+ " and recipient = ? and status = 'ISSUED' order by seq desc")
			.params(caseKind, caseId, type.name(), recipient)
			.query(this::row)
			.stream()
			.findFirst();
	}

	/**
	 * Marks a letter superseded by {@code by} if it is still in force; false when another
	 * correction or a revocation came first (the row lock makes the second one wait and
	 * then see the new status).
	 */
	boolean supersede(String id, String by) {
		return this.jdbc
			.sql("update document set status = 'SUPERSEDED', superseded_by = ? where id = ? and status = 'ISSUED'")
			.params(by, id)
			.update() == 1;
	}

	/** Marks a letter revoked if it is still in force. */
	boolean revoke(String id, String reason) {
		return this.jdbc
			.sql("update document set status = 'REVOKED', revocation_reason = ? where id = ? and status = 'ISSUED'")
			.params(reason, id)
			.update() == 1;
	}

	/** The same file already uploaded by the same agency to the same case. */
	Optional<DocumentRecord> attachment(String caseKind, String caseId, String agency, String sha256) {
		return this.jdbc
			.sql("select " + COLUMNS + " from document where sha256 = ? and kind = 'ATTACHMENT' and case_kind = ?"
					+ " and case_id = ? and issuer_code = ?")
			.params(sha256, caseKind, caseId, agency)
			.query(this::row)
			.stream()
			.findFirst();
	}

	/** A document with its extracted text. */
	record WithText(DocumentRecord record, String text) {
	}

	/** Every document on a case, whatever its kind, with its text. */
	List<WithText> withText(String caseId) {
		return this.jdbc.sql("select " + COLUMNS + ", text_content from document where case_id = ? order by seq")
			.param(caseId)
			.query((rs, n) -> new WithText(row(rs, n), rs.getString("text_content")))
			.list();
	}

	/** Those of {@code codes} that documents have. */
	List<String> codesTaken(Collection<String> codes) {
		return this.jdbc.sql("select verification_code from document where verification_code in (:codes)")
			.param("codes", codes)
			.query(String.class)
			.list();
	}

	private DocumentRecord row(ResultSet rs, int n) throws SQLException {
		return new DocumentRecord(rs.getString("id"), rs.getString("kind"),
				enumValue(rs, "letter_type", LetterType.class), rs.getString("title"), rs.getString("number"),
				rs.getString("issuer_code"), rs.getString("case_kind"), rs.getString("case_id"),
				rs.getString("task_id"), rs.getString("recipient"), rs.getString("audience"), rs.getString("fields"),
				rs.getString("media_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
				rs.getString("storage_key"), rs.getString("verification_code"), rs.getString("status"),
				rs.getString("supersedes"), rs.getString("superseded_by"), rs.getString("revocation_reason"),
				rs.getString("created_by"), instant(rs, "created_at"));
	}

}
