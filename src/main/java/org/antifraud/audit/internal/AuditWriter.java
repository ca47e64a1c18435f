package org.antifraud.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.antifraud.audit.AuditEntry;
import org.antifraud.common.Now;
import org.antifraud.common.Page;
import org.antifraud.common.TransactionState;
import org.antifraud.common.SqlWhere;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes audit rows. Entries of a transaction are buffered and appended just before it
 * commits: the chain head is locked as the transaction's last lock, so appends are
 * serialized without deadlocking against the engine's own row locks. An entry's detail is
 * taken then too, so it may name what the transaction settles last (a letter's number
 * drawn at commit).
 */
@Component
public class AuditWriter {

	static final String GENESIS = "0".repeat(64);

	private static final String COLUMNS = "seq, occurred_at, actor, agency_code, action, entity_type, entity_id, case_ref, detail";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	AuditWriter(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	public void append(String action, String entityType, String entityId, String caseRef, Supplier<String> detail,
			String actor, String agencyCode) {
		Instant at = Now.instant().truncatedTo(ChronoUnit.MILLIS);
		Supplier<AuditEntry> entry = () -> new AuditEntry(0, at, actor, agencyCode, action, entityType, entityId,
				caseRef, truncate(detail.get()));
		TransactionState.atCommit(this, entry, this::write);
	}

	/** The entries of a case with one action, oldest first. */
	public List<AuditEntry> timeline(String caseRef, String action) {
		return this.jdbc.sql("select " + COLUMNS + " from audit_event where case_ref = ? and action = ? order by seq")
			.params(caseRef, action)
			.query(this::entry)
			.list();
	}

	public List<AuditEntry> timeline(String caseRef) {
		return this.jdbc.sql("select " + COLUMNS + " from audit_event where case_ref = ? order by seq")
			.param(caseRef)
			.query(this::entry)
			.list();
	}

	List<AuditEntry> page(SqlWhere filter, Page.Request request) {
		return filter.bind(this.jdbc.sql("select " + COLUMNS + " from audit_event" + filter.sql() + " order by seq desc"
				+ SqlWhere.page(request)))
			.query(this::entry)
			.list();
	}

	long count(SqlWhere filter) {
		return filter.bind(this.jdbc.sql("select count(*) from audit_event" + filter.sql())).query(Long.class).single();
	}

	/** Recomputes the whole chain; the first row whose hash does not match, if any. */
	VerificationResult verify() {
		String[] previous = { GENESIS };
		long[] checked = { 0 };
		Long[] broken = { null };
		this.jdbc.sql("select " + COLUMNS + ", prev_hash, hash from audit_event order by seq").query((rs) -> {
			if (broken[0] != null) {
				return;
			}
			AuditEntry entry = entry(rs, 0);
			String expected = hash(previous[0], entry);
			if (!previous[0].equals(rs.getString("prev_hash")) || !expected.equals(rs.getString("hash"))
					|| entry.seq() != checked[0] + 1) {
				broken[0] = entry.seq();
				return;
			}
			previous[0] = expected;
			checked[0]++;
		});
		return new VerificationResult(broken[0] == null, checked[0], broken[0]);
	}

	/** Appends the entries, their details taken now. */
	private void write(List<Supplier<AuditEntry>> entries) {
		Head head = this.jdbc.sql("select last_seq, last_hash from audit_head where id = 1 for update")
			.query((rs, row) -> new Head(rs.getLong(1), rs.getString(2)))
			.single();
		long seq = head.seq();
		String previous = head.hash();
		List<Object[]> rows = new ArrayList<>(entries.size());
		for (Supplier<AuditEntry> supplier : entries) {
			AuditEntry pending = supplier.get();
			seq++;
			AuditEntry entry = new AuditEntry(seq, pending.occurredAt(), pending.actor(), pending.agencyCode(),
					pending.action(), pending.entityType(), pending.entityId(), pending.caseRef(), pending.detail());
			String hash = hash(previous, entry);
			rows.add(new Object[] { entry.seq(), Timestamp.from(entry.occurredAt()), entry.actor(), entry.agencyCode(),
					entry.action(), entry.entityType(), entry.entityId(), entry.caseRef(), entry.detail(), previous,
					hash });
			previous = hash;
		}
		// one batch: on PostgreSQL one multi-row insert (PostgresBatching)
		this.batch.batchUpdate(
				"insert into audit_event (" + COLUMNS + ", prev_hash, hash) values (?,?,?,?,?,?,?,?,?,?,?)", rows);
		this.jdbc.sql("update audit_head set last_seq = ?, last_hash = ? where id = 1").params(seq, previous).update();
	}

	static String hash(String previous, AuditEntry entry) {
		String canonical = String.join("\u001f", previous, Long.toString(entry.seq()),
				Long.toString(entry.occurredAt().toEpochMilli()), Objects.toString(entry.actor(), ""),
				Objects.toString(entry.agencyCode(), ""), entry.action(), Objects.toString(entry.entityType(), ""),
				Objects.toString(entry.entityId(), ""), Objects.toString(entry.caseRef(), ""),
				Objects.toString(entry.detail(), ""));
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private AuditEntry entry(ResultSet rs, int row) throws SQLException {
		Timestamp at = rs.getTimestamp("occurred_at");
		return new AuditEntry(rs.getLong("seq"), (at != null) ? at.toInstant() : Instant.EPOCH, rs.getString("actor"),
				rs.getString("agency_code"), rs.getString("action"), rs.getString("entity_type"),
				rs.getString("entity_id"), rs.getString("case_ref"), rs.getString("detail"));
	}

	private static String truncate(String detail) {
		return (detail != null && detail.length() > 2000) ? detail.substring(0, 2000) : detail;
	}

	private record Head(long seq, String hash) {
	}

	/** Outcome of a chain verification. */
	record VerificationResult(boolean valid, long checked, Long firstBrokenSeq) {
	}

}
