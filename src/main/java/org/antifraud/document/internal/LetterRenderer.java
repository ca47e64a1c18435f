package org.antifraud.document.internal;

import org.antifraud.common.RegisteredEventExecutor;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Lays out, signs and stores each issued letter right after the step that issued it
 * commits, off that step's path: fan-out of a case's fifteen letters no longer holds its
 * orders back. A rendering cut off by a crash is done again at the next start (the event
 * registry republishes it) or by the retry below; a reader who comes first renders it on
 * the spot.
 */
@Component
class LetterRenderer {

	static final String EXECUTOR = "letterRenderExecutor";

	/**
	 * Letters set at once: one per core, at most four. Their threads run at a lower
	 * priority ({@link #NICENESS}) than the steps, the portal and the search index: in a
	 * burst (a bulk determination) the orders go out first on every core and the letters
	 * take what is left, then every core once the burst is over (one thread for all of
	 * them, as before, left a core idle while a backlog of letters drained). More threads
	 * would only wait for the same cores, each holding a parsed copy of the CJK fonts
	 * (eight at once took 4 GB of heap in the fan-out benchmark).
	 */
	static final int THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

	/**
	 * The rendering threads' nice value: 10 gives a thread about a tenth of the share of
	 * a thread at the normal priority when both want the same core.
	 */
	static final int NICENESS = 10;

	private final DocumentService documents;

	private final IncompleteEventPublications incomplete;

	private final RegisteredEventExecutor executor;

	LetterRenderer(DocumentService documents, IncompleteEventPublications incomplete,
			@Qualifier(EXECUTOR) RegisteredEventExecutor executor) {
		this.documents = documents;
		this.incomplete = incomplete;
		this.executor = executor;
	}

	/**
	 * After the step commits, on the rendering threads, through the event registry: its
	 * letters in one transaction. Should one of them fail, the others are rendered each
	 * on its own, so one bad letter never holds back its step's others, and the event
	 * stays open for the retry.
	 */
	@Async(EXECUTOR)
	@TransactionalEventListener
	void on(LettersIssued event) {
		try {
			this.documents.rendered(event.documentIds());
		}
		catch (RuntimeException all) {
			RuntimeException failed = null;
			for (String id : event.documentIds()) {
				try {
					this.documents.rendered(id);
				}
				catch (RuntimeException ex) {
					failed = ex;
				}
			}
			if (failed != null) {
				throw failed;
			}
		}
	}

	/**
	 * A letter published alone by an earlier version, still open in the registry; its
	 * rendering is a transaction of its own.
	 */
	@Async(EXECUTOR)
	@TransactionalEventListener
	void on(LetterIssued event) {
		this.documents.rendered(event.documentId());
	}

	@Bean(EXECUTOR)
	static RegisteredEventExecutor letterRenderExecutor() {
		return new RegisteredEventExecutor("letter-render-", THREADS, NICENESS);
	}

	/** Renders again, once a minute, the letters whose rendering failed. */
	@Scheduled(fixedDelayString = "${antifraud.documents.render-retry-delay:PT1M}")
	void retryFailed() {
		this.executor.resubmitFailed(this.incomplete, LettersIssued.class, LetterIssued.class);
	}

}
