package org.antifraud.document;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.antifraud.common.Now;

/**
 * Issues official letters and lists the documents of a case.
 */
public interface Letters {

	/**
	 * Numbers and registers a letter inside the caller's transaction, so the letter and
	 * its number exist exactly when the step that issued it commits; its PDF is laid out,
	 * sealed, signed and stored right after that commit (or when first read, if sooner).
	 * @throws org.antifraud.common.ApiException 422 when a character of the letter has no
	 * glyph in any shipped font
	 */
	IssuedLetter issue(LetterDraft draft);

	/**
	 * Issues a letter that replaces the one in force of the same type to the same
	 * recipient on the same case (a rescheduled interview's new notice, say): the old
	 * letter is kept and verifies as superseded. Without such a letter it simply issues.
	 */
	IssuedLetter reissue(LetterDraft draft);

	/**
	 * Whether every character of {@code text} prints in letters: check a name when it is
	 * entered, not when a letter naming it is issued later. Null prints.
	 */
	boolean printable(String text);

	/** The documents of a case that the current actor may read. */
	List<DocumentSummary> onCase(String caseKind, String caseId);

	/** A date as letters print it: 2026年9月28日. */
	static String date(LocalDate date) {
		return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
	}

	/** A moment as letters print it: 2026年10月15日9时30分 (minutes left out on the hour). */
	static String moment(LocalDateTime at) {
		return date(at.toLocalDate()) + at.getHour() + "时" + ((at.getMinute() > 0) ? at.getMinute() + "分" : "");
	}

	/** A moment in Asia/Shanghai as letters print it. */
	static String moment(Instant at) {
		return moment(at.atZone(Now.ZONE).toLocalDateTime());
	}

}
