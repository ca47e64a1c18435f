package org.antifraud.rectification.internal;

import java.util.List;
import java.util.Objects;

import org.antifraud.agency.AgencyDirectory;
import org.antifraud.common.Now;
import org.antifraud.search.SearchDocument;
import org.antifraud.search.SearchSource;

import org.springframework.stereotype.Component;

/**
 * A rectification order as search finds it: by number, unit, problems, requirements and
 * the unit's report; opened by the issuer and the unit.
 */
@Component
class RectificationSearchSource implements SearchSource {

	private final RectificationRepository orders;

	private final AgencyDirectory agencies;

	RectificationSearchSource(RectificationRepository orders, AgencyDirectory agencies) {
		this.orders = orders;
		this.agencies = agencies;
	}

	@Override
	public List<SearchDocument> documents(String caseRef) {
		return this.orders.find(caseRef).map((order) -> {
			String unit = Objects.requireNonNullElse(this.agencies.name(order.unitCode()), order.unitCode());
			return List.of(new SearchDocument(RectificationLetters.CASE_KIND, order.id(), order.id(),
					unit + " · 限期整改 " + order.caseNumber(), order.status(), order.issuerAgency(),
					SearchDocument.readers(order.issuerAgency(), order.unitCode()),
					order.issuedAt().atZone(Now.ZONE).toLocalDate(), List.of(order.caseNumber()), List.of(), unit,
					SearchDocument.lines(order.problems(), order.requiredMeasures(), order.finalReport(),
							order.verificationOpinion())));
		}).orElse(List.of());
	}

}
