package org.antifraud.document.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.antifraud.document.internal.LetterFonts.Face;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;

/**
 * Lays a letter out after GB/T 9704-2012 (党政机关公文格式): A4, 37 mm top and 28 mm left
 * margins, a 156 × 225 mm text block of 22 lines × 28 characters in 三号 (16 pt), the
 * issuer mark in red over a red rule with the 文号, the title in 二号, the body justified
 * with 禁则 line breaks, the issuer and date four characters from the right under a red
 * seal, a QR code with the verification code, and page numbers 「— 1 —」 (odd pages right,
 * even left).
 */
final class OfficialLayout {

	static final float MM = 72f / 25.4f;

	private static final PDRectangle PAGE = PDRectangle.A4;

	private static final float LEFT = 28 * MM;

	private static final float TOP = 37 * MM;

	private static final float WIDTH = 156 * MM;

	private static final float HEIGHT = 225 * MM;

	private static final int LINES = 22;

	private static final float PITCH = HEIGHT / LINES;

	private static final float BODY = 16;

	private static final float TITLE = 22;

	/** Character spacing that fits 28 characters of 16 pt into 156 mm. */
	private static final float TRACKING = (WIDTH - 28 * BODY) / 28;

	private static final float[] RED = { 0.86f, 0.08f, 0.09f };

	private static final float SEAL_RADIUS = 21 * MM;

	private static final String VERIFY_CODE = "核验码：";

	private static final String VERIFY_HINT = "扫描二维码或访问以下地址核验本文书真伪：";

	/** What {@link #pageNumbers} may print. */
	private static final String PAGE_NUMBER_GLYPHS = "— 0123456789";

	private final LetterFonts.Session fonts;

	private final PDDocument document;

	private final List<PDPage> pages = new ArrayList<>();

	/**
	 * Each character's advance in thousandths of the font size, per face: the line
	 * breaker measures every piece of a paragraph, and PDFBox encodes and looks up each
	 * character again every time.
	 */
	private final Map<Face, Map<Integer, Float>> advances = new EnumMap<>(Face.class);

	private PDPageContentStream content;

	/** The next free line of the current page, 0 at the top of the text block. */
	private int line;

	private OfficialLayout(PDDocument document, LetterFonts.Session fonts) {
		this.document = document;
		this.fonts = fonts;
	}

	/**
	 * Everything {@link #render} prints of {@code letter}, per face: the text the
	 * letter's font session cuts its subsets for.
	 */
	static Map<Face, String> text(LetterContent letter) {
		StringBuilder body = new StringBuilder(letter.number()).append(letter.dateText())
			.append(letter.issuerName())
			.append(VERIFY_CODE)
			.append(letter.verificationCode())
			.append(VERIFY_HINT)
			.append(letter.verifyUrl())
			.append(PAGE_NUMBER_GLYPHS);
		letter.paragraphs().forEach((paragraph) -> body.append(paragraph.text()));
		return Map.of(Face.BODY, body.toString(), Face.TITLE, letter.issuerName() + letter.title());
	}

	/** Lays {@code letter} out into {@code document} with the document's font session. */
	static void render(PDDocument document, LetterFonts.Session fonts, LetterContent letter) throws IOException {
		OfficialLayout layout = new OfficialLayout(document, fonts);
		layout.newPage();
		layout.header(letter);
		for (LetterTemplate.Paragraph paragraph : letter.paragraphs()) {
			layout.paragraph(paragraph);
		}
		layout.closing(letter);
		layout.content.close();
		layout.pageNumbers();
	}

	private void newPage() throws IOException {
		if (this.content != null) {
			this.content.close();
		}
		PDPage page = new PDPage(PAGE);
		this.document.addPage(page);
		this.pages.add(page);
		this.content = new PDPageContentStream(this.document, page);
		this.line = 0;
	}

	/** The red issuer mark, the 文号, the red rule and the title. */
	private void header(LetterContent letter) throws IOException {
		float markSize = 36;
		while (markSize > 18 && width(letter.issuerName(), Face.TITLE, markSize, 0) > WIDTH) {
			markSize -= 1;
		}
		float top = PAGE.getHeight() - TOP;
		float markBaseline = top - markSize * 0.88f;
		this.content.setNonStrokingColor(RED[0], RED[1], RED[2]);
		centered(letter.issuerName(), Face.TITLE, markSize, markBaseline);
		this.content.setNonStrokingColor(0f, 0f, 0f);
		// 文号 two lines under the mark, the rule 4 mm under the 文号
		float numberBaseline = markBaseline - 2 * PITCH;
		centered(letter.number(), Face.BODY, BODY, numberBaseline);
		float rule = numberBaseline - 4 * MM - BODY * 0.2f;
		this.content.setStrokingColor(RED[0], RED[1], RED[2]);
		this.content.setLineWidth(1.2f);
		this.content.moveTo(LEFT, rule);
		this.content.lineTo(LEFT + WIDTH, rule);
		this.content.stroke();
		this.content.setStrokingColor(0f, 0f, 0f);
		// the title two lines under the rule
		this.line = (int) Math.ceil((top - rule) / PITCH) + 1;
		for (String titleLine : LineBreaker.lines(letter.title(), WIDTH, WIDTH,
				(text) -> width(text, Face.TITLE, TITLE, 0))) {
			centered(titleLine, Face.TITLE, TITLE, baseline(this.line++));
		}
		this.line++;
	}

	private void paragraph(LetterTemplate.Paragraph paragraph) throws IOException {
		float indent = paragraph.flush() ? 0 : 2 * (BODY + TRACKING);
		List<String> lines = LineBreaker.lines(paragraph.text(), WIDTH - indent, WIDTH,
				(text) -> width(text, Face.BODY, BODY, TRACKING));
		for (int i = 0; i < lines.size(); i++) {
			if (this.line >= LINES) {
				newPage();
			}
			String text = lines.get(i);
			float x = LEFT + ((i == 0) ? indent : 0);
			float tracking = TRACKING;
			int glyphs = text.codePointCount(0, text.length());
			if (i < lines.size() - 1 && glyphs > 1) {
				// justified: the line's slack spread between its characters
				float slack = (LEFT + WIDTH) - x - width(text, Face.BODY, BODY, TRACKING);
				tracking += slack / (glyphs - 1);
			}
			show(text, Face.BODY, BODY, tracking, x, baseline(this.line++));
		}
	}

	/**
	 * The issuer and the date, the date four characters from the right and the issuer
	 * centred above it, the seal over both, and the QR code at the foot.
	 */
	private void closing(LetterContent letter) throws IOException {
		// one blank line, issuer, date, and room for the seal's lower half and the QR
		// code
		if (this.line + 6 > LINES) {
			newPage();
		}
		else {
			this.line += 1;
		}
		String date = letter.dateText();
		float dateWidth = width(date, Face.BODY, BODY, TRACKING);
		float dateRight = LEFT + WIDTH - 4 * (BODY + TRACKING);
		float dateCentre = dateRight - dateWidth / 2;
		float issuerWidth = width(letter.issuerName(), Face.BODY, BODY, TRACKING);
		float issuerX = Math.min(dateCentre - issuerWidth / 2, LEFT + WIDTH - issuerWidth);
		float issuerBaseline = baseline(this.line + 1);
		float dateBaseline = baseline(this.line + 2);
		show(letter.issuerName(), Face.BODY, BODY, TRACKING, issuerX, issuerBaseline);
		show(date, Face.BODY, BODY, TRACKING, dateRight - dateWidth, dateBaseline);
		this.line += 3;
		seal(letter.issuerName(), issuerX + issuerWidth / 2, (issuerBaseline + dateBaseline) / 2 + BODY * 0.6f);
		qrCode(letter);
	}

	/**
	 * A red round seal: the agency's name around the upper rim, a five-pointed star
	 * inside.
	 */
	private void seal(String name, float cx, float cy) throws IOException {
		PDPageContentStream cs = this.content;
		cs.saveGraphicsState();
		cs.setStrokingColor(RED[0], RED[1], RED[2]);
		cs.setNonStrokingColor(RED[0], RED[1], RED[2]);
		cs.setLineWidth(1.1f * MM);
		circle(cs, cx, cy, SEAL_RADIUS - 0.55f * MM);
		cs.stroke();
		float star = SEAL_RADIUS * 0.32f;
		for (int i = 0; i < 10; i++) {
			double angle = Math.PI / 2 + i * Math.PI / 5;
			float r = (i % 2 == 0) ? star : star * 0.382f;
			float x = cx + (float) (r * Math.cos(angle));
			float y = cy + (float) (r * Math.sin(angle));
			if (i == 0) {
				cs.moveTo(x, y);
			}
			else {
				cs.lineTo(x, y);
			}
		}
		cs.closePath();
		cs.fill();
		int count = name.codePointCount(0, name.length());
		float span = (float) Math.toRadians(Math.min(250, 24 * count + 20));
		float size = Math.min(15, SEAL_RADIUS * span / count * 0.75f);
		float radius = SEAL_RADIUS - 1.6f * MM - size * 0.9f;
		int[] codePoints = name.codePoints().toArray();
		for (int i = 0; i < count; i++) {
			double angle = Math.PI / 2 + span / 2 - span * (i + 0.5) / count;
			String glyph = new String(Character.toChars(codePoints[i]));
			PDType0Font font = this.fonts.font(Face.TITLE, codePoints[i]);
			float glyphWidth = font.getStringWidth(glyph) / 1000 * size;
			Matrix matrix = Matrix.getTranslateInstance(cx + (float) (radius * Math.cos(angle)),
					cy + (float) (radius * Math.sin(angle)));
			matrix.rotate(angle - Math.PI / 2);
			matrix.translate(-glyphWidth / 2, 0);
			cs.beginText();
			cs.setFont(font, size);
			cs.setTextMatrix(matrix);
			cs.showText(glyph);
			cs.endText();
		}
		cs.restoreGraphicsState();
	}

	private static void circle(PDPageContentStream cs, float cx, float cy, float r) throws IOException {
		float k = 0.5523f * r;
		cs.moveTo(cx + r, cy);
		cs.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
		cs.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
		cs.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
		cs.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
		cs.closePath();
	}

	/** The QR code of the verification address and the code in words, at the foot. */
	private void qrCode(LetterContent letter) throws IOException {
		BitMatrix matrix;
		try {
			// one fixed mask: scoring all eight was 8 % of a letter's CPU, and a printed
			// code with error correction M reads with any of them
			matrix = new QRCodeWriter().encode(letter.verifyUrl(), BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
							EncodeHintType.QR_MASK_PATTERN, 0));
		}
		catch (WriterException ex) {
			throw new IllegalStateException(ex);
		}
		float size = 20 * MM;
		float module = size / matrix.getWidth();
		float bottom = PAGE.getHeight() - TOP - HEIGHT;
		for (int y = 0; y < matrix.getHeight(); y++) {
			int x = 0;
			while (x < matrix.getWidth()) {
				if (!matrix.get(x, y)) {
					x++;
					continue;
				}
				int start = x;
				while (x < matrix.getWidth() && matrix.get(x, y)) {
					x++;
				}
				this.content.addRect(LEFT + start * module, bottom + size - (y + 1) * module, (x - start) * module,
						module);
			}
		}
		this.content.fill();
		float small = 9;
		show(VERIFY_CODE + letter.verificationCode(), Face.BODY, small, 0, LEFT + size + 3 * MM, bottom + size - small);
		show(VERIFY_HINT, Face.BODY, small, 0, LEFT + size + 3 * MM, bottom + size - 2.6f * small);
		show(letter.verifyUrl(), Face.BODY, small, 0, LEFT + size + 3 * MM, bottom + size - 4.2f * small);
	}

	/** 「— n —」 in 四号 under the text block: odd pages right, even pages left. */
	private void pageNumbers() throws IOException {
		float size = 14;
		for (int i = 0; i < this.pages.size(); i++) {
			String text = "— " + (i + 1) + " —";
			float w = width(text, Face.BODY, size, 0);
			float x = (i % 2 == 0) ? LEFT + WIDTH - size - w : LEFT + size;
			float y = PAGE.getHeight() - TOP - HEIGHT - 7 * MM - size * 0.8f;
			// the body's streams are closed: each page gets an appended one for its
			// number
			this.content = new PDPageContentStream(this.document, this.pages.get(i),
					PDPageContentStream.AppendMode.APPEND, true);
			show(text, Face.BODY, size, 0, x, y);
			this.content.close();
		}
	}

	private static float baseline(int line) {
		return PAGE.getHeight() - TOP - line * PITCH - PITCH / 2 - BODY * 0.35f;
	}

	private void centered(String text, Face face, float size, float baseline) throws IOException {
		show(text, face, size, 0, LEFT + (WIDTH - width(text, face, size, 0)) / 2, baseline);
	}

	/** Draws {@code text}, each character in the first font of the face that has it. */
	private void show(String text, Face face, float size, float tracking, float x, float baseline) throws IOException {
		PDPageContentStream cs = this.content;
		cs.beginText();
		cs.setCharacterSpacing(tracking);
		cs.newLineAtOffset(x, baseline);
		for (Run run : runs(text, face)) {
			cs.setFont(run.font(), size);
			cs.showText(run.text());
		}
		cs.endText();
		cs.setCharacterSpacing(0);
	}

	private float width(String text, Face face, float size, float tracking) {
		Map<Integer, Float> known = this.advances.computeIfAbsent(face, (f) -> new HashMap<>());
		float advance = 0;
		int count = 0;
		for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
			advance += known.computeIfAbsent(text.codePointAt(i), (codePoint) -> advance(face, codePoint));
			count++;
		}
		return advance / 1000 * size + tracking * count;
	}

	private float advance(Face face, int codePoint) {
		try {
			return this.fonts.font(face, codePoint).getStringWidth(Character.toString(codePoint));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private List<Run> runs(String text, Face face) {
		List<Run> runs = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		PDType0Font font = null;
		for (int codePoint : text.codePoints().toArray()) {
			PDType0Font next = this.fonts.font(face, codePoint);
			if (font != null && next != font) {
				runs.add(new Run(font, current.toString()));
				current.setLength(0);
			}
			font = next;
			current.appendCodePoint(codePoint);
		}
		if (font != null) {
			runs.add(new Run(font, current.toString()));
		}
		return runs;
	}

	private record Run(PDType0Font font, String text) {
	}

}
