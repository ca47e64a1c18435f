package org.antifraud.document.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.Collection;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.List;
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

	/** {@code pdf} with an incremental update holding the agency's signature. */
	static byte[] sign(byte[] pdf, Signer signer, String signerName, String reason, ZonedDateTime at) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDSignature signature = new PDSignature();
			signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
			signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
			signature.setName(signerName);
			signature.setReason(reason);
			signature.setLocation("中国");
			signature.setSignDate(GregorianCalendar.from(at));
			SignatureOptions options = new SignatureOptions();
			options.setPreferredSignatureSize(signer.reserved());
			document.addSignature(signature, (content) -> cms(content, signer), options);
			document.getSignatureFields()
				.forEach((field) -> field.getWidgets().forEach((widget) -> widget.setPrinted(true)));
			ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 40_000);
			document.saveIncremental(out);
			options.close();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot sign the letter", ex);
		}
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

	private static byte[] cms(InputStream content, Signer signer) throws IOException {
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
			return generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded();
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
