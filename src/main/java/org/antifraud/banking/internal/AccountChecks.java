package org.antifraud.banking.internal;

import java.util.Optional;

import org.antifraud.agency.Agency;
import org.antifraud.agency.AgencyDirectory;
import org.antifraud.agency.AgencyType;
import org.antifraud.common.Identifiers;

/**
 * The institution and account-number checks that risk signals and stop-payments share.
 */
final class AccountChecks {

	private AccountChecks() {
	}

	/** The bank or payment institution of that code, if it is one. */
	static Optional<Agency> institution(AgencyDirectory agencies, String code) {
		return agencies.find((code != null) ? code.trim() : "")
			.filter((agency) -> agency.type().isFinancialInstitution());
	}

	/**
	 * Whether a (trimmed) number fits the institution: a Luhn-valid card at a bank, an
	 * alphanumeric account id at a payment institution. A blank number passes; whether it
	 * is required is checked apart.
	 */
	static boolean validNumber(Optional<Agency> institution, String number) {
		if (number.isEmpty()) {
			return true;
		}
		boolean bank = institution.isPresent() && institution.get().type() == AgencyType.BANK;
		return bank ? Identifiers.isValidBankCard(number) : number.matches("[0-9A-Za-z]{6,40}");
	}

}
