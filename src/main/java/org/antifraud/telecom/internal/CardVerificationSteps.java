package org.antifraud.telecom.internal;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.antifraud.agency.Agency;
import org.antifraud.agency.AgencyDirectory;
import org.antifraud.agency.AgencyType;
import org.antifraud.agency.Role;
import org.antifraud.audit.AuditTrail;
import org.antifraud.common.ApiException;
import org.antifraud.common.Identifiers;
import org.antifraud.document.LetterDraft;
import org.antifraud.document.LetterType;
import org.antifraud.document.Letters;
import org.antifraud.common.Now;
import org.antifraud.common.NumberSequences;
import org.antifraud.common.RowIds;
import org.antifraud.common.Validation;
import org.antifraud.security.Actor;
import org.antifraud.telecom.CardFlag;
import org.antifraud.telecom.CardReason;
import org.antifraud.telecom.CardVerificationProcess;
import org.antifraud.telecom.CardVerifications;
import org.antifraud.telecom.TelecomProperties;
import org.antifraud.workflow.DeadlineNotice;
import org.antifraud.workflow.ProcessTaskHandler;
import org.antifraud.workflow.TaskRef;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * High-risk card verification: the order to the operator, the holder's verification
 * within 24 hours, suspension, restoration and the holder's objection, each recorded.
 */
@Component
class CardVerificationSteps extends ProcessTaskHandler implements CardVerifications {

	static final String ENTITY = "CARD_VERIFICATION";

	private final CardRepository cards;

	private final AgencyDirectory agencies;

	private final NumberSequences numbers;

	private final TelecomProperties properties;

	private final RuntimeService runtime;

	private final AuditTrail audit;

	private static final Map<String, String> REASONS = Map.of("FRAUD_LINKED", "涉嫌关联电信网络诈骗", "MANY_CARDS",
			"同一身份证件名下开卡数量异常", "SILENT_CARD", "长期静默后突然异常使用", "OVERSEAS_HOTSPOT", "频繁在境外涉诈高发地区使用", "REPEATED_FLAGS",
			"多次被列为高风险号码");

	private final ApplicationEventPublisher events;

	private final Letters letters;

	CardVerificationSteps(CardRepository cards, AgencyDirectory agencies, NumberSequences numbers,
			TelecomProperties properties, RuntimeService runtime, AuditTrail audit, ApplicationEventPublisher events,
			Letters letters) {
		super(CardVerificationProcess.KEY, CardVerificationProcess.TASK_VERIFY,
				CardVerificationProcess.TASK_REVIEW_OBJECTION);
		this.cards = cards;
		this.agencies = agencies;
		this.numbers = numbers;
		this.properties = properties;
		this.runtime = runtime;
		this.audit = audit;
		this.events = events;
		this.letters = letters;
	}

	@Override
	public void validate(CardFlag f, Actor actor) {
		boolean operator = actor.has(Role.TELECOM_OFFICER);
		if (!operator && !actor.has(Role.POLICE_OFFICER) && !actor.has(Role.JOINT_OFFICE)
				&& !actor.has(Role.REGULATOR_OFFICER)) {
			throw new ApiException(HttpStatus.FORBIDDEN, "telecom.flagNotAllowed");
		}
		Optional<Agency> op = operator(f.operatorCode());
		String phone = trim(f.phone());
		String id = Identifiers.normalizeResidentId(f.holderIdNumber());
		Validation v = new Validation().require(op.isPresent(), "operatorCode", "telecom.operatorInvalid")
			.require(!operator || op.isEmpty() || op.get().code().equals(actor.agencyCode()), "operatorCode",
					"telecom.ownOperatorOnly")
			.require(Identifiers.isValidMobile(phone), "phone", "validation.mobile")
			.requireText(f.holderName(), "holderName")
			.require(f.holderName() == null || f.holderName().length() <= 100, "holderName", "validation.tooLong")
			.require(id != null && !id.isEmpty(), "holderIdNumber", "validation.required")
			.require(id == null || id.isEmpty() || Identifiers.isValidResidentId(id), "holderIdNumber",
					"validation.residentId")
			.require(Validation.option(CardReason.class, f.reason()).isPresent(), "reason", "validation.notAnOption")
			.require(f.detail() == null || f.detail().length() <= 2000, "detail", "validation.tooLong");
		Optional<CardRepository.Card> card = op.flatMap((o) -> this.cards.card(o.code(), phone));
		v.require(card.isEmpty() || id == null || card.get().holderIdNumber().equals(id), "holderIdNumber",
				"telecom.holderMismatch");
		v.throwIfInvalid();
		if (card.isPresent() && this.cards.openVerification(card.get().id())) {
			throw ApiException.conflict("telecom.verificationOpen");
		}
	}

	@Override
	@Transactional
	public String flag(CardFlag f, Actor actor) {
		validate(f, actor);
		Agency operator = operator(f.operatorCode()).orElseThrow();
		String phone = trim(f.phone());
		String cardId = this.cards.card(operator.code(), phone)
			.map(CardRepository.Card::id)
			.orElseGet(() -> this.cards.insertCard(operator.code(), phone, f.holderName().trim(),
					Identifiers.normalizeResidentId(f.holderIdNumber())));
		String caseNumber = this.numbers.caseNumber("card-verification", operator.code(), "CARD");
		Instant due = Now.instant().plus(this.properties.verificationLimit());
		String id = RowIds.next();
		this.cards.insert(new CardRepository.Verification(id, caseNumber, cardId, operator.code(), f.reason().trim(),
				(f.detail() != null && !f.detail().isBlank()) ? f.detail().trim() : null, actor.agencyCode(),
				actor.username(), Now.instant(), due, "PENDING", null, null, null, null, null, null));
		notice(id, caseNumber, operator.code(), actor.agencyCode(), f, phone, due);
		String instance = this.runtime.startProcessInstanceByKey(CardVerificationProcess.KEY, id,
				Map.of(CardVerificationProcess.VAR_CASE_ID, id, CardVerificationProcess.VAR_OPERATOR_GROUP,
						Actor.group(operator.code(), Role.TELECOM_OFFICER), CardVerificationProcess.VAR_VERIFY_DUE_AT,
						Date.from(due)))
			.getId();
		this.cards.processInstance(id, instance);
		this.audit.record("CARD_FLAGGED", ENTITY, id, id,
				caseNumber + "，" + Identifiers.maskPhone(phone) + "，" + f.reason().trim() + "，限24小时内完成二次实人认证");
		return id;
	}

	/** The 二次实人认证通知书 the operator serves the card's holder. */
	private void notice(String id, String caseNumber, String operatorCode, String flaggedBy, CardFlag f, String phone,
			Instant due) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("phoneMasked", Identifiers.maskPhone(phone));
		fields.put("reasonText", REASONS.getOrDefault(f.reason().trim(), "存在涉诈风险"));
		fields.put("dueAt", Letters.moment(due));
		fields.put("channel", this.properties.verificationChannel());
		fields.put("hotline", this.properties.hotline());
		fields.put("caseNumber", caseNumber);
		this.letters.issue(new LetterDraft(LetterType.CARD_VERIFICATION_NOTICE, operatorCode, "card-verification", id,
				f.holderName().trim(), fields, Set.of(flaggedBy)));
	}

	@Override
	public Map<String, Object> complete(TaskRef task, Map<String, Object> v, Actor actor) {
		CardRepository.Verification verification = this.cards.lock(task.caseId());
		if (CardVerificationProcess.TASK_VERIFY.equals(task.taskKey())) {
			String outcome = (String) v.get("outcome");
			boolean passed = "PASSED".equals(outcome);
			if (passed) {
				this.cards.status(verification.id(), "VERIFIED", "verified_at", true);
			}
			this.audit.record(passed ? "CARD_VERIFIED" : "CARD_VERIFICATION_FAILED", ENTITY, verification.id(),
					verification.id(), (passed ? "二次实人认证通过" : "二次实人认证未通过") + "（" + v.get("method") + "）"
							+ ((v.get("note") != null) ? "：" + v.get("note") : ""));
			return Map.of("outcome", outcome);
		}
		String decision = (String) v.get("decision");
		this.cards.objectionAnswer(verification.id(), (String) v.get("opinion"));
		if (!"UPHELD".equals(decision)) {
			this.cards.status(verification.id(), "KEPT_SUSPENDED", "", true);
		}
		this.audit.record("CARD_OBJECTION_REVIEWED", ENTITY, verification.id(), verification.id(),
				("UPHELD".equals(decision) ? "异议成立：" : "异议不成立：") + v.get("opinion"));
		return Map.of("decision", decision);
	}

	/** Not verified in time or not verified: the card's functions are suspended. */
	@Transactional
	public void suspend(String id) {
		CardRepository.Verification v = this.cards.lock(id);
		this.cards.status(id, "SUSPENDED", "suspended_at", false);
		this.cards.cardStatus(v.cardId(), "SUSPENDED");
		this.audit.record("CARD_SUSPENDED", ENTITY, id, id, "未通过二次实人认证，暂停电话卡功能");
		notice(v, "电话卡已暂停：" + v.caseNumber(), "持卡人可到营业厅核验或通过96110提出异议");
	}

	@Transactional
	public void restore(String id) {
		CardRepository.Verification v = this.cards.lock(id);
		this.cards.status(id, "RESTORED", "restored_at", true);
		this.cards.cardStatus(v.cardId(), "ACTIVE");
		this.audit.record("CARD_RESTORED", ENTITY, id, id, "恢复电话卡功能");
		notice(v, "电话卡已恢复：" + v.caseNumber(), "持卡人已完成核验或异议成立");
	}

	/** The suspended holder verified in person: the card is restored. */
	@Transactional
	public void holderVerified(String id, Actor actor) {
		CardRepository.Verification v = suspended(id, actor);
		this.cards.status(v.id(), "SUSPENDED", "verified_at", false);
		this.audit.record("CARD_HOLDER_VERIFIED", ENTITY, id, id, "持卡人到厅完成实人核验");
		correlate(id, CardVerificationProcess.MESSAGE_HOLDER_VERIFIED);
	}

	/** The suspended holder objects (at a store or through 96110). */
	@Transactional
	public void objection(String id, String content, Actor actor) {
		new Validation().requireText(content, "content")
			.require(content == null || content.length() <= 2000, "content", "validation.tooLong")
			.throwIfInvalid();
		CardRepository.Verification v = suspended(id, actor);
		this.cards.objection(v.id(), content.trim());
		this.audit.record("CARD_OBJECTION", ENTITY, id, id, content.trim());
		correlate(id, CardVerificationProcess.MESSAGE_HOLDER_OBJECTED);
	}

	private CardRepository.Verification suspended(String id, Actor actor) {
		CardRepository.Verification v = this.cards.find(id)
			.filter((found) -> found.operatorCode().equals(actor.agencyCode()))
			.orElseThrow(ApiException::notFound);
		if (!actor.has(Role.TELECOM_OFFICER)) {
			throw new ApiException(HttpStatus.FORBIDDEN, "telecom.operatorOnly");
		}
		CardRepository.Verification locked = this.cards.lock(v.id());
		if (!"SUSPENDED".equals(locked.status())) {
			throw ApiException.conflict("telecom.notSuspended");
		}
		return locked;
	}

	private void correlate(String id, String message) {
		this.runtime.createMessageCorrelation(message).processInstanceBusinessKey(id).correlate();
	}

	private void notice(CardRepository.Verification v, String title, String body) {
		this.events.publishEvent(
				new DeadlineNotice(DeadlineNotice.FEEDBACK, v.requestedByAgency(), null, title, body, v.id()));
		if (!v.requestedByAgency().equals(v.operatorCode())) {
			this.events
				.publishEvent(new DeadlineNotice(DeadlineNotice.FEEDBACK, v.operatorCode(), null, title, body, v.id()));
		}
	}

	/** Result of the card-count check. */
	record Registration(String cardId, int activeCards, boolean refused) {
	}

	/**
	 * Registers a new card for a holder unless they already hold the maximum of active
	 * cards at this operator; a refusal is recorded and reported.
	 */
	@Transactional
	public Registration register(String phone, String holderName, String holderIdNumber, Actor actor) {
		if (!actor.has(Role.TELECOM_OFFICER)) {
			throw new ApiException(HttpStatus.FORBIDDEN, "telecom.operatorOnly");
		}
		String id = Identifiers.normalizeResidentId(holderIdNumber);
		String number = trim(phone);
		new Validation().require(Identifiers.isValidMobile(number), "phone", "validation.mobile")
			.requireText(holderName, "holderName")
			.require(holderName == null || holderName.length() <= 100, "holderName", "validation.tooLong")
			.require(Identifiers.isValidResidentId(id), "holderIdNumber", "validation.residentId")
			.throwIfInvalid();
		if (this.cards.card(actor.agencyCode(), number).isPresent()) {
			throw ApiException.conflict("telecom.cardExists");
		}
		int active = this.cards.activeCards(actor.agencyCode(), id);
		if (active >= this.properties.maxCardsPerOperator()) {
			this.cards.refusal(actor.agencyCode(), number, id, active, actor.username());
			String detail = Identifiers.maskResidentId(id) + "在" + actor.agencyCode() + "已有" + active + "张在用电话卡，拒绝办理"
					+ Identifiers.maskPhone(number);
			this.audit.record("CARD_REFUSED", "PHONE_CARD", number, null, detail);
			for (String agency : this.properties.refusalReportAgencies()) {
				this.events
					.publishEvent(new DeadlineNotice(DeadlineNotice.FEEDBACK, agency, null, "超量办卡已拒绝", detail, null));
			}
			return new Registration(null, active, true);
		}
		String cardId = this.cards.insertCard(actor.agencyCode(), number, holderName.trim(), id);
		this.audit.record("CARD_REGISTERED", "PHONE_CARD", cardId, null, Identifiers.maskPhone(number));
		return new Registration(cardId, active + 1, false);
	}

	private Optional<Agency> operator(String code) {
		return this.agencies.find(trim(code)).filter((agency) -> agency.type() == AgencyType.TELECOM_OPERATOR);
	}

	private static String trim(String value) {
		return (value != null) ? value.trim() : "";
	}

	@Bean
	static JavaDelegate suspendCardDelegate(ObjectProvider<CardVerificationSteps> steps) {
		return (execution) -> steps.getObject()
			.suspend((String) execution.getVariable(CardVerificationProcess.VAR_CASE_ID));
	}

	@Bean
	static JavaDelegate restoreCardDelegate(ObjectProvider<CardVerificationSteps> steps) {
		return (execution) -> steps.getObject()
			.restore((String) execution.getVariable(CardVerificationProcess.VAR_CASE_ID));
	}

}
