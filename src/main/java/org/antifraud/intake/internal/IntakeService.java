package org.antifraud.intake.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.antifraud.audit.AuditTrail;
import org.antifraud.common.ApiException;
import org.antifraud.common.FieldError;
import org.antifraud.common.Now;
import org.antifraud.common.ProblemResponses;
import org.antifraud.common.RowIds;
import org.antifraud.common.Rows;
import org.antifraud.security.Actor;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a spreadsheet twice, streaming: first every row is checked (nothing is written),
 * then, when no row is bad or only the valid rows were asked for, the rows are imported
 * in chunks. A row whose natural key was imported before, in this file or an earlier one,
 * is a duplicate and creates nothing.
 */
@Service
class IntakeService {

	/** Rows imported per transaction. */
	static final int CHUNK = 200;

	/** Errors listed in a report; the count of rejected rows is always complete. */
	static final int MAX_ERRORS = 1000;

	private final Map<String, RowImport> imports = new HashMap<>();

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final TransactionTemplate savepoint;

	private final ProblemResponses messages;

	private final AuditTrail audit;

	IntakeService(List<RowImport> imports, JdbcClient jdbc, PlatformTransactionManager transactions,
			ProblemResponses messages, AuditTrail audit) {
		imports.forEach((rowImport) -> this.imports.put(rowImport.kind(), rowImport));
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.messages = messages;
		this.audit = audit;
	}

	RowImport kind(String kind) {
		RowImport rowImport = this.imports.get(kind);
		if (rowImport == null) {
			throw ApiException.notFound();
		}
		return rowImport;
	}

	/**
	 * A bad cell: the sheet row, the column header and a message in the caller's
	 * language.
	 */
	record RowError(int row, String column, String message) {
	}

	/** What an upload did. */
	record Report(String batchId, String kind, String fileName, int totalRows, int accepted, int rejected,
			int duplicates, List<RowError> errors, boolean errorsTruncated) {
	}

	/**
	 * The whole file was refused (bad rows or wrong headers); nothing was imported. The
	 * message is a message-bundle key.
	 */
	static class Rejected extends RuntimeException {

		private final transient Report report;

		Rejected(String messageKey, Report report) {
			super(messageKey);
			this.report = report;
		}

		Report report() {
			return this.report;
		}

	}

	/** The columns of one sheet, by header, and what was wrong with its header row. */
	private static final class Sheet {

		final Map<Integer, String> headers = new LinkedHashMap<>();

		int total;

		int rejected;

		int duplicates;

		final BitSet skip = new BitSet();

		final List<RowError> errors = new ArrayList<>();

		final Set<String> keys = new HashSet<>();

	}

	Report upload(String kind, Path file, String fileName, boolean validOnly, Actor actor, Locale locale)
			throws IOException {
		RowImport rowImport = kind(kind);
		String sha256 = sha256(file);
		Sheet sheet = new Sheet();
		SpreadsheetReader.read(file, (number, cells) -> check(rowImport, sheet, number, cells, actor, locale));
		if (sheet.headers.isEmpty()) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "intake.empty");
		}
		if (sheet.total == 0) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "intake.noRows");
		}
		boolean truncated = sheet.rejected > sheet.errors.size();
		if (sheet.rejected > 0 && !validOnly) {
			throw new Rejected("intake.rowsRejected", new Report(null, kind, fileName, sheet.total, 0, sheet.rejected,
					sheet.duplicates, sheet.errors, truncated));
		}
		String batchId = RowIds.next();
		this.transaction.executeWithoutResult((status) -> this.jdbc
			.sql("""
					insert into intake_batch (id, kind, file_name, sha256, agency_code, uploaded_by, uploaded_at, total_rows,
					  accepted, rejected, duplicates) values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""")
			.params(batchId, kind, fileName, sha256, actor.agencyCode(), actor.username(),
					Rows.timestamp(Now.instant()), sheet.total, sheet.rejected, sheet.duplicates)
			.update());
		int[] counts = importRows(rowImport, file, sheet, batchId, actor);
		int accepted = counts[0];
		int duplicates = sheet.duplicates + counts[1];
		this.transaction.executeWithoutResult((status) -> {
			this.jdbc.sql("update intake_batch set accepted = ?, duplicates = ? where id = ?")
				.params(accepted, duplicates, batchId)
				.update();
			this.audit.record("INTAKE_UPLOADED", "INTAKE", batchId, null,
					kind + " " + fileName + "：导入" + accepted + "行，拒绝" + sheet.rejected + "行，重复" + duplicates + "行");
		});
		return new Report(batchId, kind, fileName, sheet.total, accepted, sheet.rejected, duplicates, sheet.errors,
				truncated);
	}

	private void check(RowImport rowImport, Sheet sheet, int number, List<String> cells, Actor actor, Locale locale) {
		if (sheet.headers.isEmpty()) {
			headers(rowImport, sheet, cells, locale);
			return;
		}
		Map<String, String> row = row(sheet, cells);
		if (row.values().stream().allMatch((value) -> value == null || value.isBlank())) {
			sheet.skip.set(number);
			return;
		}
		sheet.total++;
		String key = rowImport.key(row, actor);
		if (!sheet.keys.add(key) || imported(rowImport.kind(), key)) {
			sheet.duplicates++;
			sheet.skip.set(number);
			return;
		}
		try {
			rowImport.validate(row, actor);
		}
		catch (ApiException ex) {
			if (ex.status() == HttpStatus.FORBIDDEN || ex.status() == HttpStatus.UNAUTHORIZED) {
				throw ex;
			}
			sheet.rejected++;
			sheet.skip.set(number);
			List<FieldError> errors = ex.errors().isEmpty()
					? List.of(new FieldError(rowImport.columns().get(1).field(), ex.getMessage())) : ex.errors();
			for (FieldError error : errors) {
				if (sheet.errors.size() < MAX_ERRORS) {
					sheet.errors.add(new RowError(number, rowImport.column(error.field()),
							this.messages.message(error.message(), ex.args(), locale, error.message())));
				}
			}
		}
	}

	private void headers(RowImport rowImport, Sheet sheet, List<String> cells, Locale locale) {
		Set<String> expected = new HashSet<>();
		rowImport.columns().forEach((column) -> expected.add(column.header()));
		List<FieldError> errors = new ArrayList<>();
		for (int i = 0; i < cells.size(); i++) {
			String header = (cells.get(i) != null) ? cells.get(i).trim() : "";
			if (header.isEmpty()) {
				continue;
			}
			if (!expected.contains(header) || sheet.headers.containsValue(header)) {
				errors.add(new FieldError(header, "intake.unknownColumn"));
			}
			sheet.headers.put(i, header);
		}
		for (RowImport.Column column : rowImport.columns()) {
			if (!sheet.headers.containsValue(column.header())) {
				errors.add(new FieldError(column.header(), "intake.missingColumn"));
			}
		}
		if (!errors.isEmpty()) {
			List<RowError> rowErrors = errors.stream()
				.map((error) -> new RowError(1, error.field(),
						this.messages.message(error.message(), null, locale, error.message())))
				.toList();
			throw new Rejected("intake.wrongHeaders",
					new Report(null, rowImport.kind(), null, 0, 0, 0, 0, rowErrors, false));
		}
	}

	private static Map<String, String> row(Sheet sheet, List<String> cells) {
		Map<String, String> row = new HashMap<>();
		sheet.headers.forEach((index, header) -> row.put(header, (index < cells.size()) ? cells.get(index) : null));
		return row;
	}

	private boolean imported(String kind, String key) {
		return this.jdbc.sql("select count(*) from intake_row where kind = ? and row_key = ?")
			.params(kind, key)
			.query(Long.class)
			.single() > 0;
	}

	/** Imports the rows not skipped; returns accepted and late duplicates. */
	private int[] importRows(RowImport rowImport, Path file, Sheet sheet, String batchId, Actor actor)
			throws IOException {
		int[] counts = new int[2];
		List<Map<String, String>> chunk = new ArrayList<>(CHUNK);
		boolean[] header = { true };
		SpreadsheetReader.read(file, (number, cells) -> {
			if (header[0]) {
				header[0] = false;
				return;
			}
			if (sheet.skip.get(number)) {
				return;
			}
			chunk.add(row(sheet, cells));
			if (chunk.size() == CHUNK) {
				importChunk(rowImport, chunk, batchId, actor, counts);
				chunk.clear();
			}
		});
		if (!chunk.isEmpty()) {
			importChunk(rowImport, chunk, batchId, actor, counts);
		}
		return counts;
	}

	private void importChunk(RowImport rowImport, List<Map<String, String>> chunk, String batchId, Actor actor,
			int[] counts) {
		this.transaction.executeWithoutResult((status) -> {
			for (Map<String, String> row : chunk) {
				String key = rowImport.key(row, actor);
				try {
					// a concurrent upload of the same rows: the key is taken, the row is
					// a
					// duplicate
					this.savepoint.executeWithoutResult((inner) -> this.jdbc
						.sql("insert into intake_row (kind, row_key, batch_id) values (?, ?, ?)")
						.params(rowImport.kind(), key, batchId)
						.update());
				}
				catch (DuplicateKeyException ex) {
					counts[1]++;
					continue;
				}
				String id = rowImport.importRow(row, actor);
				this.jdbc.sql("update intake_row set entity_id = ? where kind = ? and row_key = ?")
					.params(id, rowImport.kind(), key)
					.update();
				counts[0]++;
			}
		});
	}

	private static String sha256(Path file) throws IOException {
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
			in.transferTo(OutputStream.nullOutputStream());
			return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
