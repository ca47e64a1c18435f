package org.antifraud.document.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.antifraud.common.ApiException;
import org.antifraud.document.DocumentProperties;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The shipped TrueType fonts, read once, with the characters each covers. A letter asks
 * for the font of each character; the fonts are embedded as subsets into that letter
 * only.
 */
@Component
class LetterFonts {

	/** Which chain a piece of text is set in. */
	enum Face {

		BODY, TITLE

	}

	private final Map<Face, List<FontFile>> chains = new HashMap<>();

	LetterFonts(DocumentProperties properties) {
		DocumentProperties.Fonts fonts = properties.fonts();
		List<FontFile> fallbacks = fonts.fallbacks().stream().map(FontFile::new).toList();
		FontFile body = new FontFile(fonts.body());
		FontFile title = new FontFile(fonts.title());
		List<FontFile> bodyChain = new ArrayList<>(List.of(body));
		bodyChain.addAll(fallbacks);
		List<FontFile> titleChain = new ArrayList<>(List.of(title, body));
		titleChain.addAll(fallbacks);
		this.chains.put(Face.BODY, List.copyOf(bodyChain));
		this.chains.put(Face.TITLE, List.copyOf(titleChain));
	}

	/**
	 * The fonts of one letter: each font is loaded into the document the first time one
	 * of its characters is set. Close the session after the document is saved (the
	 * subsets are cut on save); its parsed fonts go back to be used by the next letter.
	 */
	Session open(PDDocument document) {
		return new Session(document);
	}

	/** Fails, naming the first character of {@code text} that no font of the face has. */
	void requireGlyphs(Face face, String text) {
		text.codePoints().forEach((codePoint) -> fileFor(face, codePoint));
	}

	/** Whether some font of the face's chain draws every character of {@code text}. */
	boolean covers(Face face, String text) {
		return text.codePoints()
			.allMatch((codePoint) -> this.chains.get(face).stream().anyMatch((file) -> file.covers(codePoint)));
	}

	private FontFile fileFor(Face face, int codePoint) {
		for (FontFile file : this.chains.get(face)) {
			if (file.covers(codePoint)) {
				return file;
			}
		}
		throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "document.glyphMissing",
				new String(Character.toChars(codePoint)), String.format("U+%04X", codePoint));
	}

	/** The fonts of one document. */
	final class Session implements AutoCloseable {

		private final PDDocument document;

		private final Map<FontFile, PDType0Font> loaded = new HashMap<>();

		private final Map<FontFile, TrueTypeFont> borrowed = new HashMap<>();

		private Session(PDDocument document) {
			this.document = document;
		}

		/** The font that draws {@code codePoint} in {@code face}. */
		PDType0Font font(Face face, int codePoint) {
			FontFile file = fileFor(face, codePoint);
			return this.loaded.computeIfAbsent(file, (f) -> {
				TrueTypeFont parsed = f.borrow();
				this.borrowed.put(f, parsed);
				return f.load(this.document, parsed);
			});
		}

		@Override
		public void close() {
			this.borrowed.forEach(FontFile::giveBack);
			this.borrowed.clear();
		}

	}

	/**
	 * One font file, read the first time a character is looked up in it, then kept in
	 * memory with its parsed cmap. A fallback such as HanaMinB is never read while every
	 * character is found earlier in the chain.
	 */
	private static final class FontFile {

		/**
		 * Parsed copies kept for reuse: as many as letters are set at once
		 * ({@link LetterRenderer#THREADS}), and some for letters read before they were
		 * rendered.
		 */
		private static final int KEPT = LetterRenderer.THREADS + 2;

		private final String location;

		/**
		 * Parsed fonts not in use: parsing a CJK font's cmap costs more than laying out a
		 * letter, and a parsed font may serve one document at a time only.
		 */
		private final Queue<TrueTypeFont> idle = new ConcurrentLinkedQueue<>();

		private byte[] bytes;

		private CmapLookup cmap;

		/**
		 * A font at {@code location}; a missing file fails at start, not at the first
		 * letter.
		 */
		FontFile(String location) {
			this.location = location;
			boolean exists = location.startsWith("classpath:")
					? new DefaultResourceLoader().getResource(location).exists()
					: Files.isRegularFile(Path.of(location));
			if (!exists) {
				throw new IllegalStateException("Font " + location + " does not exist");
			}
		}

		private synchronized CmapLookup cmap() {
			if (this.cmap == null) {
				try (InputStream in = open(this.location)) {
					this.bytes = in.readAllBytes();
					// the cmap subtables are read into memory; the font is only kept for
					// them
					this.cmap = new TTFParser().parse(new RandomAccessReadBuffer(this.bytes)).getUnicodeCmapLookup();
				}
				catch (IOException ex) {
					throw new UncheckedIOException("Cannot read font " + this.location, ex);
				}
			}
			return this.cmap;
		}

		private static InputStream open(String location) throws IOException {
			if (location.startsWith("classpath:")) {
				return new DefaultResourceLoader().getResource(location).getInputStream();
			}
			return Files.newInputStream(Path.of(location));
		}

		boolean covers(int codePoint) {
			return cmap().getGlyphId(codePoint) != 0;
		}

		/** A parsed font for one document, reused or parsed from the shared bytes. */
		TrueTypeFont borrow() {
			TrueTypeFont font = this.idle.poll();
			if (font != null) {
				return font;
			}
			cmap();
			try {
				return new TTFParser().parse(new RandomAccessReadBuffer(this.bytes));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot load font " + this.location, ex);
			}
		}

		void giveBack(TrueTypeFont font) {
			if (this.idle.size() < KEPT) {
				this.idle.offer(font);
			}
		}

		PDType0Font load(PDDocument document, TrueTypeFont font) {
			try {
				// embedded as a subset of the glyphs used, cut when the document is saved
				return PDType0Font.load(document, font, true);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot load font " + this.location, ex);
			}
		}

	}

}
