package org.antifraud.document;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/** Evidence files as users upload them, good and bad, made in memory. */
public final class EvidenceFiles {

	private EvidenceFiles() {
	}

	/** A PDF of {@code pages} pages, each with {@code text} in a Chinese font. */
	public static byte[] pdf(int pages, String text) throws IOException {
		try (PDDocument document = new PDDocument();
				InputStream font = EvidenceFiles.class.getResourceAsStream("/fonts/LXGWWenKai-Regular.ttf")) {
			PDType0Font face = PDType0Font.load(document, font);
			for (int i = 0; i < pages; i++) {
				PDPage page = new PDPage();
				document.addPage(page);
				try (PDPageContentStream content = new PDPageContentStream(document, page)) {
					content.beginText();
					content.setFont(face, 14);
					content.newLineAtOffset(72, 700);
					content.showText(text);
					content.endText();
				}
			}
			return save(document);
		}
	}

	/** An encrypted PDF; with an empty user password it opens but stays encrypted. */
	public static byte[] encrypted(String userPassword) throws IOException {
		try (PDDocument document = new PDDocument()) {
			document.addPage(new PDPage());
			StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", userPassword,
					new AccessPermission());
			policy.setEncryptionKeyLength(128);
			document.protect(policy);
			return save(document);
		}
	}

	/** A picture in an ImageIO format (png, jpeg, tiff). */
	public static byte[] image(String format, int width, int height) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				image.setRGB(x, y, (x * 31 + y * 17) & 0xffffff);
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, format, out);
		return out.toByteArray();
	}

	/** The saved bytes of a document. */
	public static byte[] save(PDDocument document) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		document.save(out);
		return out.toByteArray();
	}

}
