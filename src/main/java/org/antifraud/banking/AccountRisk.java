package org.antifraud.banking;

import java.util.Set;

import org.antifraud.security.Actor;

/**
 * Takes risk signals on accounts, from the API, a spreadsheet or a discipline case, and
 * grades the account. Police report case accounts and complaints; a bank reports on its
 * own accounts only.
 */
public interface AccountRisk {

	/** Account classes Ⅰ, Ⅱ and Ⅲ. */
	Set<String> ACCOUNT_CLASSES = Set.of("I", "II", "III");

	/** What a signal did to its account. */
	record Signalled(String accountId, String grade, AccountMeasure measure) {
	}

	/**
	 * Checks a signal as {@code actor} would send it; throws a 400 problem naming every
	 * bad field, or 403 when the actor may not send it.
	 */
	void validate(SignalCommand command, Actor actor);

	/** Records a validated signal and grades the account. */
	Signalled signal(SignalCommand command, Actor actor);

}
