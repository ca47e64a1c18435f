package org.antifraud.document.internal;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.GregorianCalendar;

import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.springframework.web.util.HtmlUtils;

import com.fasterxml.jackson.core.util.ByteArrayBuilder;

/**
 * Makes a laid-out letter a PDF/A-2b file: XMP metadata agreeing with the document
 * information, an sRGB output intent, the language, and every font embedded (the fonts
 * are already subset-embedded by {@link LetterFonts}); its signature, reserved before the
 * save, sealed after it ({@link LetterSignatures}).
 */
final class PdfArchive {

	static final String PRODUCER = "联合惩戒工作平台 (joint-discipline)";

	private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

	private PdfArchive() {
	}

	/** Adds the archival parts to {@code document} and saves it. */
	static byte[] save(PDDocument document, String title, String author, ZonedDateTime created) throws IOException {
		ZonedDateTime at = created.truncatedTo(ChronoUnit.SECONDS);
		GregorianCalendar calendar = GregorianCalendar.from(at);
		PDDocumentInformation info = document.getDocumentInformation();
		info.setTitle(title);
		info.setAuthor(author);
		info.setProducer(PRODUCER);
		info.setCreator(PRODUCER);
		info.setCreationDate(calendar);
		info.setModificationDate(calendar);
		String date = at.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
		String xmp = """
				<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
				<x:xmpmeta xmlns:x="adobe:ns:meta/">
				<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
				<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
				 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"
				 xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
				<pdfaid:part>2</pdfaid:part>
				<pdfaid:conformance>B</pdfaid:conformance>
				<dc:format>application/pdf</dc:format>
				<dc:title><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:title>
				<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>
				<xmp:CreateDate>%s</xmp:CreateDate>
				<xmp:ModifyDate>%s</xmp:ModifyDate>
				<xmp:CreatorTool>%s</xmp:CreatorTool>
				<pdf:Producer>%s</pdf:Producer>
				</rdf:Description>
				</rdf:RDF>
				</x:xmpmeta>
				<?xpacket end="w"?>""".formatted(HtmlUtils.htmlEscape(title), HtmlUtils.htmlEscape(author), date, date,
				PRODUCER, PRODUCER);
		PDMetadata metadata = new PDMetadata(document);
		metadata.importXMPMetadata(xmp.getBytes(StandardCharsets.UTF_8));
		document.getDocumentCatalog().setMetadata(metadata);
		PDOutputIntent intent = new PDOutputIntent(document, new ByteArrayInputStream(SRGB));
		intent.setInfo("sRGB IEC61966-2.1");
		intent.setOutputCondition("sRGB IEC61966-2.1");
		intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
		intent.setRegistryName("http://www.color.org");
		document.getDocumentCatalog().addOutputIntent(intent);
		document.getDocumentCatalog().setLanguage("zh-CN");
		// without object streams: a signature's room is found and filled in the saved
		// bytes (LetterSignatures.seal); into a buffer that takes PDFBox's byte-at-a-time
		// writes without a lock each
		try (ByteArrayBuilder out = new ByteArrayBuilder(128 * 1024)) {
			document.save(out, CompressParameters.NO_COMPRESSION);
			return out.toByteArray();
		}
	}

}
