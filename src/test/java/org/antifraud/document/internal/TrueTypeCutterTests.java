package org.antifraud.document.internal;

import java.awt.geom.GeneralPath;
import java.awt.geom.PathIterator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
		byte[] cut = TrueTypeCutter.of(bytes)
			.cut(new int[] { '王', '五' }, new int[] { sourceCmap.getGlyphId('王'), sourceCmap.getGlyphId('五') });
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
		byte[] bytes = TrueTypeCutter.of(TrueTypeCutterTests.bytes)
			.cut(new int[] { '王', '五' }, new int[] { sourceCmap.getGlyphId('王'), 0xFFF0 });
		TrueTypeFont cut = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
		assertThat(cut.getNumberOfGlyphs()).isEqualTo(2);
		assertThat(cut.getUnicodeCmapLookup().getGlyphId('王')).isEqualTo(1);
		assertThat(cut.getUnicodeCmapLookup().getGlyphId('五')).isZero();
	}

	@Test
	void aFontWithoutTrueTypeOutlinesIsNotCut() {
		assertThat(TrueTypeCutter.of(new byte[] { 'O', 'T', 'T', 'O', 0, 0 })).isNull();
		assertThat(TrueTypeCutter.of(new byte[64])).isNull();
	}

	private static TrueTypeFont cut(int[] codePoints) throws IOException {
		int[] glyphs = new int[codePoints.length];
		for (int i = 0; i < codePoints.length; i++) {
			glyphs[i] = sourceCmap.getGlyphId(codePoints[i]);
		}
		return new TTFParser().parse(new RandomAccessReadBuffer(TrueTypeCutter.of(bytes).cut(codePoints, glyphs)));
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
