package org.antifraud.document.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.time.Duration;
import java.util.List;

import org.antifraud.ApplicationTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;

/**
 * Letters are registered in the step that issues them and laid out, signed and stored
 * right after it commits: every letter gets its file, the registered hash is the file's,
 * and a letter caught between the two (a crash) is rendered by its first reader, once.
 */
class LetterRenderingTests extends ApplicationTestSupport {

	@Autowired
	private DocumentRepository documents;

	@Autowired
	private DocumentStorage storage;

	@Autowired
	private DocumentService service;

	@Autowired
	private JdbcClient sql;

	@Test
	void everyLetterGetsItsFileAfterItsStepAndAReaderRendersOneThatWasCutOff() throws Exception {
		String caseId = fileCase("POLICE_DETERMINED", residentId());
		approveAndServe(caseId);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.documents.onCase("discipline", caseId)
				.stream()
				.allMatch((letter) -> letter.storageKey() != null));
		List<DocumentRecord> letters = this.documents.onCase("discipline", caseId);
		assertThat(letters).hasSizeGreaterThan(1);
		for (DocumentRecord letter : letters) {
			byte[] pdf = this.storage.get(letter.storageKey());
			assertThat(DocumentService.sha256(pdf)).isEqualTo(letter.sha256());
			assertThat(pdf.length).isEqualTo((int) letter.sizeBytes());
		}

		// the state between the issuing step's commit and the rendering: no file yet
		DocumentRecord notice = letters.stream()
			.filter((letter) -> letter.letterType().name().equals("DISCIPLINE_NOTICE"))
			.findFirst()
			.orElseThrow();
		this.sql.sql("update document set storage_key = null, sha256 = null, size_bytes = 0 where id = ?")
			.param(notice.id())
			.update();
		byte[] downloaded = call("police.laoshan", get("/api/documents/" + notice.id() + "/content"), 200).getResponse()
			.getContentAsByteArray();
		DocumentRecord rendered = this.documents.find(notice.id()).orElseThrow();
		assertThat(rendered.storageKey()).isNotNull().isNotEqualTo(notice.storageKey());
		assertThat(rendered.sha256()).isEqualTo(DocumentService.sha256(downloaded));
		assertThat(verify(downloaded)).isEqualTo("VALID");
		// a second rendering (the job arriving late) changes nothing
		assertThat(this.service.rendered(notice.id()).storageKey()).isEqualTo(rendered.storageKey());
		assertThat(this.storage.get(rendered.storageKey())).isEqualTo(downloaded);
	}

	private String verify(byte[] pdf) throws Exception {
		return this.json
			.readTree(call("police.laoshan",
					multipart("/api/documents/verify")
						.file(new MockMultipartFile("file", "letter.pdf", "application/pdf", pdf)),
					200)
				.getResponse()
				.getContentAsString())
			.path("verdict")
			.asText();
	}

}
