package org.antifraud.workflow.internal;

import java.util.List;

import org.antifraud.audit.AuditTrail;
import org.antifraud.common.Now;
import org.antifraud.search.SearchDocument;
import org.antifraud.search.SearchSource;

import org.springframework.stereotype.Component;

/**
 * Task comments as search finds them, each an item of its own that only the commenting
 * agency (and those who read everything) may open: a bank's remark on its order task
 * never shows as a snippet to the other institutions that can open the case.
 */
@Component
class CommentSearchSource implements SearchSource {

	static final String TYPE = "comment";

	private final AuditTrail audit;

	CommentSearchSource(AuditTrail audit) {
		this.audit = audit;
	}

	@Override
	public List<SearchDocument> documents(String caseRef) {
		// read on every change of the case: only its comments, not its whole timeline
		return this.audit.timeline(caseRef, TaskCommands.COMMENTED)
			.stream()
			.filter((entry) -> entry.agencyCode() != null)
			.map((entry) -> new SearchDocument(TYPE, String.valueOf(entry.seq()), caseRef, "任务留言 · " + entry.actor(),
					"COMMENT", entry.agencyCode(), SearchDocument.readers(entry.agencyCode()),
					entry.occurredAt().atZone(Now.ZONE).toLocalDate(), List.of(), List.of(), entry.actor(),
					entry.detail()))
			.toList();
	}

}
