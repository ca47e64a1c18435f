package org.antifraud.document.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.antifraud.common.ApiException;
import org.antifraud.document.DocumentProperties;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The shipped TrueType fonts, read once, with the characters each covers. A letter asks
 * for the font of each character; the fonts are embedded as subsets into that letter
 * only, cut before the layout from the text the letter will print.
 */
@Component
class LetterFonts {

	/** Which chain a piece of text is set in. */
	enum Face {

		BODY, TITLE

	}

	private final Map<Face, List<FontFile>> chains = new HashMap<>();

	LetterFonts(DocumentProperties properties) {
		// PDFBox reads its deflate level from this property at every stream it
		// compresses; the fonts embedded in each letter are most of what it compresses
		System.setProperty(Filter.SYSPROP_DEFLATELEVEL, Integer.toString(properties.compressionLevel()));
		DocumentProperties.Fonts fonts = properties.fonts();
		int level = properties.compressionLevel();
		List<FontFile> fallbacks = fonts.fallbacks().stream().map((font) -> new FontFile(font, level)).toList();
		FontFile body = new FontFile(fonts.body(), level);
		FontFile title = new FontFile(fonts.title(), level);
		List<FontFile> bodyChain = new ArrayList<>(List.of(body));
		bodyChain.addAll(fallbacks);
		List<FontFile> titleChain = new ArrayList<>(List.of(title, body));
		titleChain.addAll(fallbacks);
		this.chains.put(Face.BODY, List.copyOf(bodyChain));
		this.chains.put(Face.TITLE, List.copyOf(titleChain));
	}

	/**
	 * The fonts of one letter that prints {@code text} (per face): for each font file the
	 * characters of {@code text} need, a subset of just those is cut now and embedded
	 * whole. A character set that was not in {@code text}, or one outside the Basic
	 * Multilingual Plane, loads its font again the first time it is set, to be subset by
	 * PDFBox when the document is saved. Close the session after the document is saved;
	 * its parsed fonts go back to be used by the next letter.
	 */
	Session open(PDDocument document, Map<Face, String> text) {
		return new Session(document, text);
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
		FontFile file = coveringFile(face, codePoint);
		if (file == null) {
			throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "document.glyphMissing",
					new String(Character.toChars(codePoint)), String.format("U+%04X", codePoint));
		}
		return file;
	}

	private FontFile coveringFile(Face face, int codePoint) {
		for (FontFile file : this.chains.get(face)) {
			if (file.covers(codePoint)) {
				return file;
			}
		}
		return null;
	}

	/** The fonts of one document. */
	final class Session implements AutoCloseable {

		private final PDDocument document;

		/** Per face, the subset font cut at opening for each character of its text. */
		private final Map<Face, Map<Integer, PDType0Font>> cut = new HashMap<>();

		/** Whole fonts loaded for characters outside those subsets, cut on save. */
		private final Map<FontFile, PDType0Font> loaded = new HashMap<>();

		private final Map<FontFile, TrueTypeFont> borrowed = new HashMap<>();

		private Session(PDDocument document, Map<Face, String> text) {
			this.document = document;
			Map<Face, Map<Integer, FontFile>> files = new HashMap<>();
			Map<FontFile, BitSet> wanted = new LinkedHashMap<>();
			text.forEach((face, printed) -> {
				Map<Integer, FontFile> byCodePoint = files.computeIfAbsent(face, (f) -> new HashMap<>());
				printed.codePoints().forEach((codePoint) -> {
					if (!byCodePoint.containsKey(codePoint)) {
						FontFile file = coveringFile(face, codePoint);
						byCodePoint.put(codePoint, file);
						// the cut's cmap (format 4) maps the Basic Multilingual Plane
						// only
						if (file != null && codePoint < 0x10000) {
							wanted.computeIfAbsent(file, (f) -> new BitSet()).set(codePoint);
						}
					}
				});
			});
			Map<FontFile, PDType0Font> fonts = new HashMap<>();
			wanted.forEach((file, codePoints) -> {
				PDType0Font font = file.subset(document, codePoints.stream().toArray());
				if (font != null) {
					fonts.put(file, font);
				}
			});
			files.forEach((face, byCodePoint) -> byCodePoint.forEach((codePoint, file) -> {
				if (codePoint < 0x10000 && fonts.containsKey(file)) {
					this.cut.computeIfAbsent(face, (f) -> new HashMap<>()).put(codePoint, fonts.get(file));
				}
			}));
		}

		/** The font that draws {@code codePoint} in {@code face}. */
		PDType0Font font(Face face, int codePoint) {
			PDType0Font subset = this.cut.getOrDefault(face, Map.of()).get(codePoint);
			if (subset != null) {
				return subset;
			}
			return this.loaded.computeIfAbsent(fileFor(face, codePoint), (f) -> {
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

		private final int level;

		/**
		 * Parsed fonts not in use: parsing a CJK font's cmap costs more than laying out a
		 * letter, and a parsed font may serve one document at a time only.
		 */
		private final Queue<TrueTypeFont> idle = new ConcurrentLinkedQueue<>();

		private byte[] bytes;

		private CmapLookup cmap;

		/** The glyph of each character of the Basic Multilingual Plane, 0 for none. */
		private char[] plane;

		/** Null for a font whose subsets are cut by PDFBox on save. */
		private TrueTypeCutter cutter;

		/**
		 * A font at {@code location}; a missing file fails at start, not at the first
		 * letter.
		 */
		FontFile(String location, int level) {
			this.location = location;
			this.level = level;
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
					CmapLookup lookup = new TTFParser().parse(new RandomAccessReadBuffer(this.bytes))
						.getUnicodeCmapLookup();
					char[] glyphs = new char[0x10000];
					for (int codePoint = 0; codePoint < glyphs.length; codePoint++) {
						glyphs[codePoint] = (char) lookup.getGlyphId(codePoint);
					}
					this.plane = glyphs;
					this.cutter = TrueTypeCutter.of(this.bytes, this.level);
					this.cmap = lookup;
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
			CmapLookup lookup = cmap();
			return ((codePoint < 0x10000) ? this.plane[codePoint] : lookup.getGlyphId(codePoint)) != 0;
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

		/**
		 * A subset of this font with the glyphs of {@code codePoints} (of the Basic
		 * Multilingual Plane, each once), embedded whole into {@code document}: PDFBox's
		 * own subsetting on save walks every glyph of a CJK font several times per letter
		 * (widths, CID map, ToUnicode). PDFBox builds the font's dictionaries from the
		 * cut's metrics (no outlines, nothing much to compress); the font program
		 * embedded is the cut as the cutter deflated it. Null when there is nothing to
		 * cut, or this font cannot be cut (no TrueType outlines) or its cut read back.
		 */
		PDType0Font subset(PDDocument document, int[] codePoints) {
			cmap();
			if (codePoints.length == 0 || this.cutter == null) {
				return null;
			}
			int[] glyphs = new int[codePoints.length];
			for (int i = 0; i < codePoints.length; i++) {
				glyphs[i] = this.plane[codePoints[i]];
			}
			try {
				TrueTypeCutter.Cut cut = this.cutter.cut(codePoints, glyphs);
				TrueTypeFont metrics = new TTFParser().parse(new RandomAccessReadBuffer(cut.metrics()));
				if (metrics.getName() == null) {
					return null;
				}
				PDType0Font font = PDType0Font.load(document, metrics, false);
				COSStream program = font.getFontDescriptor().getFontFile2().getCOSObject();
				try (OutputStream out = program.createRawOutputStream()) {
					out.write(cut.program());
				}
				program.setItem(COSName.FILTER, COSName.FLATE_DECODE);
				program.setInt(COSName.LENGTH1, cut.length());
				// a subset's name carries its tag (ISO 32000-1, 9.6.4)
				String name = tag(codePoints) + metrics.getName();
				font.getCOSObject().setName(COSName.BASE_FONT, name);
				font.getDescendantFont().getCOSObject().setName(COSName.BASE_FONT, name);
				font.getFontDescriptor().setFontName(name);
				return font;
			}
			catch (IOException | RuntimeException ex) {
				// a cut PDFBox cannot read back: its characters are subset on save
				// instead
				return null;
			}
		}

		/** The six-letter subset tag of a PDF font name ({@code ABCDEF+}). */
		private static String tag(int[] codePoints) {
			long hash = Integer.toUnsignedLong(Arrays.hashCode(codePoints));
			StringBuilder tag = new StringBuilder();
			for (int i = 0; i < 6; i++) {
				tag.append((char) ('A' + hash % 26));
				hash /= 26;
			}
			return tag.append('+').toString();
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
