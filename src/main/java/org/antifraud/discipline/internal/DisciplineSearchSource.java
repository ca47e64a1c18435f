package org.antifraud.discipline.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.antifraud.agency.AgencyDirectory;
import org.antifraud.agency.AgencyType;
import org.antifraud.common.Now;
import org.antifraud.search.SearchDocument;
import org.antifraud.search.SearchSource;

import org.springframework.stereotype.Component;

/**
 * A discipline case as search finds it: by the subject's name, resident ID, phone and
 * instruments (accounts also by their last digits), case number, 文号, and the facts of the
 * determination. Opened by the deciding police agencies and the institutions holding an
 * order, as the case itself.
 */
@Component
class DisciplineSearchSource implements SearchSource {

	private final DisciplineRepository cases;

	private final OrderRepository orders;

	private final AgencyDirectory agencies;

	DisciplineSearchSource(DisciplineRepository cases, OrderRepository orders, AgencyDirectory agencies) {
		this.cases = cases;
		this.orders = orders;
		this.agencies = agencies;
	}

	@Override
	public List<SearchDocument> documents(String caseRef) {
		return this.cases.find(caseRef).map((c) -> List.of(document(c))).orElse(List.of());
	}

	private SearchDocument document(DisciplineCase c) {
		Set<String> readers = new LinkedHashSet<>();
		readers.add(c.filingAgency());
		if (c.approvingAgency() != null) {
			readers.add(c.approvingAgency());
		}
		if (c.belowThreshold()) {
			this.agencies.ancestor(c.filingAgency(), AgencyType.PROVINCIAL_POLICE)
				.ifPresent((province) -> readers.add(province.code()));
		}
		this.orders.ofCase(c.id()).forEach((order) -> readers.add(order.institutionCode()));
		List<String> instruments = this.cases.instruments(c.id()).stream().map(Instrument::identifier).toList();
		List<String> identifiers = new ArrayList<>(instruments);
		identifiers.addAll(SearchDocument.present(c.subjectIdNumber(), c.subjectPhone(), c.caseNumber(),
				c.noticeNumber(), c.basisDocumentNumber()));
		List<String> numbers = new ArrayList<>(instruments);
		if (c.subjectPhone() != null) {
			numbers.add(c.subjectPhone());
		}
		String text = SearchDocument.lines(c.basisSummary(), c.lastOpinion());
		return new SearchDocument(DisciplineLetters.CASE_KIND, c.id(), c.id(),
				c.subjectName() + " · 联合惩戒 " + c.caseNumber(), c.status().name(), c.filingAgency(), readers,
				c.filedAt().atZone(Now.ZONE).toLocalDate(), identifiers, numbers, c.subjectName(), text);
	}

}
