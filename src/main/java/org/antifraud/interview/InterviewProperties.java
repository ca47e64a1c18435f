package org.antifraud.interview;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of accountability interviews; no national rule fixes them (DOMAIN.md §5,
 * open).
 *
 * @param noticeWorkingDays working days the notice must be served before the interview
 */
@ConfigurationProperties("antifraud.interview")
public record InterviewProperties(int noticeWorkingDays) {

	public InterviewProperties {
		noticeWorkingDays = (noticeWorkingDays > 0) ? noticeWorkingDays : 3;
	}

}
