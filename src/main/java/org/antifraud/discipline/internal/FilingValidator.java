package org.antifraud.discipline.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.antifraud.agency.Agency;
import org.antifraud.agency.AgencyDirectory;
import org.antifraud.agency.AgencyType;
import org.antifraud.common.Identifiers;
import org.antifraud.common.Now;
import org.antifraud.common.Validation;
import org.antifraud.document.Letters;
import org.antifraud.discipline.DisciplineCategory;
import org.antifraud.discipline.FilingRequest;
import org.antifraud.discipline.InstrumentType;

import org.springframework.stereotype.Component;

/**
 * Checks a filed determination field by field: the resident ID's check digit, dates, the
 * instruments and the institutions holding them.
 */
@Component
class FilingValidator {

	/**
	 * The Anti-Telecom and Online Fraud Law took effect; earlier acts are not covered.
	 */
	static final LocalDate LAW_IN_FORCE = LocalDate.of(2022, 12, 1);

	private static final int MAX_INSTRUMENTS = 200;

	private static final Set<InstrumentType> FINANCIAL = EnumSet.of(InstrumentType.BANK_ACCOUNT,
			InstrumentType.PAYMENT_ACCOUNT, InstrumentType.ECNY_WALLET);

	private static final Set<InstrumentType> TELECOM = EnumSet.of(InstrumentType.PHONE_CARD, InstrumentType.IOT_CARD,
			InstrumentType.FIXED_LINE, InstrumentType.SMS_PORT);

	private final AgencyDirectory agencies;

	private final Letters letters;

	FilingValidator(AgencyDirectory agencies, Letters letters) {
		this.agencies = agencies;
		this.letters = letters;
	}

	/** The validated instruments; throws a 400 problem listing every invalid field. */
	List<Instrument> validate(FilingRequest request) {
		Validation v = new Validation();
		FilingRequest.Subject subject = request.subject();
		if (subject == null) {
			v.add("subject", "validation.required");
		}
		else {
			v.requireText(subject.name(), "subject.name");
			v.require(subject.name() == null || subject.name().length() <= 100, "subject.name", "validation.tooLong");
			// the name is printed in the notice and every order: a character no font has
			// is
			// caught here, not in the job that issues them
			v.require(this.letters.printable(subject.name()), "subject.name", "validation.unprintable");
			String id = Identifiers.normalizeResidentId(subject.idNumber());
			if (id == null || id.isEmpty()) {
				v.add("subject.idNumber", "validation.required");
			}
			else {
				v.require(Identifiers.isValidResidentId(id), "subject.idNumber", "validation.residentId");
			}
			v.require(
					subject.phone() == null || subject.phone().isBlank() || Identifiers.isValidMobile(subject.phone()),
					"subject.phone", "validation.mobile");
		}
		v.require(Validation.option(DisciplineCategory.class, request.category()).isPresent(), "category",
				"validation.notAnOption");
		FilingRequest.Basis basis = request.basis();
		if (basis == null) {
			v.add("basis", "validation.required");
		}
		else {
			v.requireText(basis.documentNumber(), "basis.documentNumber");
			v.require(basis.decidedOn() != null, "basis.decidedOn", "validation.required");
			v.require(basis.decidedOn() == null || !basis.decidedOn().isAfter(Now.today()), "basis.decidedOn",
					"validation.dateInFuture");
			v.require(basis.lastActOn() != null, "basis.lastActOn", "validation.required");
			v.require(basis.lastActOn() == null || !basis.lastActOn().isBefore(LAW_IN_FORCE), "basis.lastActOn",
					"discipline.actsBeforeLaw");
			v.requireText(basis.summary(), "basis.summary");
			v.require(basis.summary() == null || basis.summary().length() <= 4000, "basis.summary",
					"validation.tooLong");
		}
		v.require(request.timesCount() == null || request.timesCount() >= 0, "timesCount", "validation.outOfRange");
		v.require(request.counterpartiesCount() == null || request.counterpartiesCount() >= 0, "counterpartiesCount",
				"validation.outOfRange");
		List<Instrument> instruments = instruments(request.instruments(), v);
		v.throwIfInvalid();
		return instruments;
	}

	private List<Instrument> instruments(List<FilingRequest.InstrumentInput> inputs, Validation v) {
		List<Instrument> instruments = new ArrayList<>();
		if (inputs == null || inputs.isEmpty()) {
			v.add("instruments", "discipline.instrumentsRequired");
			return instruments;
		}
		v.require(inputs.size() <= MAX_INSTRUMENTS, "instruments", "validation.tooMany");
		for (int i = 0; i < inputs.size(); i++) {
			FilingRequest.InstrumentInput input = inputs.get(i);
			String field = "instruments[" + i + "]";
			Optional<InstrumentType> type = (input != null) ? Validation.option(InstrumentType.class, input.type())
					: Optional.empty();
			if (type.isEmpty()) {
				v.add(field + ".type", "validation.notAnOption");
				continue;
			}
			String identifier = (input.identifier() != null) ? input.identifier().trim() : "";
			v.require(!identifier.isEmpty() && identifier.length() <= 100, field + ".identifier",
					"validation.required");
			if (type.get() == InstrumentType.PHONE_CARD && !identifier.isEmpty()) {
				v.require(Identifiers.isValidMobile(identifier), field + ".identifier", "validation.mobile");
			}
			if (type.get() == InstrumentType.BANK_ACCOUNT && !identifier.isEmpty()) {
				v.require(Identifiers.isValidBankCard(identifier), field + ".identifier", "validation.bankCard");
			}
			Optional<Agency> institution = this.agencies.find(input.institutionCode());
			boolean needsInstitution = FINANCIAL.contains(type.get()) || TELECOM.contains(type.get());
			if (needsInstitution && institution.isEmpty()) {
				v.add(field + ".institutionCode", "discipline.unknownInstitution");
			}
			else if (institution.isPresent()) {
				AgencyType holder = institution.get().type();
				boolean fits = FINANCIAL.contains(type.get()) ? holder.isFinancialInstitution()
						: !TELECOM.contains(type.get()) || holder == AgencyType.TELECOM_OPERATOR;
				v.require(fits, field + ".institutionCode", "discipline.institutionMismatch");
			}
			instruments.add(new Instrument(type.get(), identifier, institution.map(Agency::code).orElse(null)));
		}
		return instruments;
	}

}
