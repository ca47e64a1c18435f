package org.antifraud.rectification;

import java.time.LocalDate;

/**
 * An order to rectify, as the API or an interview issues it.
 *
 * @param deadlineOn the day the final report is due; or null with
 * {@code deadlineWorkingDays}
 * @param origin {@code DIRECT}, or {@code INTERVIEW} for commitments made at an interview
 */
public record RectificationCommand(String unitCode, String problems, String requiredMeasures, LocalDate deadlineOn,
		Integer deadlineWorkingDays, Integer reportCycleWorkingDays, String origin, String interviewId) {
}
