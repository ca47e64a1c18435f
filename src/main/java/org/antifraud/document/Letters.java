package org.antifraud.document;

import java.time.LocalDate;
import java.util.List;

/**
 * Issues official letters and lists the documents of a case.
 */
public interface Letters {

	/**
	 * Lays out, numbers, seals, signs and stores a letter. Runs inside the caller's
	 * transaction, so the letter and its number exist exactly when the step that issued
	 * it commits.
	 * @throws org.antifraud.common.ApiException 422 when a character of the letter has no
	 * glyph in any shipped font
	 */
	IssuedLetter issue(LetterDraft draft);

	/** The documents of a case that the current actor may read. */
	List<DocumentSummary> onCase(String caseKind, String caseId);

	/** A date as letters print it: 2026年9月28日. */
	static String date(LocalDate date) {
		return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
	}

}
