package org.antifraud.intake.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.antifraud.common.ApiException;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

import org.springframework.http.HttpStatus;

/**
 * Streams the rows of an .xlsx (first sheet) or .csv file as cell texts, recognising the
 * format by content, not by name. Date cells become {@code YYYY-MM-DD}. CSV may be UTF-8
 * (with or without BOM) or GB18030, as Excel saves it on Chinese Windows.
 */
final class SpreadsheetReader {

	private static final byte[] ZIP = { 0x50, 0x4B, 0x03, 0x04 };

	private static final byte[] OLE = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 };

	private static final int SNIFF = 64 * 1024;

	private SpreadsheetReader() {
	}

	/** Receives rows in order; {@code number} is the 1-based row number in the sheet. */
	interface RowHandler {

		void row(int number, List<String> cells);

	}

	static void read(Path file, RowHandler handler) throws IOException {
		byte[] head = new byte[SNIFF];
		int length;
		try (InputStream in = Files.newInputStream(file)) {
			length = in.readNBytes(head, 0, SNIFF);
		}
		if (length == 0) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "intake.empty");
		}
		if (startsWith(head, length, ZIP)) {
			readXlsx(file, handler);
		}
		else if (startsWith(head, length, OLE)) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "intake.oldExcel");
		}
		else {
			readCsv(file, charset(head, length), handler);
		}
	}

	private static void readXlsx(Path file, RowHandler handler) throws IOException {
		ReadableWorkbook workbook;
		try {
			// cell formats (to tell dates from numbers) need the styles part, which files
			// written by some tools leave out
			workbook = new ReadableWorkbook(file.toFile(),
					hasStyles(file) ? new ReadingOptions(true, false) : ReadingOptions.DEFAULT_READING_OPTIONS);
		}
		catch (IOException | RuntimeException ex) {
			throw notASpreadsheet();
		}
		try (workbook; Stream<Row> rows = workbook.getFirstSheet().openStream()) {
			Iterator<Row> iterator = rows.iterator();
			while (true) {
				Row row;
				try {
					if (!iterator.hasNext()) {
						return;
					}
					row = iterator.next();
				}
				catch (RuntimeException ex) {
					throw notASpreadsheet();
				}
				List<String> cells = new ArrayList<>(row.getCellCount());
				for (int i = 0; i < row.getCellCount(); i++) {
					cells.add(text(row.getCell(i)));
				}
				handler.row(row.getRowNum(), cells);
			}
		}
		catch (IOException ex) {
			throw notASpreadsheet();
		}
	}

	private static boolean hasStyles(Path file) throws IOException {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			return zip.getEntry("xl/styles.xml") != null;
		}
	}

	private static ApiException notASpreadsheet() {
		return new ApiException(HttpStatus.BAD_REQUEST, "intake.notASpreadsheet");
	}

	private static String text(Cell cell) {
		if (cell == null || cell.getType() == CellType.EMPTY) {
			return null;
		}
		if (cell.getType() == CellType.NUMBER) {
			String format = cell.getDataFormatString();
			if (format != null && format.matches("(?i).*[ymd].*") && !format.contains("0")) {
				LocalDateTime date = cell.asDate();
				return date.toLocalDate().toString();
			}
			return cell.asNumber().stripTrailingZeros().toPlainString();
		}
		return cell.getText();
	}

	private static Charset charset(byte[] head, int length) {
		if (containsNul(head, length)) {
			throw notASpreadsheet();
		}
		// a multi-byte character may be cut at the end of the sniffed block
		ByteBuffer sample = ByteBuffer.wrap(head, 0, Math.max(0, length - ((length == SNIFF) ? 4 : 0)));
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(sample);
			return StandardCharsets.UTF_8;
		}
		catch (CharacterCodingException ex) {
			return Charset.forName("GB18030");
		}
	}

	private static void readCsv(Path file, Charset charset, RowHandler handler) throws IOException {
		try (Reader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), charset))) {
			reader.mark(1);
			if (reader.read() != '\uFEFF') {
				reader.reset();
			}
			List<String> cells = new ArrayList<>();
			StringBuilder cell = new StringBuilder();
			boolean quoted = false;
			boolean any = false;
			int number = 1;
			int c;
			while ((c = reader.read()) != -1) {
				any = true;
				if (quoted) {
					if (c == '"') {
						reader.mark(1);
						if (reader.read() == '"') {
							cell.append('"');
						}
						else {
							reader.reset();
							quoted = false;
						}
					}
					else {
						cell.append((char) c);
					}
				}
				else if (c == '"') {
					quoted = true;
				}
				else if (c == ',') {
					cells.add(cell.toString());
					cell.setLength(0);
				}
				else if (c == '\n') {
					cells.add(cell.toString());
					handler.row(number++, cells);
					cells = new ArrayList<>();
					cell.setLength(0);
					any = false;
				}
				else if (c != '\r') {
					cell.append((char) c);
				}
			}
			if (any) {
				cells.add(cell.toString());
				handler.row(number, cells);
			}
		}
	}

	private static boolean startsWith(byte[] head, int length, byte[] magic) {
		if (length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if (head[i] != magic[i]) {
				return false;
			}
		}
		return true;
	}

	private static boolean containsNul(byte[] head, int length) {
		for (int i = 0; i < length; i++) {
			if (head[i] == 0) {
				return true;
			}
		}
		return false;
	}

}
