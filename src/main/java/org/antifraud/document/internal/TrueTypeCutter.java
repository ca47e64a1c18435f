package org.antifraud.document.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cuts subsets of one TrueType font (outlines in a {@code glyf} table) from its bytes,
 * read once. A cut keeps the glyphs of the given characters, and the glyphs composite
 * ones are built from, numbered anew in their order in the font; its {@code cmap} maps
 * the characters to them, its {@code post} table names no glyphs, and the font-wide
 * tables a renderer needs (hinting programs, metrics, names) are copied as they are.
 * <p>
 * FontBox's own subsetter looks up every new glyph number by counting a sorted set and
 * writes every glyph's name: for a letter's two hundred characters that was most of the
 * time a letter took to embed its fonts. Instances are immutable and may cut for several
 * letters at once.
 */
final class TrueTypeCutter {

	/** The tables a cut copies unchanged when the font has them. */
	private static final List<String> COPIED = List.of("OS/2", "cvt ", "fpgm", "gasp", "name", "prep");

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

	private TrueTypeCutter(byte[] font) {
		this.font = font;
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
	}

	/**
	 * A cutter for {@code font}, or null when the font is not one it can cut (no
	 * {@code glyf} outlines, or tables missing or out of place).
	 */
	static TrueTypeCutter of(byte[] font) {
		try {
			return new TrueTypeCutter(font);
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
	byte[] cut(int[] codePoints, int[] glyphs) {
		BitSet kept = new BitSet(this.glyphCount);
		kept.set(0);
		for (int glyph : glyphs) {
			keep(glyph, kept);
		}
		int[] old = kept.stream().toArray();
		ByteBuffer glyf = ByteBuffer.allocate(glyfLength(old));
		ByteBuffer loca = ByteBuffer.allocate(4 * (old.length + 1));
		ByteBuffer hmtx = ByteBuffer.allocate(4 * old.length);
		ByteBuffer in = ByteBuffer.wrap(this.font);
		int lastAdvance = this.metrics + 4 * (this.horizontalMetrics - 1);
		for (int glyph : old) {
			loca.putInt(glyf.position());
			int start = this.locations[glyph];
			int length = this.locations[glyph + 1] - this.locations[glyph];
			int at = glyf.position();
			glyf.put(this.font, start, length);
			if (length > 0 && in.getShort(start) < 0) {
				renumberComponents(glyf, at, old);
			}
			while (glyf.position() % 4 != 0) {
				glyf.put((byte) 0);
			}
			if (glyph < this.horizontalMetrics) {
				hmtx.putInt(in.getInt(this.metrics + 4 * glyph));
			}
			else {
				hmtx.putShort(in.getShort(lastAdvance));
				hmtx.putShort(
						in.getShort(this.metrics + 4 * this.horizontalMetrics + 2 * (glyph - this.horizontalMetrics)));
			}
		}
		loca.putInt(glyf.position());

		Map<String, byte[]> out = new TreeMap<>();
		for (String tag : COPIED) {
			if (this.tables.containsKey(tag)) {
				out.put(tag, copy(tag));
			}
		}
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
		out.put("glyf", glyf.array());
		out.put("loca", loca.array());
		out.put("hmtx", hmtx.array());
		return assemble(out);
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

	private int glyfLength(int[] old) {
		int length = 0;
		for (int glyph : old) {
			length += (this.locations[glyph + 1] - this.locations[glyph] + 3) & ~3;
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
	 * The font file: its table directory in tag order, then the tables, {@code glyf}
	 * last. FontBox warns of a font whose {@code post} table (version 3) ends the file.
	 */
	private static byte[] assemble(Map<String, byte[]> tables) {
		int count = tables.size();
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
		int glyf = length - ((tables.get("glyf").length + 3) & ~3);
		int head = 0;
		for (Map.Entry<String, byte[]> table : tables.entrySet()) {
			byte[] bytes = table.getValue();
			int at = table.getKey().equals("glyf") ? glyf : offset;
			if (table.getKey().equals("head")) {
				head = at;
			}
			int padded = (bytes.length + 3) & ~3;
			// the padding is zeros, as the buffer was allocated
			out.put(at, bytes);
			out.put(table.getKey().getBytes(StandardCharsets.ISO_8859_1))
				.putInt(checksum(out.slice(at, padded)))
				.putInt(at)
				.putInt(bytes.length);
			if (at == offset) {
				offset += padded;
			}
		}
		out.putInt(head + 8, 0xB1B0AFBA - checksum(out.rewind()));
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
