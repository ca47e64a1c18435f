package org.antifraud.document.internal;

import java.awt.geom.GeneralPath;
import java.awt.geom.PathIterator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Adler32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cut is a TrueType font FontBox reads back, whose characters draw the source font's
 * outlines with its advances, whose composite glyphs point at their own components, and
 * whose checksums hold.
 */
class TrueTypeCutterTests {

	private static byte[] bytes;

	private static TrueTypeFont source;

	private static CmapLookup sourceCmap;

	@BeforeAll
	static void readFont() throws IOException {
		try (InputStream in = TrueTypeCutterTests.class.getResourceAsStream("/fonts/LXGWWenKai-Regular.ttf")) {
			bytes = in.readAllBytes();
		}
		source = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
		sourceCmap = source.getUnicodeCmapLookup();
	}

	@Test
	void aCutDrawsEachCharacterAsTheFontDoes() throws IOException {
		// the composite glyphs of this font draw no character of its own cmap when
		// looked up by a code point below; they are tested on their own
		int[] codePoints = "认定王五为电信网络诈骗失信主体，ABC123。".codePoints().distinct().toArray();
		TrueTypeFont cut = cut(codePoints);
		CmapLookup cmap = cut.getUnicodeCmapLookup();
		assertThat(cut.getNumberOfGlyphs()).isEqualTo(codePoints.length + 1);
		for (int codePoint : codePoints) {
			int glyph = cmap.getGlyphId(codePoint);
			int original = sourceCmap.getGlyphId(codePoint);
			assertThat(glyph).as("U+%04X", codePoint).isPositive();
			assertSameGlyph(cut, glyph, original);
		}
		assertThat(cmap.getGlyphId('X')).as("a character not cut").isZero();
		assertThat(cut.getName()).isEqualTo(source.getName());
		assertThat(cut.getUnitsPerEm()).isEqualTo(source.getUnitsPerEm());
	}

	@Test
	void aCompositeGlyphKeepsItsComponentsRenumbered() throws IOException {
		int composite = -1;
		int codePoint = -1;
		for (int c = 0x20; c < 0x10000 && composite < 0; c++) {
			int glyph = sourceCmap.getGlyphId(c);
			if (glyph > 0 && source.getGlyph().getGlyph(glyph) != null
					&& source.getGlyph().getGlyph(glyph).getDescription().isComposite()) {
				composite = glyph;
				codePoint = c;
			}
		}
		assertThat(composite).as("this font has a composite glyph for a character").isPositive();
		TrueTypeFont cut = cut(new int[] { codePoint });
		// .notdef, the composite and at least one component
		assertThat(cut.getNumberOfGlyphs()).isGreaterThan(2);
		int glyph = cut.getUnicodeCmapLookup().getGlyphId(codePoint);
		assertSameGlyph(cut, glyph, composite);
	}

	@Test
	void theChecksumsHoldAndTheOutlinesEndTheFile() {
		byte[] cut = font(TrueTypeCutter.of(bytes, 1)
			.cut(new int[] { '王', '五' }, new int[] { sourceCmap.getGlyphId('王'), sourceCmap.getGlyphId('五') }));
		ByteBuffer font = ByteBuffer.wrap(cut);
		int sum = 0;
		while (font.remaining() >= 4) {
			sum += font.getInt();
		}
		assertThat(sum).as("the whole font sums to the magic number").isEqualTo(0xB1B0AFBA);
		int tables = font.getShort(4);
		for (int i = 0; i < tables; i++) {
			int entry = 12 + 16 * i;
			int offset = font.getInt(entry + 8);
			int length = font.getInt(entry + 12);
			if (font.getInt(entry) == 0x676C7966) {
				// glyf ends the file: FontBox warns of each font whose post table does
				assertThat(offset + ((length + 3) & ~3)).isEqualTo(cut.length);
			}
			if (font.getInt(entry) != 0x68656164) {
				int tableSum = 0;
				ByteBuffer table = font.slice(offset, (length + 3) & ~3);
				while (table.remaining() >= 4) {
					tableSum += table.getInt();
				}
				assertThat(tableSum).isEqualTo(font.getInt(entry + 4));
			}
		}
	}

	@Test
	void aGlyphNumberPastTheFontsLastIsLeftUnmapped() throws IOException {
		byte[] bytes = font(TrueTypeCutter.of(TrueTypeCutterTests.bytes, 1)
			.cut(new int[] { '王', '五' }, new int[] { sourceCmap.getGlyphId('王'), 0xFFF0 }));
		TrueTypeFont cut = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
		assertThat(cut.getNumberOfGlyphs()).isEqualTo(2);
		assertThat(cut.getUnicodeCmapLookup().getGlyphId('王')).isEqualTo(1);
		assertThat(cut.getUnicodeCmapLookup().getGlyphId('五')).isZero();
	}

	@Test
	void aFontWithoutTrueTypeOutlinesIsNotCut() {
		assertThat(TrueTypeCutter.of(new byte[] { 'O', 'T', 'T', 'O', 0, 0 }, 1)).isNull();
		assertThat(TrueTypeCutter.of(new byte[64], 1)).isNull();
	}

	@Test
	void glyphsDeflatedForAnEarlierCutServeTheNext() throws IOException {
		TrueTypeCutter cutter = TrueTypeCutter.of(bytes, 6);
		int[] first = "认定王五".codePoints().toArray();
		int[] second = "王五为失信主体".codePoints().toArray();
		cut(cutter, first);
		// 王 and 五 come from the first cut's blocks, between blocks deflated now
		TrueTypeFont cut = cut(cutter, second);
		for (int codePoint : second) {
			assertSameGlyph(cut, cut.getUnicodeCmapLookup().getGlyphId(codePoint), sourceCmap.getGlyphId(codePoint));
		}
	}

	@Test
	void theMetricsFontHasTheCutsMetricsAndNoOutlines() throws IOException {
		int[] codePoints = "王五为失信主体".codePoints().toArray();
		TrueTypeCutter.Cut cut = TrueTypeCutter.of(bytes, 1).cut(codePoints, glyphs(codePoints));
		TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(font(cut)));
		TrueTypeFont metrics = new TTFParser().parse(new RandomAccessReadBuffer(cut.metrics()));
		assertThat(metrics.getName()).isEqualTo(font.getName());
		assertThat(metrics.getNumberOfGlyphs()).isEqualTo(font.getNumberOfGlyphs());
		assertThat(metrics.getHeader().getYMax()).isEqualTo(font.getHeader().getYMax());
		assertThat(metrics.getOS2Windows().getCapHeight()).isEqualTo(font.getOS2Windows().getCapHeight());
		for (int codePoint : codePoints) {
			int glyph = font.getUnicodeCmapLookup().getGlyphId(codePoint);
			assertThat(metrics.getUnicodeCmapLookup().getGlyphId(codePoint)).isEqualTo(glyph);
			assertThat(metrics.getAdvanceWidth(glyph)).isEqualTo(font.getAdvanceWidth(glyph));
			assertThat(metrics.getGlyph().getGlyph(glyph).getDescription().getPointCount()).isZero();
		}
		assertThat(metrics.getTableMap().get("glyf").getLength()).as("no outlines in it").isEqualTo(4);
		assertThat(cut.metrics().length).isLessThan(cut.length());
	}

	@Test
	void adlerChecksumsCombineAsOverTheWholeData() {
		byte[] data = new byte[200_000];
		new java.util.Random(7).nextBytes(data);
		for (int split : new int[] { 0, 1, 65_521, 65_522, 150_000, 200_000 }) {
			Adler32 first = new Adler32();
			first.update(data, 0, split);
			Adler32 second = new Adler32();
			second.update(data, split, data.length - split);
			Adler32 whole = new Adler32();
			whole.update(data);
			assertThat(TrueTypeCutter.combine(first.getValue(), second.getValue(), data.length - split))
				.as("split at %d", split)
				.isEqualTo(whole.getValue());
		}
	}

	private static int[] glyphs(int[] codePoints) {
		int[] glyphs = new int[codePoints.length];
		for (int i = 0; i < codePoints.length; i++) {
			glyphs[i] = sourceCmap.getGlyphId(codePoints[i]);
		}
		return glyphs;
	}

	private static TrueTypeFont cut(int[] codePoints) throws IOException {
		return cut(TrueTypeCutter.of(bytes, 1), codePoints);
	}

	private static TrueTypeFont cut(TrueTypeCutter cutter, int[] codePoints) throws IOException {
		return new TTFParser().parse(new RandomAccessReadBuffer(font(cutter.cut(codePoints, glyphs(codePoints)))));
	}

	/**
	 * The font file of a cut, inflated as a PDF reader inflates it: a wrong block or
	 * Adler-32 fails here.
	 */
	static byte[] font(TrueTypeCutter.Cut cut) {
		Inflater inflater = new Inflater();
		try {
			inflater.setInput(cut.program());
			byte[] font = new byte[cut.length() + 1];
			int length = inflater.inflate(font);
			assertThat(inflater.finished()).as("the stream ends, its checksum right").isTrue();
			assertThat(inflater.getRemaining()).isZero();
			assertThat(length).isEqualTo(cut.length());
			return Arrays.copyOf(font, length);
		}
		catch (DataFormatException ex) {
			throw new AssertionError("Not a zlib stream", ex);
		}
		finally {
			inflater.end();
		}
	}

	/** Each segment of a path: its kind and its points. */
	private static List<String> outline(GeneralPath path) {
		List<String> segments = new ArrayList<>();
		float[] points = new float[6];
		for (PathIterator it = path.getPathIterator(null); !it.isDone(); it.next()) {
			int kind = it.currentSegment(points);
			segments.add(kind + Arrays.toString(points));
		}
		return segments;
	}

	private static void assertSameGlyph(TrueTypeFont cut, int glyph, int original) throws IOException {
		GlyphData cutGlyph = cut.getGlyph().getGlyph(glyph);
		GlyphData sourceGlyph = source.getGlyph().getGlyph(original);
		assertThat(cutGlyph.getBoundingBox().toString()).isEqualTo(sourceGlyph.getBoundingBox().toString());
		assertThat(outline(cutGlyph.getPath())).isNotEmpty().isEqualTo(outline(sourceGlyph.getPath()));
		assertThat(cut.getAdvanceWidth(glyph)).isEqualTo(source.getAdvanceWidth(original));
		assertThat(List.of(cutGlyph.getDescription().getPointCount(), cutGlyph.getDescription().getContourCount()))
			.isEqualTo(List.of(sourceGlyph.getDescription().getPointCount(),
					sourceGlyph.getDescription().getContourCount()));
	}

}
