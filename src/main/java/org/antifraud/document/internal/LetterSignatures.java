package org.antifraud.document.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.Collection;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.antifraud.document.internal.AgencyKeys.Signer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * PAdES baseline signatures (ETSI.CAdES.detached; the signing certificate bound by
 * signing-certificate-v2; the claimed time in the signature dictionary, not in the CMS)
 * and their verification.
 */
final class LetterSignatures {

	/**
	 * Bouncy Castle signs P-256 in about half the time of the JDK 17 provider on the
	 * development machine, once per letter; it is used here only, not registered.
	 */
	static final Provider EC_PROVIDER = new BouncyCastleProvider();

	private LetterSignatures() {
	}

	/** What a saved letter holds in place of its byte range until it is sealed. */
	private static final byte[] BYTE_RANGE_RESERVED = "/ByteRange [0 1000000000 1000000000 1000000000]"
		.getBytes(StandardCharsets.ISO_8859_1);

	private static final byte[] CONTENTS = "/Contents <".getBytes(StandardCharsets.ISO_8859_1);

	/**
	 * Adds the agency's signature to {@code document} before it is saved: its field, its
	 * dictionary and room for its byte range and CMS, which {@link #seal} fills in the
	 * saved file. The signature is in the file's one revision: signing it as an
	 * incremental update read the saved file back and wrote it again, a third of a
	 * letter's time. Save without object streams, so the room stays in plain text.
	 */
	static void reserve(PDDocument document, Signer signer, String signerName, String reason, ZonedDateTime at)
			throws IOException {
		PDSignature signature = new PDSignature();
		signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
		signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
		signature.setName(signerName);
		signature.setReason(reason);
		signature.setLocation("中国");
		signature.setSignDate(GregorianCalendar.from(at));
		try (SignatureOptions options = new SignatureOptions()) {
			options.setPreferredSignatureSize(signer.reserved());
			// the widget is printed (PDF/A): PDFBox sets its flag
			document.addSignature(signature, options);
		}
	}

	/**
	 * {@code pdf}, saved after {@link #reserve}, signed in place: the byte range set
	 * around the reserved contents, then the CMS signature over that range written into
	 * them.
	 */
	static byte[] seal(byte[] pdf, Signer signer) {
		int range = indexOf(pdf, BYTE_RANGE_RESERVED, 0);
		int contents = indexOf(pdf, CONTENTS, 0);
		if (range < 0 || contents < 0) {
			throw new IllegalStateException("The letter has no room for its signature");
		}
		int open = contents + CONTENTS.length - 1;
		int close = open + 1;
		while (close < pdf.length && pdf[close] == '0') {
			close++;
		}
		if (close >= pdf.length || pdf[close] != '>') {
			throw new IllegalStateException("The letter's room for its signature is not empty");
		}
		int after = close + 1;
		// the numbers and the spaces that pad them to the reserved width
		int from = range + "/ByteRange [".length();
		int width = BYTE_RANGE_RESERVED.length - "/ByteRange [".length();
		byte[] numbers = String
			.format(Locale.ROOT, "%-" + width + "s", "0 " + open + " " + after + " " + (pdf.length - after) + "]")
			.getBytes(StandardCharsets.ISO_8859_1);
		if (numbers.length != width) {
			throw new IllegalStateException("The letter's byte range does not fit its room");
		}
		System.arraycopy(numbers, 0, pdf, from, width);
		byte[] signed = new byte[open + (pdf.length - after)];
		System.arraycopy(pdf, 0, signed, 0, open);
		System.arraycopy(pdf, after, signed, open, pdf.length - after);
		byte[] hex;
		try {
			hex = HexFormat.of().withUpperCase().formatHex(cms(signed, signer)).getBytes(StandardCharsets.ISO_8859_1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot sign the letter", ex);
		}
		if (hex.length > close - open - 1) {
			throw new IllegalStateException("The letter's signature does not fit its room");
		}
		System.arraycopy(hex, 0, pdf, open + 1, hex.length);
		return pdf;
	}

	private static int indexOf(byte[] bytes, byte[] pattern, int from) {
		outer: for (int i = from; i <= bytes.length - pattern.length; i++) {
			for (int j = 0; j < pattern.length; j++) {
				if (bytes[i + j] != pattern[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	/**
	 * The room kept in the file for the CMS signature: the signer's chain, which it
	 * carries, and 2 KiB for the rest (signer info, attributes and the signature value
	 * take about 600 bytes). Every reserved byte is written out in hex, one at a time: a
	 * fixed 16 KiB cost about as much as the signature itself.
	 */
	static int reserved(List<X509Certificate> chain) throws GeneralSecurityException {
		int size = 0;
		for (X509Certificate certificate : chain) {
			size += certificate.getEncoded().length;
		}
		return size + 2048;
	}

	private static byte[] cms(byte[] content, Signer signer) throws IOException {
		try {
			X509Certificate certificate = signer.chain().get(0);
			byte[] certificateHash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
			IssuerSerial issuerSerial = new IssuerSerial(
					new GeneralNames(
							new GeneralName(X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()))),
					certificate.getSerialNumber());
			Attribute signingCertificate = new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2, new DERSet(
					new SigningCertificateV2(new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256),
							certificateHash, issuerSerial))));
			CMSAttributeTableGenerator signedAttributes = (parameters) -> {
				ASN1EncodableVector attributes = new ASN1EncodableVector();
				attributes.add(new Attribute(CMSAttributes.contentType,
						new DERSet((ASN1ObjectIdentifier) parameters.get(CMSAttributeTableGenerator.CONTENT_TYPE))));
				attributes.add(new Attribute(CMSAttributes.messageDigest,
						new DERSet(new DEROctetString((byte[]) parameters.get(CMSAttributeTableGenerator.DIGEST)))));
				attributes.add(signingCertificate);
				return new AttributeTable(attributes);
			};
			CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
			generator.addSignerInfoGenerator(
					new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
						.setSignedAttributeGenerator(signedAttributes)
						.build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(EC_PROVIDER)
							.build(signer.key()), certificate));
			generator.addCertificates(new JcaCertStore(signer.chain()));
			return generator.generate(new CMSProcessableByteArray(content), false).getEncoded();
		}
		catch (GeneralSecurityException | OperatorCreationException | CMSException ex) {
			throw new IOException("Cannot make the CMS signature", ex);
		}
	}

	/**
	 * Checks the last signature of {@code pdf}: it must cover the whole file, its digest
	 * and signature must hold, and its certificate must chain to one of {@code anchors}
	 * and have been valid when the letter was signed.
	 */
	static Check verify(byte[] pdf, Set<X509Certificate> anchors) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			List<PDSignature> signatures = document.getSignatureDictionaries();
			if (signatures.isEmpty()) {
				return new Check(false, false, null, "document.verify.unsigned");
			}
			PDSignature signature = signatures.get(signatures.size() - 1);
			int[] range = signature.getByteRange();
			boolean coversAll = range.length == 4 && range[0] == 0 && (long) range[2] + range[3] == pdf.length;
			// the reserved /Contents is zero-padded after the DER signature
			ContentInfo signed;
			try (ASN1InputStream in = new ASN1InputStream(signature.getContents(pdf))) {
				signed = ContentInfo.getInstance(in.readObject());
			}
			CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(pdf)), signed);
			SignerInformation signerInfo = cms.getSignerInfos().getSigners().iterator().next();
			@SuppressWarnings("unchecked")
			Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signerInfo.getSID());
			if (matches.isEmpty()) {
				return new Check(false, coversAll, null, "document.verify.badSignature");
			}
			X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
			if (!signerInfo.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))) {
				return new Check(false, coversAll, certificate, "document.verify.badSignature");
			}
			Calendar signedAt = signature.getSignDate();
			certificate.checkValidity((signedAt != null) ? signedAt.getTime() : new Date());
			boolean trusted = anchors.stream().anyMatch((anchor) -> issuedBy(certificate, anchor));
			if (!trusted) {
				return new Check(false, coversAll, certificate, "document.verify.untrusted");
			}
			return new Check(true, coversAll, certificate,
					coversAll ? "document.verify.valid" : "document.verify.modifiedAfterSigning");
		}
		catch (IOException | CMSException | GeneralSecurityException | OperatorCreationException
				| RuntimeException ex) {
			return new Check(false, false, null, "document.verify.badSignature");
		}
	}

	private static boolean issuedBy(X509Certificate certificate, X509Certificate anchor) {
		try {
			if (certificate.equals(anchor)) {
				return true;
			}
			certificate.verify(anchor.getPublicKey());
			return true;
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

	/**
	 * The outcome of checking a signature.
	 *
	 * @param signatureValid the CMS signature holds and chains to a trusted certificate
	 * @param coversWholeFile nothing was appended after signing
	 * @param certificate the signer's certificate, when one was found
	 * @param messageKey what to tell the user
	 */
	record Check(boolean signatureValid, boolean coversWholeFile, X509Certificate certificate, String messageKey) {
	}

}
