package org.antifraud.telecom;

import org.antifraud.security.Actor;

/**
 * Orders secondary real-person verification of high-risk cards. The police, the joint
 * office and regulators flag any operator's cards; an operator flags its own.
 */
public interface CardVerifications {

	/**
	 * Checks a flag as {@code actor} would send it; throws a 400 problem naming every bad
	 * field, 403 when the actor may not flag cards, 409 when the card is already being
	 * verified.
	 */
	void validate(CardFlag flag, Actor actor);

	/** Flags the card and starts its verification; returns the verification id. */
	String flag(CardFlag flag, Actor actor);

}
