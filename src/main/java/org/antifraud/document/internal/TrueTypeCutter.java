package org.antifraud.document.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.zip.Adler32;
import java.util.zip.Deflater;

/**
 * Cuts subsets of one TrueType font (outlines in a {@code glyf} table) from its bytes,
 * read once. A cut keeps the glyphs of the given characters, and the glyphs composite
 * ones are built from, numbered anew in their order in the font; its {@code cmap} maps
 * the characters to them, its {@code post} table names no glyphs, and the font-wide
 * tables a renderer needs (hinting programs, metrics, names) are copied as they are.
 * <p>
 * FontBox's own subsetter looks up every new glyph number by counting a sorted set and
 * writes every glyph's name: for a letter's two hundred characters that was most of the
 * time a letter took to embed its fonts. Deflating each cut came next, so a cut comes
 * deflated: each glyph's outline is compressed the first time a cut keeps it and reused
 * by every later cut, and only the small tables are compressed for each. Instances may
 * cut for several letters at once.
 */
final class TrueTypeCutter {

	/** The hinting tables a cut copies unchanged when the font has them. */
	private static final List<String> COPIED = List.of("cvt ", "fpgm", "gasp", "prep");

	private static final int ARG_1_AND_2_ARE_WORDS = 0x0001;

	private static final int WE_HAVE_A_SCALE = 0x0008;

	private static final int MORE_COMPONENTS = 0x0020;

	private static final int WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;

	private static final int WE_HAVE_A_TWO_BY_TWO = 0x0080;

	private final byte[] font;

	/** Offset and length of each table, by tag. */
	private final Map<String, int[]> tables = new TreeMap<>();

	private final int glyphCount;

	private final int horizontalMetrics;

	/** Where each glyph starts in the font file, and where the last one ends. */
	private final int[] locations;

	/** Where the horizontal metrics start in the font file. */
	private final int metrics;

	/** Each glyph's outline as deflated the first time a cut kept it. */
	private final AtomicReferenceArray<Packed> packed;

	/** The deflate level of the rest of a cut, its tables. */
	private final int level;

	private TrueTypeCutter(byte[] font, int level) {
		this.font = font;
		this.level = level;
		ByteBuffer in = ByteBuffer.wrap(font);
		int count = in.getShort(4) & 0xFFFF;
		for (int i = 0; i < count; i++) {
			int entry = 12 + 16 * i;
			String tag = new String(font, entry, 4, StandardCharsets.ISO_8859_1);
			this.tables.put(tag, new int[] { in.getInt(entry + 8), in.getInt(entry + 12) });
		}
		this.glyphCount = in.getShort(table("maxp")[0] + 4) & 0xFFFF;
		this.horizontalMetrics = in.getShort(table("hhea")[0] + 34) & 0xFFFF;
		boolean longOffsets = in.getShort(table("head")[0] + 50) != 0;
		int loca = table("loca")[0];
		int glyf = table("glyf")[0];
		this.locations = new int[this.glyphCount + 1];
		for (int i = 0; i <= this.glyphCount; i++) {
			this.locations[i] = glyf
					+ (longOffsets ? in.getInt(loca + 4 * i) : 2 * (in.getShort(loca + 2 * i) & 0xFFFF));
		}
		this.metrics = table("hmtx")[0];
		table("post");
		table("OS/2");
		table("name");
		this.packed = new AtomicReferenceArray<>(this.glyphCount);
	}

	/**
	 * A cutter for {@code font} whose cuts' tables are deflated at {@code level}, or null
	 * when the font is not one it can cut (no {@code glyf} outlines, or tables missing or
	 * out of place).
	 */
	static TrueTypeCutter of(byte[] font, int level) {
		try {
			return new TrueTypeCutter(font, level);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private int[] table(String tag) {
		int[] table = this.tables.get(tag);
		if (table == null || table[0] < 0 || table[1] < 0 || table[0] + table[1] > this.font.length) {
			throw new IllegalArgumentException("No usable " + tag + " table");
		}
		return table;
	}

	/**
	 * A font with the glyphs {@code glyphs[i]} draws for {@code codePoints[i]} (Basic
	 * Multilingual Plane only, each once), their components and {@code .notdef}; its
	 * {@code cmap} maps each code point to its glyph's new number.
	 */
	Cut cut(int[] codePoints, int[] glyphs) {
		BitSet kept = new BitSet(this.glyphCount);
		kept.set(0);
		for (int glyph : glyphs) {
			keep(glyph, kept);
		}
		int[] old = kept.stream().toArray();
		Packed[] outlines = new Packed[old.length];
		ByteBuffer loca = ByteBuffer.allocate(4 * (old.length + 1));
		ByteBuffer hmtx = ByteBuffer.allocate(4 * old.length);
		ByteBuffer in = ByteBuffer.wrap(this.font);
		int lastAdvance = this.metrics + 4 * (this.horizontalMetrics - 1);
		int glyfLength = 0;
		int glyfSum = 0;
		for (int i = 0; i < old.length; i++) {
			int glyph = old[i];
			loca.putInt(glyfLength);
			outlines[i] = outline(glyph, old);
			glyfLength += outlines[i].length();
			glyfSum += outlines[i].checksum();
			if (glyph < this.horizontalMetrics) {
				hmtx.putInt(in.getInt(this.metrics + 4 * glyph));
			}
			else {
				hmtx.putShort(in.getShort(lastAdvance));
				hmtx.putShort(
						in.getShort(this.metrics + 4 * this.horizontalMetrics + 2 * (glyph - this.horizontalMetrics)));
			}
		}
		loca.putInt(glyfLength);

		Map<String, byte[]> out = new TreeMap<>();
		byte[] head = copy("head");
		ByteBuffer.wrap(head).putInt(8, 0).putShort(50, (short) 1);
		out.put("head", head);
		byte[] hhea = copy("hhea");
		ByteBuffer.wrap(hhea).putShort(34, (short) old.length);
		out.put("hhea", hhea);
		byte[] maxp = copy("maxp");
		ByteBuffer.wrap(maxp).putShort(4, (short) old.length);
		out.put("maxp", maxp);
		// version 3: no glyph names, the rest of the header as it is
		byte[] post = Arrays.copyOf(copy("post"), 32);
		ByteBuffer.wrap(post).putInt(0, 0x00030000);
		out.put("post", post);
		out.put("cmap", cmap(codePoints, glyphs, old));
		out.put("hmtx", hmtx.array());
		out.put("OS/2", copy("OS/2"));
		out.put("name", copy("name"));
		// PDFBox reads the metrics, names and character map only: every glyph empty
		out.put("loca", new byte[loca.capacity()]);
		byte[] metrics = assemble(out, 4, 0);
		for (String tag : COPIED) {
			if (this.tables.containsKey(tag)) {
				out.put(tag, copy(tag));
			}
		}
		out.put("loca", loca.array());
		byte[] tables = assemble(out, glyfLength, glyfSum);
		return new Cut(deflate(tables, outlines), tables.length + glyfLength,
				Arrays.copyOf(metrics, metrics.length + 4));
	}

	/**
	 * A cut font: {@code program} is the font file, {@code length} bytes, as a zlib
	 * stream (a PDF's {@code FlateDecode}); {@code metrics} is the same font with every
	 * glyph empty, for PDFBox to read the metrics and character map from without
	 * compressing the outlines again.
	 */
	record Cut(byte[] program, int length, byte[] metrics) {

	}

	/**
	 * The zlib stream of the font file: its tables deflated now, then each glyph's
	 * outline as deflated when it was first cut, each block flushed to a byte boundary
	 * with no reference to what came before it (ZLIB's full flush), then the closing
	 * block and the whole file's Adler-32.
	 */
	private byte[] deflate(byte[] tables, Packed[] outlines) {
		byte[] front = deflate(tables, this.level);
		int length = 2 + front.length + 2 + 4;
		long adler = adler(tables);
		for (Packed outline : outlines) {
			length += outline.deflated().length;
			adler = combine(adler, outline.adler(), outline.length());
		}
		ByteBuffer out = ByteBuffer.allocate(length);
		// deflate, 32 KB window; the check bits make the header a multiple of 31
		out.put((byte) 0x78).put((byte) 0x01).put(front);
		for (Packed outline : outlines) {
			out.put(outline.deflated());
		}
		// the last block: final, fixed codes, nothing but its end
		out.put((byte) 0x03).put((byte) 0x00).putInt((int) adler);
		return out.array();
	}

	/**
	 * The outline of {@code glyph} as a cut keeps it: deflated once and kept, or for a
	 * composite glyph (its components renumbered for this cut) deflated now.
	 */
	private Packed outline(int glyph, int[] old) {
		int start = this.locations[glyph];
		int length = this.locations[glyph + 1] - start;
		if (length > 0 && ByteBuffer.wrap(this.font).getShort(start) < 0) {
			ByteBuffer composite = ByteBuffer.allocate((length + 3) & ~3).put(this.font, start, length);
			renumberComponents(composite, 0, old);
			return Packed.of(composite.array(), this.level);
		}
		Packed packed = this.packed.get(glyph);
		if (packed == null) {
			// deflated once per glyph for every later cut: at the best compression
			packed = Packed.of(Arrays.copyOf(Arrays.copyOfRange(this.font, start, start + length), (length + 3) & ~3),
					Deflater.BEST_COMPRESSION);
			this.packed.set(glyph, packed);
		}
		return packed;
	}

	/**
	 * A glyph's outline padded to four bytes: deflated on its own, its length, its table
	 * checksum and its Adler-32.
	 */
	private record Packed(byte[] deflated, int length, int checksum, long adler) {

		static Packed of(byte[] outline, int level) {
			return new Packed((outline.length == 0) ? outline : deflate(outline, level), outline.length,
					TrueTypeCutter.checksum(ByteBuffer.wrap(outline)), TrueTypeCutter.adler(outline));
		}

	}

	/**
	 * Raw deflate blocks of {@code data}, fully flushed: byte-aligned, self-contained.
	 */
	private static byte[] deflate(byte[] data, int level) {
		Deflater deflater = new Deflater(level, true);
		try {
			deflater.setInput(data);
			byte[] out = new byte[data.length + data.length / 8 + 64];
			int written = 0;
			while (true) {
				written += deflater.deflate(out, written, out.length - written, Deflater.FULL_FLUSH);
				if (written < out.length) {
					return Arrays.copyOf(out, written);
				}
				out = Arrays.copyOf(out, 2 * out.length);
			}
		}
		finally {
			deflater.end();
		}
	}

	private static long adler(byte[] data) {
		Adler32 adler = new Adler32();
		adler.update(data);
		return adler.getValue();
	}

	/**
	 * The Adler-32 of two pieces of data one after the other, from each one's and the
	 * second's length (as ZLIB's {@code adler32_combine}).
	 */
	static long combine(long first, long second, int secondLength) {
		long base = 65521;
		long remainder = secondLength % base;
		long sum1 = first & 0xFFFF;
		long sum2 = (remainder * sum1) % base;
		sum1 += (second & 0xFFFF) + base - 1;
		sum2 += ((first >>> 16) & 0xFFFF) + ((second >>> 16) & 0xFFFF) + base - remainder;
		return (sum1 % base) | ((sum2 % base) << 16);
	}

	/** Marks {@code glyph} and, for a composite glyph, its components. */
	private void keep(int glyph, BitSet kept) {
		if (glyph < 0 || glyph >= this.glyphCount || kept.get(glyph)) {
			return;
		}
		kept.set(glyph);
		int start = this.locations[glyph];
		int end = this.locations[glyph + 1];
		ByteBuffer in = ByteBuffer.wrap(this.font);
		if (end - start < 10 || in.getShort(start) >= 0) {
			return;
		}
		int at = start + 10;
		int flags;
		do {
			flags = in.getShort(at) & 0xFFFF;
			keep(in.getShort(at + 2) & 0xFFFF, kept);
			at += componentLength(flags);
		}
		while ((flags & MORE_COMPONENTS) != 0 && at + 4 <= end);
	}

	/** Rewrites the component glyph numbers of the composite glyph at {@code at}. */
	private static void renumberComponents(ByteBuffer glyf, int at, int[] old) {
		int end = glyf.position();
		int component = at + 10;
		int flags;
		do {
			flags = glyf.getShort(component) & 0xFFFF;
			int glyph = glyf.getShort(component + 2) & 0xFFFF;
			glyf.putShort(component + 2, (short) Math.max(0, Arrays.binarySearch(old, glyph)));
			component += componentLength(flags);
		}
		while ((flags & MORE_COMPONENTS) != 0 && component + 4 <= end);
	}

	/** A component record's length: flags, glyph, its two arguments and its transform. */
	private static int componentLength(int flags) {
		int length = 4 + (((flags & ARG_1_AND_2_ARE_WORDS) != 0) ? 4 : 2);
		if ((flags & WE_HAVE_A_SCALE) != 0) {
			length += 2;
		}
		else if ((flags & WE_HAVE_AN_X_AND_Y_SCALE) != 0) {
			length += 4;
		}
		else if ((flags & WE_HAVE_A_TWO_BY_TWO) != 0) {
			length += 8;
		}
		return length;
	}

	private byte[] copy(String tag) {
		int[] table = table(tag);
		return Arrays.copyOfRange(this.font, table[0], table[0] + table[1]);
	}

	/**
	 * A Windows Unicode (3, 1) {@code cmap} in format 4: a segment for each code point,
	 * whose delta gives its new glyph, and the closing segment.
	 */
	private static byte[] cmap(int[] codePoints, int[] glyphs, int[] old) {
		// code point and new glyph in one number, to sort by code point
		long[] order = new long[codePoints.length];
		int segments = 0;
		for (int i = 0; i < codePoints.length; i++) {
			// a glyph number past the font's last glyph (a broken cmap) was not kept
			int glyph = (glyphs[i] > 0) ? Arrays.binarySearch(old, glyphs[i]) : -1;
			if (codePoints[i] < 0xFFFF && glyph > 0) {
				order[segments++] = ((long) codePoints[i] << 16) | glyph;
			}
		}
		long[] mapped = Arrays.copyOf(order, segments);
		Arrays.sort(mapped);
		int count = segments + 1;
		int length = 16 + 8 * count;
		ByteBuffer out = ByteBuffer.allocate(12 + length);
		out.putShort((short) 0).putShort((short) 1);
		out.putShort((short) 3).putShort((short) 1).putInt(12);
		int searchRange = 2 * Integer.highestOneBit(count);
		out.putShort((short) 4).putShort((short) length).putShort((short) 0);
		out.putShort((short) (2 * count))
			.putShort((short) searchRange)
			.putShort((short) Integer.numberOfTrailingZeros(searchRange / 2))
			.putShort((short) (2 * count - searchRange));
		for (long entry : mapped) {
			out.putShort((short) (entry >>> 16));
		}
		out.putShort((short) 0xFFFF).putShort((short) 0);
		for (long entry : mapped) {
			out.putShort((short) (entry >>> 16));
		}
		out.putShort((short) 0xFFFF);
		for (long entry : mapped) {
			out.putShort((short) ((entry & 0xFFFF) - (entry >>> 16)));
		}
		out.putShort((short) 1);
		for (int i = 0; i < count; i++) {
			out.putShort((short) 0);
		}
		return out.array();
	}

	/**
	 * The font file up to its outlines: its table directory in tag order, with a
	 * {@code glyf} of {@code glyfLength} bytes (a multiple of four) summing to
	 * {@code glyfSum}, then the other tables; the outlines follow, last in the file.
	 * FontBox warns of a font whose {@code post} table (version 3) ends the file.
	 */
	private static byte[] assemble(Map<String, byte[]> tables, int glyfLength, int glyfSum) {
		int count = tables.size() + 1;
		int length = 12 + 16 * count;
		for (byte[] table : tables.values()) {
			length += (table.length + 3) & ~3;
		}
		ByteBuffer out = ByteBuffer.allocate(length);
		int entrySelector = Integer.numberOfTrailingZeros(Integer.highestOneBit(count));
		int searchRange = 16 * Integer.highestOneBit(count);
		out.putInt(0x00010000)
			.putShort((short) count)
			.putShort((short) searchRange)
			.putShort((short) entrySelector)
			.putShort((short) (16 * count - searchRange));
		int offset = 12 + 16 * count;
		int head = 0;
		Map<String, byte[]> all = new TreeMap<>(tables);
		all.put("glyf", null);
		for (Map.Entry<String, byte[]> table : all.entrySet()) {
			byte[] bytes = table.getValue();
			if (bytes == null) {
				out.put("glyf".getBytes(StandardCharsets.ISO_8859_1)).putInt(glyfSum).putInt(length).putInt(glyfLength);
				continue;
			}
			if (table.getKey().equals("head")) {
				head = offset;
			}
			int padded = (bytes.length + 3) & ~3;
			// the padding is zeros, as the buffer was allocated
			out.put(offset, bytes);
			out.put(table.getKey().getBytes(StandardCharsets.ISO_8859_1))
				.putInt(checksum(out.slice(offset, padded)))
				.putInt(offset)
				.putInt(bytes.length);
			offset += padded;
		}
		out.putInt(head + 8, 0xB1B0AFBA - checksum(out.rewind()) - glyfSum);
		return out.array();
	}

	private static int checksum(ByteBuffer data) {
		int sum = 0;
		while (data.remaining() >= 4) {
			sum += data.getInt();
		}
		return sum;
	}

}
