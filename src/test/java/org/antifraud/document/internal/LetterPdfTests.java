package org.antifraud.document.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.antifraud.agency.Agency;
import org.antifraud.agency.AgencyType;
import org.antifraud.common.ApiException;
import org.antifraud.common.Now;
import org.antifraud.document.DocumentProperties;
import org.antifraud.document.LetterType;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * Every letter type, laid out, archived and signed without Spring: text in order, every
 * glyph present, PDF/A-2b by veraPDF, signature valid, tampering detected.
 */
class LetterPdfTests {

	static LetterFonts fonts;

	static LetterTemplates templates;

	static AgencyKeys keys;

	static final Agency POLICE = new Agency("QD-PSB", "青岛市公安局", "Qingdao PSB", AgencyType.CITY_POLICE, "SD-PSD", "青岛市",
			"青公");

	@TempDir
	static Path pki;

	@BeforeAll
	static void setUp() {
		DocumentProperties properties = new DocumentProperties(null, "https://fz.qingdao.example", null, null,
				new DocumentProperties.Signing("demo", pki, null, null), null, null);
		fonts = new LetterFonts(properties);
		templates = new LetterTemplates(properties);
		keys = new AgencyKeys(properties);
		VeraGreenfieldFoundryProvider.initialise();
	}

	static LetterContent content(LetterType type, Map<String, String> fields) {
		return content(type, fields, SampleLetters.recipient(type));
	}

	static LetterContent content(LetterType type, Map<String, String> fields, String recipient) {
		LetterTemplate template = templates.get(type);
		Map<String, String> values = new HashMap<>(fields);
		values.put("recipient", recipient);
		values.put("issuer", POLICE.name());
		return new LetterContent(POLICE.name(),
				LetterTemplate.fill(template.numberPattern(),
						Map.of("abbr", "青公", "year", "2026", "seq", "7", "seq4", "0007")),
				template.title(), template.paragraphs(values), ZonedDateTime.of(2026, 9, 28, 18, 5, 0, 0, Now.ZONE),
				"ABCD-EFGH", "https://fz.qingdao.example/verify/ABCD-EFGH");
	}

	static byte[] letter(LetterContent content) {
		// the fonts' parsed copies go back after each letter: every letter after the
		// first here is set with fonts another letter used
		return DocumentService.letter(fonts, content, keys.signer(POLICE), content.title());
	}

	@ParameterizedTest
	@EnumSource(LetterType.class)
	void everyLetterTypeCarriesItsFieldsInOrderWithEveryGlyph(LetterType type) throws IOException {
		Map<String, String> fields = SampleLetters.fields(type);
		assertThat(fields.keySet()).as("sample fields of %s", type)
			.containsExactlyInAnyOrderElementsOf(templates.get(type).fields());
		byte[] pdf = letter(content(type, fields));
		List<String> expected = new ArrayList<>(List.of("青岛市公安局", "青公", templates.get(type).title()));
		if (!type.equals(LetterType.PIL_PUBLIC_NOTICE)) {
			expected.add(SampleLetters.recipient(type));
		}
		templates.get(type).fields().forEach((field) -> {
			String value = fields.get(field);
			if (!value.isBlank()) {
				expected.add(value.lines().findFirst().orElseThrow());
			}
		});
		expected.add("2026年9月28日");
		expected.add("核验码：ABCD-EFGH");
		String text = squeeze(extract(pdf));
		int at = 0;
		for (String part : expected) {
			int found = text.indexOf(squeeze(part), at);
			assertThat(found).as("%s: '%s' after position %d in %s", type, part, at, text).isGreaterThanOrEqualTo(0);
			at = found;
		}
		assertThat(pdfaFailures(pdf)).as("%s PDF/A-2b", type).isEmpty();
		LetterSignatures.Check check = LetterSignatures.verify(pdf, keys.trustAnchors());
		assertThat(check.signatureValid()).isTrue();
		assertThat(check.coversWholeFile()).isTrue();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 60);
			assertThat(image.getWidth()).isGreaterThan(400);
			if (type == LetterType.DISCIPLINE_NOTICE) {
				Path out = Path.of("target", "letters");
				Files.createDirectories(out);
				for (int page = 0; page < document.getNumberOfPages(); page++) {
					ImageIO.write(new PDFRenderer(document).renderImageWithDPI(page, 100), "png",
							out.resolve(type.template() + "-" + (page + 1) + ".png").toFile());
				}
				Files.write(out.resolve(type.template() + ".pdf"), pdf);
			}
		}
	}

	@Test
	void rareCharactersOfNamesPrintFromTheFallbackFonts() throws IOException {
		// 䶮 and 𠮷 are in the body font; 䲜 (Extension A) and 𪚥 (Extension B) are not
		byte[] pdf = letter(
				content(LetterType.DISCIPLINE_NOTICE, SampleLetters.fields(LetterType.DISCIPLINE_NOTICE), "王䶮𠮷䲜𪚥"));
		String text = extract(pdf);
		assertThat(text).contains("王䶮𠮷䲜𪚥");
		try (PDDocument document = Loader.loadPDF(pdf)) {
			List<String> fontNames = new ArrayList<>();
			document.getPage(0).getResources().getFontNames().forEach((name) -> {
				try {
					fontNames.add(document.getPage(0).getResources().getFont(name).getName());
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			});
			assertThat(fontNames).anyMatch((name) -> name.contains("HanaMinB"))
				.anyMatch((name) -> name.contains("NotoSerifSC-Regular"))
				.anyMatch((name) -> name.contains("LXGWWenKai"))
				.allMatch((name) -> name.matches("[A-Z]{6}\\+.*"));
		}
	}

	@Test
	void aLetterEmbedsSubsetsCutBeforeItsLayoutWithTheGlyphsItPrints() throws IOException {
		Map<String, String> fields = new HashMap<>(SampleLetters.fields(LetterType.EXECUTION_ORDER));
		fields.put("subjectName", "王五");
		LetterContent content = content(LetterType.EXECUTION_ORDER, fields);
		byte[] pdf = letter(content);
		long printed = OfficialLayout.text(content)
			.values()
			.stream()
			.flatMapToInt(String::codePoints)
			.distinct()
			.count();
		int glyphs = 0;
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDResources resources = document.getPage(0).getResources();
			for (COSName name : resources.getFontNames()) {
				PDType0Font font = (PDType0Font) resources.getFont(name);
				try (InputStream embedded = font.getDescendantFont()
					.getFontDescriptor()
					.getFontFile2()
					.createInputStream()) {
					TrueTypeFont program = new TTFParser(true).parse(new RandomAccessReadBuffer(embedded));
					// PDFBox's own subsets, cut on save, carry no cmap; the letter's do
					assertThat(program.getCmap()).as("%s cut before the layout", font.getName()).isNotNull();
					glyphs += program.getNumberOfGlyphs();
				}
			}
		}
		// each printed character once per face at most, and each font's .notdef
		assertThat(glyphs).isGreaterThan(50).isLessThanOrEqualTo((int) (2 * printed) + 4);
		assertThat(squeeze(extract(pdf))).contains("认定王五");
		assertThat(pdfaFailures(pdf)).isEmpty();
	}

	@Test
	void theQrCodeReadsAsTheVerificationAddress() throws Exception {
		byte[] pdf = letter(content(LetterType.EXECUTION_ORDER, SampleLetters.fields(LetterType.EXECUTION_ORDER)));
		try (PDDocument document = Loader.loadPDF(pdf)) {
			// the closing, with the code, is on the last page
			BufferedImage page = new PDFRenderer(document).renderImageWithDPI(document.getNumberOfPages() - 1, 150);
			// the code's corner of the page: 20 mm square, 28 mm from the left and 35 mm
			// from the foot, with a white margin
			double mm = 150 / 25.4;
			BufferedImage corner = page.getSubimage((int) (24 * mm), (int) (page.getHeight() - 59 * mm),
					(int) (28 * mm), (int) (28 * mm));
			int[] pixels = corner.getRGB(0, 0, corner.getWidth(), corner.getHeight(), null, 0, corner.getWidth());
			BinaryBitmap bitmap = new BinaryBitmap(
					new HybridBinarizer(new RGBLuminanceSource(corner.getWidth(), corner.getHeight(), pixels)));
			assertThat(new QRCodeReader().decode(bitmap).getText())
				.isEqualTo("https://fz.qingdao.example/verify/ABCD-EFGH");
		}
	}

	@Test
	void aCharacterNoFontHasStopsTheLetterNamingIt() {
		assertThatThrownBy(() -> fonts.requireGlyphs(LetterFonts.Face.BODY, "王\uE000三"))
			.isInstanceOfSatisfying(ApiException.class, (ex) -> {
				assertThat(ex.getMessage()).isEqualTo("document.glyphMissing");
				assertThat(ex.args()).containsExactly("\uE000", "U+E000");
			});
		assertThatThrownBy(() -> fonts.requireGlyphs(LetterFonts.Face.BODY, "王😀")).isInstanceOf(ApiException.class);
		fonts.requireGlyphs(LetterFonts.Face.BODY, "王䶮𠮷龘堃喆");
	}

	@Test
	void aLongBodyFlowsOntoMorePagesWithPageNumbers() throws IOException {
		Map<String, String> fields = new HashMap<>(SampleLetters.fields(LetterType.DISCIPLINE_NOTICE));
		fields.put("facts", "你先后多次出租、出售银行卡和电话卡，".repeat(60) + "涉案金额386500.00元");
		byte[] pdf = letter(content(LetterType.DISCIPLINE_NOTICE, fields));
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(2);
		}
		String text = extract(pdf);
		assertThat(text).contains("— 1 —").contains("— 2 —").contains("386500.00");
		assertThat(pdfaFailures(pdf)).isEmpty();
	}

	@Test
	void aLetterIsSignedInItsOneRevisionOverTheWholeFile() throws IOException {
		LetterContent content = content(LetterType.EXECUTION_ORDER, SampleLetters.fields(LetterType.EXECUTION_ORDER));
		byte[] pdf = letter(content);
		LetterSignatures.Check check = LetterSignatures.verify(pdf, keys.trustAnchors());
		assertThat(check.signatureValid()).isTrue();
		assertThat(check.coversWholeFile()).isTrue();
		assertThat(check.messageKey()).isEqualTo("document.verify.valid");
		assertThat(check.certificate().getSubjectX500Principal().getName()).contains("QD-PSB");
		String text = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
		// one revision: one end-of-file marker, no reserved byte range left
		assertThat(text.split("%%EOF", -1)).hasSize(2);
		assertThat(text).doesNotContain("1000000000 1000000000");
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDSignature signature = document.getLastSignatureDictionary();
			assertThat(signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
			assertThat(signature.getName()).isEqualTo(POLICE.name());
			assertThat(signature.getReason()).isEqualTo(content.title());
			assertThat(signature.getSignDate().toInstant()).isEqualTo(content.issuedAt().toInstant());
			assertThat(document.getSignatureFields()).singleElement()
				.satisfies((field) -> assertThat(field.getWidgets().get(0).isPrinted()).isTrue());
		}
		assertThat(pdfaFailures(pdf)).isEmpty();
	}

	@Test
	void tamperingIsDetected() throws IOException {
		byte[] pdf = letter(content(LetterType.EXECUTION_ORDER, SampleLetters.fields(LetterType.EXECUTION_ORDER)));
		byte[] changed = pdf.clone();
		int index = new String(changed, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("/Producer");
		changed[index + 12] ^= 0x01;
		assertThat(LetterSignatures.verify(changed, keys.trustAnchors()).signatureValid()).isFalse();
		byte[] appended = java.util.Arrays.copyOf(pdf, pdf.length + 20);
		System.arraycopy("\n% appended comment\n".getBytes(), 0, appended, pdf.length, 20);
		LetterSignatures.Check check = LetterSignatures.verify(appended, keys.trustAnchors());
		assertThat(check.coversWholeFile()).isFalse();
	}

	@Test
	void lineBreaksKeepNumbersWholeAndPunctuationOffLineStarts() {
		String text = "账号6212260200012345674已于2026-09-28冻结，金额386500.00元。请于十五日内（含节假日）答复。";
		for (double width : new double[] { 5, 7, 9, 11, 13 }) {
			List<String> lines = LineBreaker.lines(text, width, width, (s) -> s.codePointCount(0, s.length()) * 1.0);
			assertThat(String.join("", lines)).isEqualTo(text);
			for (String line : lines) {
				assertThat(line).doesNotStartWith("，").doesNotStartWith("。").doesNotStartWith("）");
				assertThat(line).doesNotEndWith("（");
			}
			if (width >= 11) {
				assertThat(lines).anyMatch((line) -> line.contains("2026-09-28"))
					.anyMatch((line) -> line.contains("386500.00"));
			}
		}
	}

	static String extract(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			List<String> missing = new ArrayList<>();
			PDFTextStripper stripper = new PDFTextStripper() {
				@Override
				protected void processTextPosition(TextPosition text) {
					if (text.getFont() instanceof PDType0Font font) {
						try {
							for (int code : text.getCharacterCodes()) {
								if (font.codeToGID(code) == 0) {
									missing.add(text.getUnicode());
								}
							}
						}
						catch (IOException ex) {
							throw new IllegalStateException(ex);
						}
					}
					super.processTextPosition(text);
				}
			};
			String text = stripper.getText(document);
			assertThat(missing).as("characters drawn without a glyph").isEmpty();
			return text;
		}
	}

	/** The text without white space and page numbers. */
	static String squeeze(String text) {
		return text.replaceAll("— \\d+ —", "").replaceAll("\\s+", "");
	}

	static List<String> pdfaFailures(byte[] pdf) {
		try (PDFAParser parser = Foundries.defaultInstance()
			.createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_2_B);
				PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
			ValidationResult result = validator.validate(parser);
			return result.getTestAssertions()
				.stream()
				.filter((assertion) -> assertion.getStatus() == TestAssertion.Status.FAILED)
				.map((assertion) -> assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber()
						+ " " + assertion.getMessage())
				.distinct()
				.toList();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
