package org.antifraud.document.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.antifraud.ApplicationTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Letters are registered in the step that issues them and laid out, signed and stored
 * right after it commits: every letter gets its file, the registered hash is the file's,
 * and a letter caught between the two (a crash) is rendered by its first reader, once.
 */
@RecordApplicationEvents
class LetterRenderingTests extends ApplicationTestSupport {

	@Autowired
	private DocumentRepository documents;

	@Autowired
	private DocumentStorage storage;

	@Autowired
	private DocumentService service;

	@Autowired
	private JdbcClient sql;

	@Autowired
	private ApplicationEvents events;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private ApplicationEventPublisher publisher;

	@Autowired
	private IncompleteEventPublications incomplete;

	@Test
	void everyLetterGetsItsFileAfterItsStepAndAReaderRendersOneThatWasCutOff() throws Exception {
		List<DocumentRecord> letters = renderedLettersOfAServedCase();
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

	/**
	 * A step's letters are rendered from one event: the order step's fourteen execution
	 * orders are one publication, not fourteen, and every letter is in exactly one.
	 */
	@Test
	void aStepsLettersAreOneRenderingEvent() throws Exception {
		String caseId = fileCase("POLICE_DETERMINED", residentId());
		approveAndServe(caseId);
		List<DocumentRecord> letters = this.documents.onCase("discipline", caseId);
		Set<String> ids = letters.stream().map(DocumentRecord::id).collect(Collectors.toSet());
		List<List<String>> published = this.events.stream(LettersIssued.class)
			.map(LettersIssued::documentIds)
			.filter((event) -> event.stream().anyMatch(ids::contains))
			.toList();
		assertThat(published.stream().flatMap(List::stream)).containsExactlyInAnyOrderElementsOf(ids);
		long orders = letters.stream().filter((letter) -> letter.letterType().name().equals("EXECUTION_ORDER")).count();
		assertThat(orders).isGreaterThan(1);
		assertThat(published).anySatisfy((event) -> assertThat(event).hasSize((int) orders));
		assertThat(published).hasSizeLessThan(letters.size());
		assertThat(this.events.stream(LetterIssued.class)).isEmpty();
	}

	/**
	 * A letter's rendering event of an earlier version, still open in the registry at the
	 * upgrade, is rendered as before.
	 */
	@Test
	void aLetterPublishedAloneByAnEarlierVersionIsRendered() throws Exception {
		DocumentRecord letter = renderedLettersOfAServedCase().get(0);
		this.transactions.executeWithoutResult((status) -> {
			this.sql.sql("update document set storage_key = null, sha256 = null, size_bytes = 0 where id = ?")
				.param(letter.id())
				.update();
			this.publisher.publishEvent(new LetterIssued(letter.id()));
		});
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.documents.find(letter.id()).orElseThrow().storageKey() != null);
		DocumentRecord rendered = this.documents.find(letter.id()).orElseThrow();
		assertThat(DocumentService.sha256(this.storage.get(rendered.storageKey()))).isEqualTo(rendered.sha256());
	}

	/**
	 * A letter that cannot be rendered does not hold back the others of its step, and its
	 * event stays open for the retry.
	 */
	@Test
	void oneLetterThatFailsLeavesTheOthersOfItsStepRendered() throws Exception {
		List<DocumentRecord> letters = renderedLettersOfAServedCase();
		DocumentRecord bad = letters.get(0);
		DocumentRecord good = letters.get(1);
		this.transactions.executeWithoutResult((status) -> {
			this.sql.sql("update document set storage_key = null, sha256 = null, size_bytes = 0,"
					+ " issuer_code = case when id = ? then 'NO-SUCH-AGENCY' else issuer_code end where id in (?, ?)")
				.params(bad.id(), bad.id(), good.id())
				.update();
			this.publisher.publishEvent(new LettersIssued(List.of(bad.id(), good.id())));
		});
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.documents.find(good.id()).orElseThrow().storageKey() != null);
		String open = "select count(*) from event_publication where completion_date is null and serialized_event like ?";
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.sql.sql(open).param("%" + bad.id() + "%").query(Long.class).single() == 1);
		assertThat(this.documents.find(bad.id()).orElseThrow().storageKey()).isNull();

		// mended, the retry renders it and closes the event
		this.sql.sql("update document set issuer_code = ? where id = ?").params(bad.issuerCode(), bad.id()).update();
		this.incomplete
			.resubmitIncompletePublications((publication) -> publication.getEvent() instanceof LettersIssued issued
					&& issued.documentIds().contains(bad.id()));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.sql.sql(open).param("%" + bad.id() + "%").query(Long.class).single() == 0);
		assertThat(this.documents.find(bad.id()).orElseThrow().storageKey()).isNotNull();
	}

	/** The letters of a case filed, approved and served, once all are rendered. */
	private List<DocumentRecord> renderedLettersOfAServedCase() throws Exception {
		String caseId = fileCase("POLICE_DETERMINED", residentId());
		approveAndServe(caseId);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.documents.onCase("discipline", caseId)
				.stream()
				.allMatch((letter) -> letter.storageKey() != null));
		return this.documents.onCase("discipline", caseId);
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
