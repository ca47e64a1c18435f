package org.antifraud.discipline;

import org.antifraud.security.Actor;

/**
 * Files determinations for other modules (the intake of spreadsheets) with the same
 * checks as the API.
 */
public interface Determinations {

	/**
	 * Checks a determination as {@code actor} would file it; throws a 400 problem naming
	 * every bad field, or 403 when the actor may not file.
	 */
	void validate(FilingRequest request, Actor actor);

	/** Files the determination and starts its review; returns the case id. */
	String file(FilingRequest request, Actor actor);

}
