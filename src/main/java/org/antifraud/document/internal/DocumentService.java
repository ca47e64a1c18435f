package org.antifraud.document.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.antifraud.agency.Agency;
import org.antifraud.agency.AgencyDirectory;
import org.antifraud.audit.AuditTrail;
import org.antifraud.common.ApiException;
import org.antifraud.common.Now;
import org.antifraud.common.NumberSequences;
import org.antifraud.common.RowIds;
import org.antifraud.common.TransactionState;
import org.antifraud.common.Validation;
import org.antifraud.document.CaseFiles;
import org.antifraud.document.DocumentProperties;
import org.antifraud.document.DocumentSummary;
import org.antifraud.document.IssuedLetter;
import org.antifraud.document.LetterDraft;
import org.antifraud.document.Letters;
import org.antifraud.security.Actor;
import org.antifraud.security.CurrentActor;
import org.antifraud.workflow.TaskLookup;
import org.antifraud.workflow.TaskRef;
import org.apache.pdfbox.pdmodel.PDDocument;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues letters (number, verification code, registry and search text in the caller's
 * transaction; template → GB/T 9704 layout → PDF/A-2b → PAdES signature → storage right
 * after it commits, see {@link #rendered}), serves them to their audience and verifies
 * copies.
 */
@Service
class DocumentService implements Letters {

	/** The most text kept for search per document. */
	private static final int MAX_TEXT = 1_000_000;

	private static final String CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

	/** The key of the letters a transaction writes as it commits. */
	private static final Object PENDING_LETTERS = new Object();

	private final SecureRandom random = new SecureRandom();

	private final LetterTemplates templates;

	private final LetterFonts fonts;

	private final AgencyKeys keys;

	private final DocumentStorage storage;

	private final DocumentRepository documents;

	private final AgencyDirectory agencies;

	private final NumberSequences numbers;

	private final AuditTrail audit;

	private final CurrentActor currentActor;

	private final DocumentProperties properties;

	private final ObjectMapper json;

	private final List<CaseFiles> caseFiles;

	private final TaskLookup tasks;

	private final AttachmentInspector inspector;

	private final ApplicationEventPublisher events;

	DocumentService(LetterTemplates templates, LetterFonts fonts, AgencyKeys keys, DocumentStorage storage,
			DocumentRepository documents, AgencyDirectory agencies, NumberSequences numbers, AuditTrail audit,
			CurrentActor currentActor, DocumentProperties properties, ObjectMapper json, List<CaseFiles> caseFiles,
			TaskLookup tasks, ApplicationEventPublisher events) {
		this.templates = templates;
		this.fonts = fonts;
		this.keys = keys;
		this.storage = storage;
		this.documents = documents;
		this.agencies = agencies;
		this.numbers = numbers;
		this.audit = audit;
		this.currentActor = currentActor;
		this.properties = properties;
		this.json = json;
		this.caseFiles = caseFiles;
		this.tasks = tasks;
		this.inspector = new AttachmentInspector(properties.attachments());
		this.events = events;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public IssuedLetter issue(LetterDraft draft) {
		return issue(draft, RowIds.next(), null);
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public IssuedLetter reissue(LetterDraft draft) {
		String id = RowIds.next();
		String previous = this.documents.current(draft.caseKind(), draft.caseId(), draft.type(), draft.recipient())
			.filter((old) -> this.documents.supersede(old.id(), id))
			.map(DocumentRecord::id)
			.orElse(null);
		return issue(draft, id, previous);
	}

	/**
	 * Issues a corrected letter in place of {@code id}: the same type, case, recipient
	 * and audience with some fields changed. Only the issuing agency corrects its
	 * letters, and only the current one; the old letter stays, marked superseded.
	 */
	@Transactional
	IssuedLetter correct(String id, Map<String, String> changes, String reason) {
		DocumentRecord old = current(id);
		Map<String, String> fields = fromJson(old.fields());
		Validation validation = reason(reason).require(changes != null && !changes.isEmpty(), "fields",
				"document.correctionEmpty");
		if (changes != null) {
			changes.forEach((key, value) -> validation
				.require(fields.containsKey(key), "fields." + key, "document.fieldUnknown")
				.require(value != null && value.length() <= 20000, "fields." + key, "validation.tooLong"));
		}
		validation.throwIfInvalid();
		fields.putAll(changes);
		String newId = RowIds.next();
		if (!this.documents.supersede(old.id(), newId)) {
			throw ApiException.conflict("document.notCurrent");
		}
		Set<String> audience = new LinkedHashSet<>(old.audienceCodes());
		audience.remove(old.issuerCode());
		IssuedLetter letter = issue(new LetterDraft(old.letterType(), old.issuerCode(), old.caseKind(), old.caseId(),
				old.recipient(), fields, audience), newId, old.id());
		this.audit.record("DOCUMENT_CORRECTED", "document", old.id(), old.caseId(),
				() -> old.title() + " " + old.number() + " → " + letter.number() + "：" + reason.trim());
		return letter;
	}

	/**
	 * Revokes a current letter of the actor's agency: it stays in the registry and
	 * verifies as revoked.
	 */
	@Transactional
	DocumentRecord revoke(String id, String reason) {
		DocumentRecord old = current(id);
		reason(reason).throwIfInvalid();
		if (!this.documents.revoke(old.id(), reason.trim())) {
			throw ApiException.conflict("document.notCurrent");
		}
		this.audit.record("DOCUMENT_REVOKED", "document", old.id(), old.caseId(),
				old.title() + " " + old.number() + "：" + reason.trim());
		return this.documents.find(id).orElseThrow();
	}

	/** The reason of a correction or revocation: required, at most 500 characters. */
	private static Validation reason(String reason) {
		return new Validation().requireText(reason, "reason")
			.require(reason == null || reason.length() <= 500, "reason", "validation.tooLong");
	}

	/**
	 * A letter the actor's agency issued and that is still in force: 404 when unseen, 403
	 * for another agency's letter, 409 when already superseded or revoked.
	 */
	private DocumentRecord current(String id) {
		DocumentRecord document = readable(id);
		Actor actor = this.currentActor.get();
		if (!DocumentRecord.LETTER.equals(document.kind()) || !actor.agencyCode().equals(document.issuerCode())) {
			throw new ApiException(HttpStatus.FORBIDDEN, "document.onlyIssuer");
		}
		if (!DocumentRecord.ISSUED.equals(document.status())) {
			throw ApiException.conflict("document.notCurrent");
		}
		return document;
	}

	private IssuedLetter issue(LetterDraft draft, String id, String supersedes) {
		LetterTemplate template = this.templates.get(draft.type());
		Agency issuer = this.agencies.find(draft.issuerCode())
			.orElseThrow(() -> new IllegalArgumentException("Unknown issuer " + draft.issuerCode()));
		ZonedDateTime at = Now.zoned();
		List<LetterTemplate.Paragraph> paragraphs = paragraphs(template, draft.fields(), draft.recipient(), issuer);
		// every character is checked before a number is drawn, so a refused letter costs
		// no number
		this.fonts.requireGlyphs(LetterFonts.Face.TITLE, issuer.name() + template.title());
		paragraphs.forEach((paragraph) -> this.fonts.requireGlyphs(LetterFonts.Face.BODY, paragraph.text()));
		Set<String> audience = new LinkedHashSet<>(draft.audience());
		audience.add(issuer.code());
		Actor actor = this.currentActor.find().orElse(null);
		// the number is drawn as this transaction commits; the PDF is laid out, signed
		// and stored after it has (or at the first read, whichever comes first): until
		// then no file and no hash
		DocumentRecord record = new DocumentRecord(id, DocumentRecord.LETTER, draft.type(), template.title(), null,
				issuer.code(), draft.caseKind(), draft.caseId(), null, draft.recipient(), String.join(",", audience),
				toJson(draft.fields()), "application/pdf", 0, null, null, null, DocumentRecord.ISSUED, supersedes, null,
				null, (actor != null) ? actor.username() : AuditTrail.SYSTEM, at.toInstant());
		String body = paragraphs.stream().map(LetterTemplate.Paragraph::text).collect(Collectors.joining("\n"));
		IssuedLetter letter = new IssuedLetter(id);
		// the row is written once, with its number, its verification code and its text
		// (which begins with the number), as the transaction commits: the numbers are
		// drawn first, then the step's letters get their codes and are inserted, one
		// batch
		this.numbers.nextAtCommit(sequence(template, issuer, at),
				(sequence) -> letter.numbered(number(template, issuer, at, sequence)));
		TransactionState.atCommit(PENDING_LETTERS,
				(Function<String, DocumentRepository.WithText>) (code) -> new DocumentRepository.WithText(
						record.issued(letter.number(), code), template.title() + "\n" + letter.number() + "\n" + body),
				this::insertLetters);
		this.audit.record("DOCUMENT_ISSUED", "document", id, draft.caseId(),
				() -> template.title() + " " + letter.number());
		TransactionState.publishAtCommit(LettersIssued.class, id, this.events, LettersIssued::new);
		return letter;
	}

	/**
	 * The PDFs of a step's letters, in one transaction, as {@link #rendered(String)}:
	 * their rows locked in one statement, their files recorded in one batch.
	 */
	@Transactional
	void rendered(List<String> ids) {
		this.documents.rendered(this.documents.lock(ids)
			.stream()
			.filter((letter) -> letter.storageKey() == null)
			.map(this::file)
			.toList());
	}

	/**
	 * The letter's PDF, laid out, signed and stored if it was not yet: by the rendering
	 * job after the issuing step commits, or by the first reader to come sooner. The row
	 * lock makes one of them do it; each attempt writes a file of its own, so an attempt
	 * cut off after writing leaves an unused file, never a half letter.
	 */
	@Transactional
	DocumentRecord rendered(String id) {
		DocumentRecord letter = this.documents.lock(List.of(id)).stream().findFirst().orElseThrow();
		if (letter.storageKey() != null) {
			return letter;
		}
		DocumentRecord done = file(letter);
		this.documents.rendered(List.of(done));
		return done;
	}

	/** The letter with its PDF laid out, signed and stored; its row not yet written. */
	private DocumentRecord file(DocumentRecord letter) {
		LetterTemplate template = this.templates.get(letter.letterType());
		Agency issuer = this.agencies.find(letter.issuerCode()).orElseThrow();
		ZonedDateTime at = letter.createdAt().atZone(Now.ZONE);
		String verifyUrl = this.properties.publicBaseUrl().replaceAll("/+$", "") + "/verify/"
				+ letter.verificationCode();
		LetterContent content = new LetterContent(issuer.name(), letter.number(), letter.title(),
				paragraphs(template, fromJson(letter.fields()), letter.recipient(), issuer), at,
				letter.verificationCode(), verifyUrl);
		byte[] pdf = letter(this.fonts, content, this.keys.signer(issuer), letter.title() + " " + letter.number());
		String key = "letters/" + at.getYear() + "/" + letter.id() + "-" + Long.toHexString(this.random.nextLong())
				+ ".pdf";
		this.storage.put(key, pdf);
		return letter.withFile(pdf.length, sha256(pdf), key);
	}

	private static List<LetterTemplate.Paragraph> paragraphs(LetterTemplate template, Map<String, String> fields,
			String recipient, Agency issuer) {
		Map<String, String> values = new HashMap<>(fields);
		values.put("recipient", recipient);
		values.put("issuer", issuer.name());
		return template.paragraphs(values);
	}

	/** The issuer's sequence of this kind of letter in the year it is issued. */
	private static String sequence(LetterTemplate template, Agency issuer, ZonedDateTime at) {
		return template.sequence() + ":" + issuer.code() + ":" + at.getYear();
	}

	private static String number(LetterTemplate template, Agency issuer, ZonedDateTime at, long sequence) {
		String abbreviation = (issuer.abbreviation() != null) ? issuer.abbreviation() : issuer.name();
		return LetterTemplate.fill(template.numberPattern(),
				Map.of("abbr", abbreviation, "year", String.valueOf(at.getYear()), "seq", String.valueOf(sequence),
						"seq4", String.format("%04d", sequence)));
	}

	/** Writes a transaction's letters, each with a verification code no letter has. */
	private void insertLetters(List<Function<String, DocumentRepository.WithText>> letters) {
		List<String> codes = verificationCodes(letters.size());
		List<DocumentRepository.WithText> rows = new ArrayList<>();
		for (int i = 0; i < letters.size(); i++) {
			rows.add(letters.get(i).apply(codes.get(i)));
		}
		this.documents.insert(rows);
	}

	/**
	 * {@code count} distinct verification codes that no document has: drawn at random and
	 * looked up together (a code taken, about one in a hundred million draws with a
	 * million letters, is drawn again).
	 */
	private List<String> verificationCodes(int count) {
		Set<String> codes = new LinkedHashSet<>();
		for (int attempt = 0; attempt < 10; attempt++) {
			while (codes.size() < count) {
				StringBuilder code = new StringBuilder();
				for (int i = 0; i < 8; i++) {
					if (i == 4) {
						code.append('-');
					}
					code.append(CODE_ALPHABET.charAt(this.random.nextInt(CODE_ALPHABET.length())));
				}
				codes.add(code.toString());
			}
			codes.removeAll(this.documents.codesTaken(codes));
			if (codes.size() == count) {
				return List.copyOf(codes);
			}
		}
		throw new IllegalStateException("No free verification code");
	}

	/**
	 * The letter laid out in fonts subset for it, saved as PDF/A and signed by
	 * {@code signer}, the signature in the file's one revision.
	 */
	static byte[] letter(LetterFonts fonts, LetterContent content, AgencyKeys.Signer signer, String reason) {
		// the fonts go back after the save, which cuts their subsets
		try (PDDocument document = new PDDocument();
				LetterFonts.Session session = fonts.open(document, OfficialLayout.text(content))) {
			OfficialLayout.render(document, session, content);
			LetterSignatures.reserve(document, signer, content.issuerName(), reason, content.issuedAt());
			return LetterSignatures.seal(PdfArchive.save(document, content.title() + " " + content.number(),
					content.issuerName(), content.issuedAt()), signer);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot lay out the letter", ex);
		}
	}

	@Override
	public boolean printable(String text) {
		return text == null || this.fonts.covers(LetterFonts.Face.BODY, text);
	}

	@Override
	public List<DocumentSummary> onCase(String caseKind, String caseId) {
		Actor actor = this.currentActor.get();
		return this.documents.onCase(caseKind, caseId)
			.stream()
			.filter((document) -> document.readableBy(actor))
			.map(DocumentRecord::summary)
			.toList();
	}

	/** A document the current actor may read, or 404. */
	DocumentRecord readable(String id) {
		Actor actor = this.currentActor.get();
		return this.documents.find(id)
			.filter((document) -> document.readableBy(actor))
			.orElseThrow(ApiException::notFound);
	}

	/**
	 * A readable document with its bytes; each download is recorded in the audit trail.
	 */
	@Transactional
	Content content(String id) {
		DocumentRecord document = readable(id);
		if (document.storageKey() == null) {
			document = rendered(id);
		}
		this.audit.record("DOCUMENT_DOWNLOADED", "document", id, document.caseId(),
				document.title() + ((document.number() != null) ? " " + document.number() : ""));
		return new Content(document, this.storage.get(document.storageKey()));
	}

	/** An uploaded file on a case, and whether it was already there. */
	record Attached(DocumentRecord document, boolean created) {
	}

	/** Files evidence on a case the actor can see. */
	@Transactional
	Attached attachToCase(String caseKind, String caseId, String fileName, byte[] bytes) {
		Actor actor = this.currentActor.get();
		CaseFiles files = this.caseFiles.stream()
			.filter((candidate) -> candidate.caseKind().equals(caseKind))
			.findFirst()
			.filter((candidate) -> candidate.canSee(caseId, actor))
			.orElseThrow(ApiException::notFound);
		return attach(files, caseId, null, fileName, bytes, actor);
	}

	/** Files evidence on the case of an open task the actor may work on. */
	@Transactional
	Attached attachToTask(String taskId, String fileName, byte[] bytes) {
		Actor actor = this.currentActor.get();
		TaskRef task = this.tasks.visible(taskId, actor);
		CaseFiles files = this.caseFiles.stream()
			.filter((candidate) -> candidate.processKeys().contains(task.processKey()))
			.findFirst()
			.orElseThrow(() -> ApiException.conflict("document.attachment.noCase"));
		return attach(files, task.caseId(), task.id(), fileName, bytes, actor);
	}

	/**
	 * Checks the file, stores it and registers it for the case's owners and the uploading
	 * agency; the same file uploaded again by the same agency to the same case is the
	 * same attachment (a retried upload adds nothing).
	 */
	private Attached attach(CaseFiles files, String caseId, String taskId, String fileName, byte[] bytes, Actor actor) {
		AttachmentInspector.Inspected inspected = this.inspector.inspect(bytes);
		String sha256 = sha256(bytes);
		Optional<DocumentRecord> existing = this.documents.attachment(files.caseKind(), caseId, actor.agencyCode(),
				sha256);
		if (existing.isPresent()) {
			return new Attached(existing.get(), false);
		}
		String title = fileTitle(fileName, inspected.mediaType());
		String id = RowIds.next();
		Instant at = Now.instant();
		String key = "attachments/" + Now.today().getYear() + "/" + id;
		this.storage.put(key, bytes);
		Set<String> audience = new LinkedHashSet<>(files.owners(caseId));
		audience.add(actor.agencyCode());
		DocumentRecord record = new DocumentRecord(id, DocumentRecord.ATTACHMENT, null, title, null, actor.agencyCode(),
				files.caseKind(), caseId, taskId, null, String.join(",", audience), null, inspected.mediaType(),
				bytes.length, sha256, key, null, DocumentRecord.FILED, null, null, null, actor.username(), at);
		String text = title + "\n" + inspected.text();
		this.documents.insert(record, (text.length() > MAX_TEXT) ? text.substring(0, MAX_TEXT) : text);
		this.audit.record("ATTACHMENT_UPLOADED", "document", id, caseId,
				title + "（" + inspected.mediaType() + "，" + bytes.length + "字节）");
		return new Attached(record, true);
	}

	/**
	 * The file name a user gave, without folders or control characters, with the
	 * extension its content calls for.
	 */
	static String fileTitle(String fileName, String mediaType) {
		String name = (fileName != null) ? fileName.replaceAll(".*[/\\\\]", "").replaceAll("\\p{Cntrl}", "").strip()
				: "";
		String extension = switch (mediaType) {
			case "application/pdf" -> ".pdf";
			case "image/png" -> ".png";
			case "image/jpeg" -> ".jpg";
			default -> ".tif";
		};
		String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
		if (stem.isBlank()) {
			stem = "附件";
		}
		return ((stem.length() > 200) ? stem.substring(0, 200) : stem) + extension;
	}

	/** A document's registry entry and bytes. */
	record Content(DocumentRecord document, byte[] bytes) {
	}

	/**
	 * What the public may learn from a verification code: type, number, issuer, date and
	 * status.
	 */
	PublicVerification publicVerification(String code) {
		DocumentRecord document = this.documents.byCode(code.trim().toUpperCase(Locale.ROOT))
			.filter((d) -> DocumentRecord.LETTER.equals(d.kind()))
			.orElseThrow(ApiException::notFound);
		String issuerName = Objects.requireNonNullElse(this.agencies.name(document.issuerCode()),
				document.issuerCode());
		return new PublicVerification(document.title(), document.number(), issuerName,
				document.createdAt().atZone(Now.ZONE).toLocalDate(), document.status());
	}

	/** Checks an uploaded copy: signature, registry hash and status. */
	UploadVerification verify(byte[] pdf) {
		LetterSignatures.Check check = LetterSignatures.verify(pdf, this.keys.trustAnchors());
		DocumentRecord registered = this.documents.bySha256(sha256(pdf))
			.stream()
			.filter((d) -> DocumentRecord.LETTER.equals(d.kind()))
			.findFirst()
			.orElse(null);
		String verdict;
		if (registered == null) {
			verdict = check.signatureValid() && check.coversWholeFile() ? "UNKNOWN" : "MODIFIED";
		}
		else if (!check.signatureValid() || !check.coversWholeFile()) {
			verdict = "MODIFIED";
		}
		else {
			verdict = switch (registered.status()) {
				case "REVOKED" -> "REVOKED";
				case "SUPERSEDED" -> "SUPERSEDED";
				default -> "VALID";
			};
		}
		String signer = (check.certificate() != null) ? check.certificate().getSubjectX500Principal().getName() : null;
		return new UploadVerification(verdict, check.signatureValid(), check.coversWholeFile(), registered != null,
				signer, (registered != null) ? registered.id() : null, (registered != null) ? registered.title() : null,
				(registered != null) ? registered.number() : null, (registered != null) ? registered.status() : null,
				"document.verify." + verdict.toLowerCase(Locale.ROOT));
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Map<String, String> fromJson(String fields) {
		try {
			return new LinkedHashMap<>(this.json.readValue(fields, new TypeReference<Map<String, String>>() {
			}));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String toJson(Map<String, String> fields) {
		try {
			return this.json.writeValueAsString(fields);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The public answer of {@code GET /verify/{code}}. */
	record PublicVerification(String type, String number, String issuer, LocalDate issuedOn, String status) {
	}

	/**
	 * The answer to an uploaded copy.
	 *
	 * @param verdict VALID, MODIFIED, REVOKED, SUPERSEDED or UNKNOWN (signed by a trusted
	 * agency but not in this registry)
	 */
	record UploadVerification(String verdict, boolean signatureValid, boolean coversWholeFile, boolean registered,
			String signer, String documentId, String title, String number, String status, String messageKey) {
	}

}
