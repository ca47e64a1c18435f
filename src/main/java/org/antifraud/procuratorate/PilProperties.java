package org.antifraud.procuratorate;

import java.util.List;
import java.util.Comparator;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Deadlines of procuratorial public-interest litigation (DOMAIN.md §4, §8).
 *
 * @param filingServiceDays calendar days to serve the filing decision on the organ (open
 * fact)
 * @param replyMonths months the organ has to reply in writing (interpretation Art. 21)
 * @param urgentReplyDays days to reply when the recommendation is urgent
 * @param replyReminderWorkingDaysBefore working days before the reply deadline that the
 * organ is reminded
 * @param civilNoticeDays days of public notice before a civil public-interest suit (Art.
 * 13)
 */
@ConfigurationProperties("antifraud.procuratorate")
public record PilProperties(int filingServiceDays, int replyMonths, int urgentReplyDays, List<Integer> replyReminders,
		int civilNoticeDays, String referralProcuratorate) {

	public PilProperties {
		filingServiceDays = (filingServiceDays > 0) ? filingServiceDays : 7;
		replyMonths = (replyMonths > 0) ? replyMonths : 2;
		urgentReplyDays = (urgentReplyDays > 0) ? urgentReplyDays : 15;
		replyReminders = (replyReminders != null) ? replyReminders.stream()
			.filter((days) -> days != null && days > 0)
			.sorted(Comparator.reverseOrder())
			.toList() : List.of(10, 3);
		civilNoticeDays = (civilNoticeDays > 0) ? civilNoticeDays : 30;
		referralProcuratorate = (referralProcuratorate != null) ? referralProcuratorate : "QD-PROC";
	}

}
