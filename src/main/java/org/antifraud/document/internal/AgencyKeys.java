package org.antifraud.document.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.antifraud.agency.Agency;
import org.antifraud.document.DocumentProperties;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import org.springframework.stereotype.Component;

/**
 * The agencies' signing keys and the certificates a signature must chain to. In mode
 * {@code demo} a local CA is made on first start and each agency's key and certificate
 * the first time it is needed, all kept in {@code <pki-dir>/demo-agencies.p12}; in mode
 * {@code keystore} they come from the configured PKCS#12 file (alias = agency code in
 * lower case) and nothing is ever made.
 */
@Component
class AgencyKeys {

	private static final String CA = "demo-ca";

	private final DocumentProperties.Signing settings;

	private final KeyStore store;

	private final char[] password;

	private final Path file;

	private final boolean demo;

	/**
	 * Keys already read: reading a key out of PKCS#12 derives its password key again
	 * (PBKDF2), which cost a seventh of a letter's rendering.
	 */
	private final Map<String, Signer> signers = new HashMap<>();

	AgencyKeys(DocumentProperties properties) {
		this.settings = properties.signing();
		this.password = this.settings.password().toCharArray();
		this.demo = "demo".equalsIgnoreCase(this.settings.mode());
		this.file = this.demo ? this.settings.pkiDir().resolve("demo-agencies.p12") : this.settings.keystore();
		if (this.file == null) {
			throw new IllegalStateException("antifraud.documents.signing.keystore is required in mode keystore");
		}
		this.store = load();
		if (this.demo) {
			createCaIfMissing();
		}
	}

	/** The key and certificate chain an agency signs with. */
	synchronized Signer signer(Agency agency) {
		String alias = agency.code().toLowerCase(Locale.ROOT);
		Signer known = this.signers.get(alias);
		if (known != null) {
			return known;
		}
		try {
			if (!this.store.isKeyEntry(alias)) {
				if (!this.demo) {
					throw new IllegalStateException("No signing key for agency " + agency.code() + " in " + this.file);
				}
				createAgency(alias, agency);
			}
			Certificate[] chain = this.store.getCertificateChain(alias);
			List<X509Certificate> certificates = new ArrayList<>();
			for (Certificate certificate : chain) {
				certificates.add((X509Certificate) certificate);
			}
			Signer signer = Signer.of((PrivateKey) this.store.getKey(alias, this.password), certificates);
			this.signers.put(alias, signer);
			return signer;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot read the signing key of " + agency.code(), ex);
		}
	}

	/** The certificates a letter's signature must chain to. */
	synchronized Set<X509Certificate> trustAnchors() {
		Set<X509Certificate> anchors = new LinkedHashSet<>();
		try {
			for (String alias : Collections.list(this.store.aliases())) {
				if (this.store.isCertificateEntry(alias)) {
					anchors.add((X509Certificate) this.store.getCertificate(alias));
				}
				else {
					Certificate[] chain = this.store.getCertificateChain(alias);
					if (chain != null) {
						anchors.add((X509Certificate) chain[chain.length - 1]);
					}
				}
			}
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
		return anchors;
	}

	private KeyStore load() {
		try {
			KeyStore keyStore = KeyStore.getInstance("PKCS12");
			if (Files.isRegularFile(this.file)) {
				try (InputStream in = Files.newInputStream(this.file)) {
					keyStore.load(in, this.password);
				}
			}
			else if (this.demo) {
				keyStore.load(null, this.password);
			}
			else {
				throw new IllegalStateException("Signing keystore " + this.file + " does not exist");
			}
			return keyStore;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read keystore " + this.file, ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot read keystore " + this.file, ex);
		}
	}

	private void createCaIfMissing() {
		try {
			if (this.store.isKeyEntry(CA)) {
				return;
			}
			KeyPair pair = keyPair();
			X500Name name = name("联合惩戒工作平台演示根证书 Joint Discipline Demo CA", "DEMO-CA");
			X509v3CertificateBuilder builder = builder(name, name, pair);
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
			builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
			X509Certificate certificate = sign(builder, pair.getPrivate());
			this.store.setKeyEntry(CA, pair.getPrivate(), this.password, new Certificate[] { certificate });
			save();
		}
		catch (IOException | GeneralSecurityException | OperatorCreationException ex) {
			throw new IllegalStateException("Cannot create the demo CA", ex);
		}
	}

	private void createAgency(String alias, Agency agency) throws GeneralSecurityException {
		try {
			X509Certificate ca = (X509Certificate) this.store.getCertificate(CA);
			KeyPair pair = keyPair();
			X509v3CertificateBuilder builder = builder(X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()),
					name(agency.name(), agency.code()), pair);
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
			builder.addExtension(Extension.keyUsage, true,
					new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
			X509Certificate certificate = sign(builder, (PrivateKey) this.store.getKey(CA, this.password));
			this.store.setKeyEntry(alias, pair.getPrivate(), this.password, new Certificate[] { certificate, ca });
			save();
		}
		catch (IOException | OperatorCreationException ex) {
			throw new IllegalStateException("Cannot create the demo certificate of " + agency.code(), ex);
		}
	}

	private static KeyPair keyPair() throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));
		return generator.generateKeyPair();
	}

	private static X500Name name(String commonName, String unit) {
		return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN")
			.addRDN(BCStyle.O, commonName)
			.addRDN(BCStyle.OU, unit)
			.addRDN(BCStyle.CN, commonName)
			.build();
	}

	private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair pair) {
		Instant now = Instant.now();
		return new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, new SecureRandom()),
				Date.from(now.minus(Duration.ofDays(3650))), Date.from(now.plus(Duration.ofDays(7300))), subject,
				pair.getPublic());
	}

	private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
			throws OperatorCreationException, GeneralSecurityException {
		return new JcaX509CertificateConverter()
			.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
	}

	private void save() throws IOException, GeneralSecurityException {
		Files.createDirectories(this.file.getParent());
		Path temporary = this.file.resolveSibling(this.file.getFileName() + ".tmp");
		try (OutputStream out = Files.newOutputStream(temporary)) {
			this.store.store(out, this.password);
		}
		Files.move(temporary, this.file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	/**
	 * A private key and its certificate chain, the agency's own certificate first.
	 *
	 * @param key the key in Bouncy Castle's form: Bouncy Castle signs with a JDK key by
	 * converting its curve afresh each time, and so computes the curve's table of
	 * multiples again for every signature (7 % of a letter in a flight recording); a key
	 * of its own keeps that table
	 * @param chain the certificates, the agency's first
	 * @param reserved the room a signature with this chain needs, see
	 * {@link LetterSignatures#reserved}
	 */
	record Signer(PrivateKey key, List<X509Certificate> chain, int reserved) {

		static Signer of(PrivateKey key, List<X509Certificate> chain) throws GeneralSecurityException {
			PrivateKey own = KeyFactory.getInstance(key.getAlgorithm(), LetterSignatures.EC_PROVIDER)
				.generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
			return new Signer(own, List.copyOf(chain), LetterSignatures.reserved(chain));
		}

	}

}
