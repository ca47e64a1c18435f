package org.antifraud.banking;

/**
 * Why an account is graded.
 */
public enum SignalKind {

	/** The police report the account as used in a fraud case (涉案账户). */
	CASE_ACCOUNT,
	/** The bank's own monitoring model flagged it. */
	MONITORING_HIT,
	/**
	 * The account was reported (by victims, the public or 96110); repeated reports count.
	 */
	COMPLAINT,
	/** The holder is under joint discipline and an execution order named the account. */
	DISCIPLINE_ORDER;

	/** Kinds the customer's passed re-verification or an upheld objection clears. */
	public boolean clearedByVerification() {
		return this == MONITORING_HIT || this == COMPLAINT;
	}

}
