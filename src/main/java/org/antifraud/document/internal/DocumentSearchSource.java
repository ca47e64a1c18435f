package org.antifraud.document.internal;

import java.util.List;

import org.antifraud.common.Now;
import org.antifraud.search.SearchDocument;
import org.antifraud.search.SearchSource;

import org.springframework.stereotype.Component;

/**
 * Letters and attachments as search finds them: by 文号, verification code, title and their
 * text (a PDF attachment's extracted text included); each opened by its own audience, as
 * its download is.
 */
@Component
class DocumentSearchSource implements SearchSource {

	static final String TYPE = "document";

	private final DocumentRepository documents;

	DocumentSearchSource(DocumentRepository documents) {
		this.documents = documents;
	}

	@Override
	public List<SearchDocument> documents(String caseRef) {
		return this.documents.withText(caseRef)
			.stream()
			.map((d) -> new SearchDocument(TYPE, d.record().id(), caseRef,
					(d.record().number() != null) ? d.record().title() + " " + d.record().number() : d.record().title(),
					d.record().status(), d.record().issuerCode(), d.record().audienceCodes(),
					d.record().createdAt().atZone(Now.ZONE).toLocalDate(),
					SearchDocument.present(d.record().number(), d.record().verificationCode()), List.of(),
					(d.record().recipient() != null) ? d.record().recipient() : "", d.text()))
			.toList();
	}

}
