package org.antifraud.workflow;

import java.util.Map;

import org.antifraud.common.Validation;

/**
 * The outcome of a review task: approve, return for supplement, or reject. An opinion is
 * required unless the reviewer approves.
 */
public enum Decision {

	APPROVE, RETURN, REJECT;

	/** Process variable that review gateways read. */
	public static final String VARIABLE = "decision";

	/**
	 * Reads {@code decision} and {@code opinion} from a submission and checks the opinion
	 * rule.
	 */
	public static Decision from(Map<String, Object> values) {
		Decision decision = Decision.valueOf((String) values.get(VARIABLE));
		Object opinion = values.get("opinion");
		new Validation()
			.require(decision == APPROVE || (opinion instanceof String text && !text.isBlank()), "opinion",
					"validation.opinionRequired")
			.throwIfInvalid();
		return decision;
	}

}
