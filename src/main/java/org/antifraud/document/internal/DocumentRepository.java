package org.antifraud.document.internal;

import static org.antifraud.common.Rows.enumValue;
import static org.antifraud.common.Rows.instant;
import static org.antifraud.common.Rows.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.antifraud.document.LetterType;

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

	DocumentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(DocumentRecord d, String text) {
		this.jdbc.sql("insert into document (" + COLUMNS + ", text_content) values (" + "?, ".repeat(23) + "?)")
			.params(d.id(), d.kind(), (d.letterType() != null) ? d.letterType().name() : null, d.title(), d.number(),
					d.issuerCode(), d.caseKind(), d.caseId(), d.taskId(), d.recipient(), d.audience(), d.fields(),
					d.mediaType(), d.sizeBytes(), d.sha256(), d.storageKey(), d.verificationCode(), d.status(),
					d.supersedes(), d.supersededBy(), d.revocationReason(), d.createdBy(), timestamp(d.createdAt()),
					text)
			.update();
	}

	Optional<DocumentRecord> find(String id) {
		return this.jdbc.sql("select " + COLUMNS + " from document where id = ?").param(id).query(this::row).optional();
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

	boolean codeTaken(String code) {
		return this.jdbc.sql("select count(*) from document where verification_code = ?")
			.param(code)
			.query(Integer.class)
			.single() > 0;
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
