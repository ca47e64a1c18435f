package org.antifraud.procuratorate.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.antifraud.agency.AgencyDirectory;
import org.antifraud.common.Now;
import org.antifraud.search.SearchDocument;
import org.antifraud.search.SearchSource;

import org.springframework.stereotype.Component;

/**
 * A PIL case as search finds it: by case number, recommendation numbers, the organ and
 * the facts, consultation and follow-up. The procuratorate opens it; the organ once
 * served (its internal opinions and evidence are not indexed, so no snippet shows them).
 */
@Component
class PilSearchSource implements SearchSource {

	private final PilRepository cases;

	private final AgencyDirectory agencies;

	PilSearchSource(PilRepository cases, AgencyDirectory agencies) {
		this.cases = cases;
		this.agencies = agencies;
	}

	@Override
	public List<SearchDocument> documents(String caseRef) {
		return this.cases.find(caseRef).map((c) -> List.of(document(c))).orElse(List.of());
	}

	private SearchDocument document(PilCase c) {
		Set<String> readers = new LinkedHashSet<>(Set.of(c.procuratorate()));
		if (c.servedOnOrgan()) {
			readers.add(c.organCode());
		}
		String organ = Objects.requireNonNullElse(this.agencies.name(c.organCode()), c.organCode());
		List<String> identifiers = new ArrayList<>(List.of(c.caseNumber()));
		List<String> texts = new ArrayList<>(List.of(SearchDocument.lines(c.factsOfHarm(), c.consultationStatement(),
				c.consultationPlan(), c.consultationMinutes(), c.followUpResult(), c.nonPerformanceReason(), c.claims(),
				c.outcomeSummary())));
		// issued recommendations only: a draft is the procuratorate's alone
		for (Recommendation r : this.cases.recommendations(c.id())) {
			if (r.issuedOn() != null) {
				identifiers.add(r.documentNumber());
				texts.add(SearchDocument.lines(r.nonPerformance(), r.legalBasis(), r.recommendations(), r.replyText(),
						r.rectification(), r.objectionGrounds()));
			}
		}
		String text = String.join("\n", texts);
		return new SearchDocument(PilLetters.CASE_KIND, c.id(), c.id(), organ + " · 公益诉讼 " + c.caseNumber(), c.status(),
				c.procuratorate(), readers, c.registeredAt().atZone(Now.ZONE).toLocalDate(), identifiers, List.of(),
				organ, text);
	}

}
