package org.antifraud.document;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of official letters ({@code antifraud.documents.*}).
 *
 * @param storageDir where issued letters are kept (write once)
 * @param publicBaseUrl the address printed in each letter's QR code, in front of
 * {@code /verify/{code}}
 * @param templateDir an optional directory whose {@code <type>.txt} templates replace the
 * shipped ones
 * @param fonts the TrueType fonts of letters
 * @param signing where the agencies' signing keys come from
 * @param attachments limits on uploaded evidence
 * @param compressionLevel the deflate level of a letter's streams, its fonts above all: 1
 * (the default, fastest) to 9 (smallest); PDFBox's own default, 6, made a letter 4 %
 * smaller and took about two fifths more of its CPU
 */
@ConfigurationProperties("antifraud.documents")
public record DocumentProperties(Path storageDir, String publicBaseUrl, Path templateDir, Fonts fonts, Signing signing,
		Attachments attachments, Integer compressionLevel) {

	public DocumentProperties {
		storageDir = (storageDir != null) ? storageDir : Path.of("data", "documents");
		publicBaseUrl = (publicBaseUrl != null) ? publicBaseUrl : "http://localhost:8080";
		fonts = (fonts != null) ? fonts : new Fonts(null, null, null);
		signing = (signing != null) ? signing : new Signing(null, null, null, null);
		attachments = (attachments != null) ? attachments : new Attachments(null, 0, null, 0);
		compressionLevel = (compressionLevel != null) ? compressionLevel : 1;
		if (compressionLevel < 1 || compressionLevel > 9) {
			throw new IllegalArgumentException("antifraud.documents.compression-level must be 1 to 9");
		}
	}

	/**
	 * Limits on uploaded evidence (PDF, PNG, JPEG, TIFF).
	 *
	 * @param maxSize the largest file (20 MB; the servlet's multipart limit must be at
	 * least this)
	 * @param maxPages the most pages of a PDF (1,000)
	 * @param maxDecodedSize what all compressed streams of a PDF may inflate to together
	 * (200 MB); more is refused as a decompression bomb
	 * @param maxPixels the most pixels of an image (60 million, a 600 dpi A3 scan)
	 */
	public record Attachments(DataSize maxSize, int maxPages, DataSize maxDecodedSize, long maxPixels) {

		public Attachments {
			maxSize = (maxSize != null) ? maxSize : DataSize.ofMegabytes(20);
			maxPages = (maxPages > 0) ? maxPages : 1000;
			maxDecodedSize = (maxDecodedSize != null) ? maxDecodedSize : DataSize.ofMegabytes(200);
			maxPixels = (maxPixels > 0) ? maxPixels : 60_000_000L;
		}

	}

	/**
	 * Font chains: a character is drawn with the first font that has it.
	 *
	 * @param body the body face (仿宋 style), {@code classpath:} or a file path
	 * @param title the issuer mark and title face (小标宋 style)
	 * @param fallbacks fonts tried after the face's own, in order
	 */
	public record Fonts(String body, String title, List<String> fallbacks) {

		public Fonts {
			body = (body != null) ? body : "classpath:fonts/LXGWWenKai-Regular.ttf";
			title = (title != null) ? title : "classpath:fonts/NotoSerifSC-Bold-GB2312.ttf";
			fallbacks = (fallbacks != null) ? List.copyOf(fallbacks)
					: List.of("classpath:fonts/NotoSerifSC-Regular-ExtA.ttf", "classpath:fonts/HanaMinB.ttf");
		}

	}

	/**
	 * Signing keys.
	 *
	 * @param mode {@code demo}: a local CA and one certificate per agency, made on first
	 * start and kept in {@code pkiDir}; {@code keystore}: a configured PKCS#12 keystore
	 * with one private key entry per agency code (alias = agency code, lower case) and
	 * the trusted CA certificates
	 * @param pkiDir where the demo CA and agency keys are kept
	 * @param keystore the production keystore (mode {@code keystore})
	 * @param password the keystore password
	 */
	public record Signing(String mode, Path pkiDir, Path keystore, String password) {

		public Signing {
			mode = (mode != null) ? mode : "demo";
			pkiDir = (pkiDir != null) ? pkiDir : Path.of("data", "pki");
			password = (password != null) ? password : "changeit";
		}

	}

}
