package org.antifraud.document.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.antifraud.common.ApiException;
import org.antifraud.common.FieldError;
import org.antifraud.document.DocumentProperties;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

import org.springframework.http.HttpStatus;

/**
 * Checks an uploaded file before anything else reads it: the type comes from its first
 * bytes, never its name; a PDF must open without a password, have pages, and its
 * compressed streams must not inflate past a budget (checked on the raw bytes before
 * PDFBox, which would decode a stream whole in memory); an image must be no larger than a
 * pixel budget and decode to the end. A PDF's text is extracted for search.
 */
final class AttachmentInspector {

	/** What an accepted file is. */
	record Inspected(String mediaType, int pages, String text) {
	}

	private static final byte[] STREAM = "stream".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] END_STREAM = "endstream".getBytes(StandardCharsets.US_ASCII);

	/** How far before a stream its dictionary is looked for (its filters). */
	private static final int DICTIONARY_WINDOW = 1024;

	/** Worst-case expansion of the filters whose output PDFBox cannot bound. */
	private static final int LZW_EXPANSION = 2800;

	private static final int RUN_LENGTH_EXPANSION = 128;

	private final DocumentProperties.Attachments limits;

	AttachmentInspector(DocumentProperties.Attachments limits) {
		this.limits = limits;
	}

	Inspected inspect(byte[] bytes) {
		if (bytes.length > this.limits.maxSize().toBytes()) {
			throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE,
					List.of(new FieldError("file", "document.attachment.tooLarge")), "document.attachment.tooLarge",
					this.limits.maxSize().toMegabytes());
		}
		if (startsWith(bytes, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
			return pdf(bytes);
		}
		String image = imageType(bytes);
		if (image != null) {
			image(bytes);
			return new Inspected(image, 1, "");
		}
		throw refused("document.attachment.type");
	}

	private Inspected pdf(byte[] bytes) {
		checkStreams(bytes);
		try (PDDocument document = Loader.loadPDF(bytes)) {
			if (document.isEncrypted()) {
				throw refused("document.attachment.encrypted");
			}
			int pages = document.getNumberOfPages();
			if (pages == 0) {
				throw refused("document.attachment.malformed");
			}
			if (pages > this.limits.maxPages()) {
				throw refused("document.attachment.tooManyPages", this.limits.maxPages());
			}
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setSortByPosition(true);
			String text = stripper.getText(document).strip();
			return new Inspected("application/pdf", pages, text);
		}
		catch (InvalidPasswordException ex) {
			throw refused("document.attachment.encrypted");
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof ApiException api) {
				throw api;
			}
			throw refused("document.attachment.malformed");
		}
	}

	/**
	 * Adds up what every stream of the file inflates to, reading the raw bytes with a
	 * budget, so that a small file that would expand to gigabytes is refused before any
	 * library decodes it.
	 */
	private void checkStreams(byte[] bytes) {
		long budget = this.limits.maxDecodedSize().toBytes();
		long total = 0;
		int at = 0;
		while ((at = indexOf(bytes, STREAM, at)) >= 0) {
			int start = at + STREAM.length;
			if (at >= 3 && bytes[at - 3] == 'e' && bytes[at - 2] == 'n' && bytes[at - 1] == 'd') {
				at = start;
				continue;
			}
			if (start < bytes.length && bytes[start] == '\r') {
				start++;
			}
			if (start < bytes.length && bytes[start] == '\n') {
				start++;
			}
			int end = indexOf(bytes, END_STREAM, start);
			if (end < 0) {
				end = bytes.length;
			}
			String dictionary = new String(bytes, Math.max(0, at - DICTIONARY_WINDOW), Math.min(at, DICTIONARY_WINDOW),
					StandardCharsets.ISO_8859_1);
			dictionary = dictionary.substring(Math.max(0, dictionary.lastIndexOf("obj")));
			long raw = end - start;
			long remaining = budget - total;
			if (dictionary.contains("/LZWDecode") || dictionary.contains("/LZW")) {
				total += check(raw * LZW_EXPANSION, remaining);
			}
			else if (dictionary.contains("/RunLengthDecode") || dictionary.contains("/RL")) {
				total += check(raw * RUN_LENGTH_EXPANSION, remaining);
			}
			else if (dictionary.contains("/FlateDecode") || dictionary.contains("/Fl")) {
				total += inflated(bytes, start, end - start, remaining);
			}
			else {
				total += raw;
			}
			if (total > budget) {
				throw refused("document.attachment.bomb");
			}
			at = end;
		}
	}

	private static long check(long worstCase, long remaining) {
		if (worstCase > remaining) {
			throw refused("document.attachment.bomb");
		}
		return worstCase;
	}

	/** What a zlib stream inflates to, counted up to just past {@code remaining}. */
	private static long inflated(byte[] bytes, int offset, int length, long remaining) {
		long count = 0;
		try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(bytes, offset, length),
				new Inflater())) {
			byte[] buffer = new byte[64 * 1024];
			int read;
			while ((read = in.read(buffer)) > 0) {
				count += read;
				if (count > remaining) {
					throw refused("document.attachment.bomb");
				}
			}
		}
		catch (IOException ex) {
			// a damaged or encrypted stream inflates no further; what was read counts
		}
		return count;
	}

	private void image(byte[] bytes) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				throw refused("document.attachment.malformed");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
				if (pixels > this.limits.maxPixels()) {
					throw refused("document.attachment.tooManyPixels", this.limits.maxPixels() / 1_000_000);
				}
				// decodes every row, a few pixels of each, so a truncated or corrupt file
				// is
				// found without holding the full picture
				int step = (int) Math.max(1, Math.ceil(Math.sqrt(pixels / 1_000_000.0)));
				ImageReadParam param = reader.getDefaultReadParam();
				param.setSourceSubsampling(step, step, 0, 0);
				// a reader warns rather than fails on a truncated file (the rest painted
				// grey)
				List<String> warnings = new ArrayList<>();
				reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
				BufferedImage image = reader.read(0, param);
				if (image == null || !warnings.isEmpty()) {
					throw refused("document.attachment.malformed");
				}
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof ApiException api) {
				throw api;
			}
			throw refused("document.attachment.malformed");
		}
	}

	private static String imageType(byte[] bytes) {
		if (startsWith(bytes, new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' })) {
			return "image/png";
		}
		if (startsWith(bytes, new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff })) {
			return "image/jpeg";
		}
		if (startsWith(bytes, new byte[] { 'I', 'I', 42, 0 }) || startsWith(bytes, new byte[] { 'M', 'M', 0, 42 })) {
			return "image/tiff";
		}
		return null;
	}

	private static ApiException refused(String key, Object... args) {
		return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, List.of(new FieldError("file", key)), key, args);
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static int indexOf(byte[] bytes, byte[] target, int from) {
		outer: for (int i = Math.max(0, from); i <= bytes.length - target.length; i++) {
			for (int j = 0; j < target.length; j++) {
				if (bytes[i + j] != target[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
