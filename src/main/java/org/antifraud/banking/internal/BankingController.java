package org.antifraud.banking.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.antifraud.agency.AgencyDirectory;
import org.antifraud.agency.Role;
import org.antifraud.audit.AuditEntry;
import org.antifraud.audit.AuditTrail;

import org.antifraud.banking.AccountRisk;
import org.antifraud.banking.BankingProperties;
import org.antifraud.banking.SignalCommand;
import org.antifraud.common.ApiException;
import org.antifraud.common.Identifiers;
import org.antifraud.common.Page;
import org.antifraud.common.SqlWhere;
import org.antifraud.security.Actor;
import org.antifraud.security.CurrentActor;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Account risk and stop-payment API. A bank sees its own accounts and instructions, the
 * police what they sent, supervisors everything; anyone else gets 404.
 */
@RestController
class BankingController {

	private final AccountRisk risk;

	private final AccountRepository accounts;

	private final ObjectionSteps objections;

	private final StopPaymentSteps stopPayments;

	private final StopPaymentRepository stops;

	private final AgencyDirectory agencies;

	private final BankingProperties properties;

	private final AuditTrail audit;

	private final CurrentActor actor;

	BankingController(AccountRisk risk, AccountRepository accounts, ObjectionSteps objections,
			StopPaymentSteps stopPayments, StopPaymentRepository stops, AgencyDirectory agencies,
			BankingProperties properties, AuditTrail audit, CurrentActor actor) {
		this.risk = risk;
		this.accounts = accounts;
		this.objections = objections;
		this.stopPayments = stopPayments;
		this.stops = stops;
		this.agencies = agencies;
		this.properties = properties;
		this.audit = audit;
		this.actor = actor;
	}

	@PostMapping("/api/account-risk-signals")
	@ResponseStatus(HttpStatus.CREATED)
	AccountRisk.Signalled signal(@RequestBody SignalCommand command) {
		return this.risk.signal(command, this.actor.get());
	}

	record AccountView(String id, String institutionCode, String institutionName, String accountNumber,
			String accountClass, String holderName, String holderIdNumber, String grade, String measure,
			String measureLabel, String appliedMeasure, Instant appliedAt, String verification,
			Instant verificationDueAt, LocalDate nextReviewOn, String basicServicesAllowed,
			List<AccountRepository.Signal> signals, List<AccountRepository.History> history,
			List<AccountRepository.Objection> objections) {
	}

	@GetMapping("/api/accounts/{id}")
	AccountView account(@PathVariable String id) {
		Actor actor = this.actor.get();
		Visible visible = visible(id, actor);
		return view(visible.account(), actor, visible.sender());
	}

	/** An account and whether the actor's agency reported it. */
	private record Visible(Account account, boolean sender) {
	}

	/**
	 * The account if the actor may see it (its institution, an agency that reported it,
	 * supervisors); 404 otherwise.
	 */
	private Visible visible(String id, Actor actor) {
		Account account = this.accounts.find(id).orElseThrow(ApiException::notFound);
		boolean sender = this.accounts.signalledBy(id, actor.agencyCode());
		if (!actor.readsEverything() && !sender && !actor.agencyCode().equals(account.institutionCode())) {
			throw ApiException.notFound();
		}
		return new Visible(account, sender);
	}

	/**
	 * An account as {@code actor} may see it: the holder's ID in full for the bank and
	 * the police who reported it, masked for everyone else.
	 */
	private AccountView view(Account a, Actor actor, boolean sender) {
		boolean full = sender || actor.agencyCode().equals(a.institutionCode());
		return new AccountView(a.id(), a.institutionCode(), this.agencies.name(a.institutionCode()), a.accountNumber(),
				a.accountClass(), a.holderName(),
				full ? a.holderIdNumber() : Identifiers.maskResidentId(a.holderIdNumber()), a.grade(),
				a.measure().name(), a.measure().label(), a.appliedMeasure().name(), a.appliedAt(), a.verification(),
				a.verificationDueAt(), a.nextReviewOn(), this.properties.basicServices(), this.accounts.signals(a.id()),
				this.accounts.history(a.id()), this.accounts.objections(a.id()));
	}

	@GetMapping("/api/accounts")
	Page<AccountView> accounts(@RequestParam(required = false) String grade,
			@RequestParam(required = false) String institution, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		Actor actor = this.actor.get();
		Page.Request request = Page.request(page, size);
		SqlWhere filter = new SqlWhere().when(!actor.readsEverything(),
				"(a.institution_code = :agency or exists (select 1 from account_signal s where s.account_id = a.id and s.source_agency = :agency))",
				Map.of("agency", actor.agencyCode()))
			.equal("a.grade", grade)
			.equal("a.institution_code", institution);
		List<AccountView> items = this.accounts.page(filter, request)
			.stream()
			.map((a) -> view(a, actor,
					!actor.agencyCode().equals(a.institutionCode())
							&& this.accounts.signalledBy(a.id(), actor.agencyCode())))
			.toList();
		return new Page<>(items, request.page(), request.size(), this.accounts.count(filter));
	}

	record ObjectionRequest(String content, LocalDate receivedOn) {
	}

	record Created(String id) {
	}

	@PostMapping("/api/accounts/{id}/objections")
	@ResponseStatus(HttpStatus.CREATED)
	Created objection(@PathVariable String id, @RequestBody ObjectionRequest request) {
		Actor actor = this.actor.get();
		Account account = visible(id, actor).account();
		if (!actor.has(Role.BANK_OFFICER) || !actor.agencyCode().equals(account.institutionCode())) {
			throw new ApiException(HttpStatus.FORBIDDEN, "banking.objectionByBank");
		}
		return new Created(this.objections.receive(account, request.content(), request.receivedOn(), actor));
	}

	// stop-payments

	record StopView(String id, String caseNumber, String status, String policeAgency, String requestedBy,
			Instant requestedAt, String institutionCode, String institutionName, String victimCase,
			String accountNumber, String holderName, BigDecimal amount, Instant transactionAt, int stops, int maxStops,
			Instant stoppedAt, BigDecimal stoppedAmount, Instant expiresAt, String mismatch, String bankNote,
			String freezeReference, Instant closedAt, List<AuditEntry> timeline) {
	}

	@PostMapping("/api/stop-payments")
	@ResponseStatus(HttpStatus.CREATED)
	StopView requestStop(@RequestBody StopPaymentSteps.Request request) {
		return view(this.stopPayments.request(request, this.actor.get()));
	}

	@GetMapping("/api/stop-payments/{id}")
	StopView stop(@PathVariable String id) {
		Actor actor = this.actor.get();
		return view(this.stops.find(id)
			.filter((found) -> actor.readsEverything() || actor.agencyCode().equals(found.policeAgency())
					|| actor.agencyCode().equals(found.institutionCode()))
			.orElseThrow(ApiException::notFound));
	}

	private StopView view(StopPayment s) {
		return new StopView(s.id(), s.caseNumber(), s.status(), s.policeAgency(), s.requestedBy(), s.requestedAt(),
				s.institutionCode(), this.agencies.name(s.institutionCode()), s.victimCase(), s.accountNumber(),
				s.holderName(), s.amount(), s.transactionAt(), s.stops(), this.properties.maxStops(), s.stoppedAt(),
				s.stoppedAmount(), s.expiresAt(), s.mismatch(), s.bankNote(), s.freezeReference(), s.closedAt(),
				this.audit.timeline(s.id()));
	}

	@GetMapping("/api/stop-payments")
	Page<StopView> stops(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		Actor actor = this.actor.get();
		Page.Request request = Page.request(page, size);
		SqlWhere filter = new SqlWhere()
			.when(!actor.readsEverything(), "(s.police_agency = :agency or s.institution_code = :agency)",
					Map.of("agency", actor.agencyCode()))
			.equal("s.status", status);
		return new Page<>(this.stops.page(filter, request).stream().map(this::view).toList(), request.page(),
				request.size(), this.stops.count(filter));
	}

	@PostMapping("/api/stop-payments/{id}/renewal")
	StopView renew(@PathVariable String id) {
		this.stopPayments.renew(id, this.actor.get());
		return stop(id);
	}

	record FreezeRequest(String reference) {
	}

	@PostMapping("/api/stop-payments/{id}/freeze")
	StopView freeze(@PathVariable String id, @RequestBody FreezeRequest request) {
		this.stopPayments.freeze(id, request.reference(), this.actor.get());
		return stop(id);
	}

}
