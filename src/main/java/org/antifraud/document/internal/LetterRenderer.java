package org.antifraud.document.internal;

import java.time.Duration;
import java.time.Instant;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Lays out, signs and stores each issued letter right after the step that issued it
 * commits, off that step's path: fan-out of a case's fifteen letters no longer holds its
 * orders back. A rendering cut off by a crash is done again at the next start (the event
 * registry republishes it) or by the retry below; a reader who comes first renders it on
 * the spot.
 */
@Component
class LetterRenderer {

	private final DocumentService documents;

	private final IncompleteEventPublications incomplete;

	LetterRenderer(DocumentService documents, IncompleteEventPublications incomplete) {
		this.documents = documents;
		this.incomplete = incomplete;
	}

	@ApplicationModuleListener
	void on(LetterIssued event) {
		this.documents.rendered(event.documentId());
	}

	/** Renders again, once a minute, the letters whose rendering failed. */
	@Scheduled(fixedDelayString = "${antifraud.documents.render-retry-delay:PT1M}")
	void retryFailed() {
		this.incomplete.resubmitIncompletePublications((publication) -> publication.getEvent() instanceof LetterIssued
				&& publication.getPublicationDate().isBefore(Instant.now().minus(Duration.ofSeconds(30))));
	}

}
