package org.antifraud.telecom.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.antifraud.agency.AgencyDirectory;
import org.antifraud.audit.AuditEntry;
import org.antifraud.audit.AuditTrail;
import org.antifraud.common.ApiException;
import org.antifraud.common.Identifiers;
import org.antifraud.common.Page;
import org.antifraud.common.SqlWhere;
import org.antifraud.security.Actor;
import org.antifraud.security.CurrentActor;
import org.antifraud.telecom.CardFlag;
import org.antifraud.telecom.TelecomProperties;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Card verification and card-count API. An operator sees its own cards' verifications, a
 * requesting agency what it sent, supervisors everything; anyone else gets 404.
 */
@RestController
class TelecomController {

	private final CardVerificationSteps steps;

	private final CardRepository cards;

	private final AgencyDirectory agencies;

	private final TelecomProperties properties;

	private final AuditTrail audit;

	private final CurrentActor actor;

	TelecomController(CardVerificationSteps steps, CardRepository cards, AgencyDirectory agencies,
			TelecomProperties properties, AuditTrail audit, CurrentActor actor) {
		this.steps = steps;
		this.cards = cards;
		this.agencies = agencies;
		this.properties = properties;
		this.audit = audit;
		this.actor = actor;
	}

	record View(String id, String caseNumber, String status, String operatorCode, String operatorName, String phone,
			String holderName, String holderIdNumber, String cardStatus, String reason, String detail,
			String requestedByAgency, String requestedBy, Instant requestedAt, Instant dueAt, Instant verifiedAt,
			Instant suspendedAt, Instant restoredAt, String objection, String objectionAnswer, Instant closedAt,
			List<AuditEntry> timeline) {
	}

	@PostMapping("/api/card-verifications")
	@ResponseStatus(HttpStatus.CREATED)
	View flag(@RequestBody CardFlag flag) {
		return get(this.steps.flag(flag, this.actor.get()));
	}

	@GetMapping("/api/card-verifications/{id}")
	View get(@PathVariable String id) {
		Actor actor = this.actor.get();
		return view(this.cards.find(id)
			.filter((found) -> actor.readsEverything() || actor.agencyCode().equals(found.operatorCode())
					|| actor.agencyCode().equals(found.requestedByAgency()))
			.orElseThrow(ApiException::notFound), actor);
	}

	/**
	 * A verification as {@code actor} may see it: number and ID in full for the operator
	 * and the requesting agency, masked for supervisors.
	 */
	private View view(CardRepository.Verification v, Actor actor) {
		CardRepository.Card card = this.cards.cardById(v.cardId());
		boolean full = actor.agencyCode().equals(v.operatorCode()) || actor.agencyCode().equals(v.requestedByAgency());
		return new View(v.id(), v.caseNumber(), v.status(), v.operatorCode(), this.agencies.name(v.operatorCode()),
				full ? card.phone() : Identifiers.maskPhone(card.phone()), card.holderName(),
				full ? card.holderIdNumber() : Identifiers.maskResidentId(card.holderIdNumber()), card.status(),
				v.reason(), v.detail(), v.requestedByAgency(), v.requestedBy(), v.requestedAt(), v.dueAt(),
				v.verifiedAt(), v.suspendedAt(), v.restoredAt(), v.objection(), v.objectionAnswer(), v.closedAt(),
				this.audit.timeline(v.id()));
	}

	@GetMapping("/api/card-verifications")
	Page<View> list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		Actor actor = this.actor.get();
		Page.Request request = Page.request(page, size);
		SqlWhere filter = new SqlWhere()
			.when(!actor.readsEverything(), "(v.operator_code = :agency or v.requested_by_agency = :agency)",
					Map.of("agency", actor.agencyCode()))
			.equal("v.status", status);
		return new Page<>(this.cards.page(filter, request).stream().map((v) -> view(v, actor)).toList(), request.page(),
				request.size(), this.cards.count(filter));
	}

	@PostMapping("/api/card-verifications/{id}/holder-verified")
	View holderVerified(@PathVariable String id) {
		this.steps.holderVerified(id, this.actor.get());
		return get(id);
	}

	record ObjectionRequest(String content) {
	}

	@PostMapping("/api/card-verifications/{id}/objection")
	View objection(@PathVariable String id, @RequestBody ObjectionRequest request) {
		this.steps.objection(id, request.content(), this.actor.get());
		return get(id);
	}

	record CardRequest(String phone, String holderName, String holderIdNumber) {
	}

	record Registered(String cardId, int activeCards, int maxCards) {
	}

	/**
	 * Registers a newly opened card after the card-count check; more than the maximum of
	 * active cards per person at one operator is refused (409) and reported.
	 */
	@PostMapping("/api/phone-cards")
	@ResponseStatus(HttpStatus.CREATED)
	Registered register(@RequestBody CardRequest request) {
		CardVerificationSteps.Registration result = this.steps.register(request.phone(), request.holderName(),
				request.holderIdNumber(), this.actor.get());
		if (result.refused()) {
			// the refusal is already recorded and reported in its own transaction
			throw ApiException.conflict("telecom.tooManyCards", result.activeCards(),
					this.properties.maxCardsPerOperator());
		}
		return new Registered(result.cardId(), result.activeCards(), this.properties.maxCardsPerOperator());
	}

}
