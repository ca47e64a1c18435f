package org.antifraud.document.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.antifraud.common.ApiException;
import org.antifraud.document.DocumentProperties;
import org.antifraud.document.EvidenceFiles;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

/**
 * Uploaded evidence, checked without Spring: every kind of bad file is refused with its
 * own message, good ones are typed by content and a PDF's text (Chinese included) is
 * extracted.
 */
class AttachmentInspectorTests {

	private final AttachmentInspector inspector = new AttachmentInspector(
			new DocumentProperties.Attachments(DataSize.ofMegabytes(5), 3, DataSize.ofMegabytes(20), 4_000_000));

	@Test
	void aPdfIsTypedByContentAndItsChineseTextExtracted() throws IOException {
		AttachmentInspector.Inspected inspected = this.inspector
			.inspect(EvidenceFiles.pdf(1, "银行流水 账号6212260200012345674"));
		assertThat(inspected.mediaType()).isEqualTo("application/pdf");
		assertThat(inspected.pages()).isEqualTo(1);
		assertThat(inspected.text().replaceAll("\\s+", "")).contains("银行流水", "6212260200012345674");
		// the name a user gives says nothing: the content decides
		assertThat(DocumentService.fileTitle("C:\\证据\\流水.png", inspected.mediaType())).isEqualTo("流水.pdf");
		assertThat(DocumentService.fileTitle("  ", "image/jpeg")).isEqualTo("附件.jpg");
	}

	@Test
	void imagesAreTypedByContent() throws IOException {
		assertThat(this.inspector.inspect(EvidenceFiles.image("png", 400, 300)).mediaType()).isEqualTo("image/png");
		assertThat(this.inspector.inspect(EvidenceFiles.image("jpeg", 400, 300)).mediaType()).isEqualTo("image/jpeg");
		assertThat(this.inspector.inspect(EvidenceFiles.image("tiff", 400, 300)).mediaType()).isEqualTo("image/tiff");
	}

	@Test
	void otherContentIsRefusedWhateverItsName() {
		refused("<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), "document.attachment.type");
		refused(new byte[] { 'P', 'K', 3, 4, 0, 0, 0, 0 }, "document.attachment.type");
		refused(new byte[] { 'M', 'Z', (byte) 0x90, 0 }, "document.attachment.type");
	}

	@Test
	void tooLargeIsRefused() {
		byte[] big = new byte[6 * 1024 * 1024];
		System.arraycopy("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 8);
		assertThatThrownBy(() -> this.inspector.inspect(big)).isInstanceOfSatisfying(ApiException.class,
				(ex) -> assertThat(ex.status().value()).isEqualTo(413));
	}

	@Test
	void malformedFilesAreRefused() throws IOException {
		refused("%PDF-1.7\nthis is not a PDF at all\n%%EOF".getBytes(StandardCharsets.US_ASCII),
				"document.attachment.malformed");
		byte[] png = EvidenceFiles.image("png", 400, 300);
		refused(Arrays.copyOf(png, png.length / 2), "document.attachment.malformed");
		byte[] jpeg = EvidenceFiles.image("jpeg", 400, 300);
		refused(Arrays.copyOf(jpeg, jpeg.length / 2), "document.attachment.malformed");
	}

	@Test
	void encryptedPdfsAreRefused() throws IOException {
		refused(EvidenceFiles.encrypted("secret"), "document.attachment.encrypted");
		// opens without a password but is still encrypted: its text may be locked
		refused(EvidenceFiles.encrypted(""), "document.attachment.encrypted");
	}

	@Test
	void tooManyPagesAreRefused() throws IOException {
		refused(EvidenceFiles.pdf(4, "第一页"), "document.attachment.tooManyPages");
	}

	@Test
	void decompressionBombsAreRefusedBeforeAnyLibraryInflatesThem() throws IOException {
		// 64 MB of spaces in a 64 KB stream: past the 20 MB budget
		ByteArrayOutputStream raw = new ByteArrayOutputStream();
		try (OutputStream zip = new DeflaterOutputStream(raw, new Deflater(9))) {
			byte[] spaces = new byte[1 << 20];
			Arrays.fill(spaces, (byte) ' ');
			for (int i = 0; i < 64; i++) {
				zip.write(spaces);
			}
		}
		refused(withContent(raw.toByteArray(), COSName.FLATE_DECODE), "document.attachment.bomb");
		// LZW cannot be inflated with a bound: a large LZW stream is refused on its size
		refused(withContent(new byte[16 * 1024], COSName.LZW_DECODE), "document.attachment.bomb");
	}

	@Test
	void pixelBombsAreRefusedFromTheHeader() throws IOException {
		// a PNG that claims 50,000 x 50,000 pixels
		refused(pngHeader(50_000, 50_000), "document.attachment.tooManyPixels");
	}

	private void refused(byte[] bytes, String key) {
		assertThatThrownBy(() -> this.inspector.inspect(bytes)).isInstanceOfSatisfying(ApiException.class, (ex) -> {
			assertThat(ex.getMessage()).isEqualTo(key);
			assertThat(ex.errors()).extracting("field").containsExactly("file");
		});
	}

	private static byte[] withContent(byte[] encoded, COSName filter) throws IOException {
		try (PDDocument document = new PDDocument()) {
			PDPage page = new PDPage();
			document.addPage(page);
			COSStream stream = document.getDocument().createCOSStream();
			try (OutputStream out = stream.createRawOutputStream()) {
				out.write(encoded);
			}
			stream.setItem(COSName.FILTER, filter);
			page.setContents(new PDStream(stream));
			return EvidenceFiles.save(document);
		}
	}

	private static byte[] pngHeader(int width, int height) {
		ByteBuffer ihdr = ByteBuffer.allocate(17);
		ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII))
			.putInt(width)
			.putInt(height)
			.put((byte) 8)
			.put((byte) 2)
			.put((byte) 0)
			.put((byte) 0)
			.put((byte) 0);
		CRC32 crc = new CRC32();
		crc.update(ihdr.array());
		ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4 + 12);
		png.put(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' })
			.putInt(13)
			.put(ihdr.array())
			.putInt((int) crc.getValue());
		CRC32 end = new CRC32();
		end.update("IEND".getBytes(StandardCharsets.US_ASCII));
		png.putInt(0).put("IEND".getBytes(StandardCharsets.US_ASCII)).putInt((int) end.getValue());
		return png.array();
	}

}
