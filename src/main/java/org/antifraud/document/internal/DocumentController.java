package org.antifraud.document.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.antifraud.common.ApiException;
import org.antifraud.common.FieldError;
import org.antifraud.common.ProblemResponses;
import org.antifraud.document.DocumentProperties;
import org.antifraud.document.DocumentSummary;
import org.antifraud.document.IssuedLetter;
import org.antifraud.document.LetterType;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.HtmlUtils;

/**
 * Documents API: metadata, content (audited), the documents of a case, verification of an
 * uploaded copy, and the public verification page the QR code points to.
 */
@RestController
class DocumentController {

	private final DocumentService documents;

	private final ProblemResponses problems;

	private final long maxUpload;

	DocumentController(DocumentService documents, ProblemResponses problems, DocumentProperties properties) {
		this.documents = documents;
		this.problems = problems;
		this.maxUpload = properties.attachments().maxSize().toBytes();
	}

	/** A document's registry entry. */
	record View(String id, String kind, LetterType type, String title, String number, String issuerCode,
			String recipient, String caseKind, String caseId, String taskId, String mediaType, long size, String sha256,
			String verificationCode, String status, String supersedes, String supersededBy, String revocationReason,
			String createdBy, Instant createdAt) {

		static View of(DocumentRecord d) {
			return new View(d.id(), d.kind(), d.letterType(), d.title(), d.number(), d.issuerCode(), d.recipient(),
					d.caseKind(), d.caseId(), d.taskId(), d.mediaType(), d.sizeBytes(), d.sha256(),
					d.verificationCode(), d.status(), d.supersedes(), d.supersededBy(), d.revocationReason(),
					d.createdBy(), d.createdAt());
		}

	}

	@GetMapping("/api/documents/{id}")
	View document(@PathVariable String id) {
		return View.of(this.documents.readable(id));
	}

	@GetMapping("/api/documents")
	List<DocumentSummary> onCase(@RequestParam String caseKind, @RequestParam String caseId) {
		return this.documents.onCase(caseKind, caseId);
	}

	@GetMapping("/api/documents/{id}/content")
	ResponseEntity<byte[]> content(@PathVariable String id) {
		DocumentService.Content content = this.documents.content(id);
		DocumentRecord document = content.document();
		String name = ((document.number() != null) ? document.title() + " " + document.number() : document.title())
			.replaceAll("[\\\\/:*?\"<>|]", "_");
		if (DocumentRecord.LETTER.equals(document.kind())) {
			name += ".pdf";
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(document.mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(name, StandardCharsets.UTF_8).build().toString())
			.header("X-Content-SHA256", document.sha256())
			.body(content.bytes());
	}

	/**
	 * Attaches evidence (PDF, PNG, JPEG or TIFF) to a case: 201 when filed, 200 when the
	 * agency had already filed the same file there.
	 */
	@PostMapping(path = "/api/documents/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<View> attachToCase(@RequestParam String caseKind, @RequestParam String caseId,
			@RequestParam("file") MultipartFile file) {
		return attached(this.documents.attachToCase(caseKind, caseId, file.getOriginalFilename(), bytes(file)));
	}

	/** Attaches evidence to the case of an open task of the caller's. */
	@PostMapping(path = "/api/tasks/{taskId}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<View> attachToTask(@PathVariable String taskId, @RequestParam("file") MultipartFile file) {
		return attached(this.documents.attachToTask(taskId, file.getOriginalFilename(), bytes(file)));
	}

	private static ResponseEntity<View> attached(DocumentService.Attached attached) {
		View view = View.of(attached.document());
		return attached.created() ? ResponseEntity.created(URI.create("/api/documents/" + view.id())).body(view)
				: ResponseEntity.ok(view);
	}

	private byte[] bytes(MultipartFile file) {
		if (file.isEmpty()) {
			throw ApiException.invalid("file", "validation.required");
		}
		if (file.getSize() > this.maxUpload) {
			throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE,
					List.of(new FieldError("file", "document.attachment.tooLarge")), "document.attachment.tooLarge",
					this.maxUpload / (1024 * 1024));
		}
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A correction: the fields to change and why. */
	record Correction(Map<String, String> fields, String reason) {
	}

	/**
	 * Issues a corrected letter that supersedes this one (a new number; the old letter
	 * stays and verifies as superseded).
	 */
	@PostMapping("/api/documents/{id}/corrections")
	ResponseEntity<View> correct(@PathVariable String id, @RequestBody Correction correction) {
		IssuedLetter letter = this.documents.correct(id, correction.fields(), correction.reason());
		return ResponseEntity.status(HttpStatus.CREATED).body(View.of(this.documents.readable(letter.id())));
	}

	/** Why a letter is revoked. */
	record Revocation(String reason) {
	}

	/** Revokes a letter: it stays in the registry and verifies as revoked. */
	@PostMapping("/api/documents/{id}/revocation")
	View revoke(@PathVariable String id, @RequestBody Revocation revocation) {
		return View.of(this.documents.revoke(id, revocation.reason()));
	}

	/** The verdict on an uploaded copy, with a message in the caller's language. */
	record VerificationResult(String verdict, String message, boolean signatureValid, boolean unmodified,
			boolean registered, String signer, String documentId, String title, String number, String status) {
	}

	@PostMapping(path = "/api/documents/verify", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	VerificationResult verify(@RequestParam("file") MultipartFile file, Locale locale) {
		DocumentService.UploadVerification v = this.documents.verify(bytes(file));
		return new VerificationResult(v.verdict(), this.problems.message(v.messageKey(), null, locale, v.verdict()),
				v.signatureValid(), v.signatureValid() && v.coversWholeFile() && v.registered(), v.registered(),
				v.signer(), v.documentId(), v.title(), v.number(), v.status());
	}

	/** The public check behind the QR code: no personal data, only what the letter is. */
	@GetMapping(path = "/verify/{code}", produces = MediaType.APPLICATION_JSON_VALUE)
	PublicResult publicCheck(@PathVariable String code, Locale locale) {
		DocumentService.PublicVerification v = this.documents.publicVerification(code);
		return new PublicResult(v.type(), v.number(), v.issuer(), v.issuedOn().toString(), v.status(),
				this.problems.message("document.status." + v.status(), null, locale, v.status()));
	}

	/** The same check as a page for a phone that scanned the QR code. */
	@GetMapping(path = "/verify/{code}", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> publicPage(@PathVariable String code, Locale locale) {
		PublicResult result;
		try {
			result = publicCheck(code, locale);
		}
		catch (ApiException ex) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.contentType(MediaType.TEXT_HTML)
				.body(page(this.problems.message("document.verify.notFound", null, locale, "Not found"), ""));
		}
		String rows = row(this.problems.message("document.field.type", null, locale, "Type"), result.type())
				+ row(this.problems.message("document.field.number", null, locale, "Number"), result.number())
				+ row(this.problems.message("document.field.issuer", null, locale, "Issuer"), result.issuer())
				+ row(this.problems.message("document.field.issuedOn", null, locale, "Date"), result.issuedOn())
				+ row(this.problems.message("document.field.status", null, locale, "Status"), result.statusText());
		return ResponseEntity.ok()
			.contentType(MediaType.TEXT_HTML)
			.body(page(this.problems.message("document.verify.title", null, locale, "Verification"), rows));
	}

	private static String row(String label, String value) {
		return "<tr><th>" + HtmlUtils.htmlEscape(label) + "</th><td>" + HtmlUtils.htmlEscape(value) + "</td></tr>";
	}

	private static String page(String title, String rows) {
		return """
				<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1"><title>%s</title>
				<style>body{font-family:sans-serif;margin:2em}th{text-align:left;padding-right:1em}</style></head>
				<body><h1>%s</h1><table>%s</table></body></html>""".formatted(HtmlUtils.htmlEscape(title),
				HtmlUtils.htmlEscape(title), rows);
	}

	/** What the public sees of a letter. */
	record PublicResult(String type, String number, String issuer, String issuedOn, String status, String statusText) {
	}

}
