package org.antifraud.telecom.internal;

import java.util.List;

import org.antifraud.common.Identifiers;
import org.antifraud.common.Now;
import org.antifraud.search.SearchDocument;
import org.antifraud.search.SearchSource;

import org.springframework.stereotype.Component;

/**
 * Card verifications as search finds them: by holder, phone (also its last digits),
 * resident ID and case number; opened by the operator and the agency that flagged the
 * card.
 */
@Component
class TelecomSearchSource implements SearchSource {

	private final CardRepository cards;

	TelecomSearchSource(CardRepository cards) {
		this.cards = cards;
	}

	@Override
	public List<SearchDocument> documents(String caseRef) {
		return this.cards.find(caseRef).map((v) -> {
			CardRepository.Card card = this.cards.cardById(v.cardId());
			return List.of(new SearchDocument("card-verification", v.id(), v.id(),
					card.holderName() + " · 二次实人认证 " + Identifiers.maskPhone(card.phone()), v.status(),
					v.operatorCode(), SearchDocument.readers(v.operatorCode(), v.requestedByAgency()),
					v.requestedAt().atZone(Now.ZONE).toLocalDate(),
					SearchDocument.present(v.caseNumber(), card.phone(), card.holderIdNumber()), List.of(card.phone()),
					card.holderName(),
					SearchDocument.lines(v.reason(), v.detail(), v.objection(), v.objectionAnswer())));
		}).orElse(List.of());
	}

}
