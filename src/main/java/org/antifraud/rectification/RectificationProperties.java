package org.antifraud.rectification;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of rectification (DOMAIN.md §5, practice).
 *
 * @param maxExtensions times a failed verification may return the order with a new
 * deadline
 * @param listedSupervisionMonths months a unit stays under listed supervision (挂牌督办)
 * @param officeAgency the joint office that schedules interviews and decides public
 * notices
 * @param progressReportWorkingDays working days a unit has to file a due progress report
 */
@ConfigurationProperties("antifraud.rectification")
public record RectificationProperties(int maxExtensions, int listedSupervisionMonths, String officeAgency,
		int progressReportWorkingDays) {

	public RectificationProperties {
		maxExtensions = (maxExtensions >= 0) ? maxExtensions : 2;
		listedSupervisionMonths = (listedSupervisionMonths > 0) ? listedSupervisionMonths : 6;
		officeAgency = (officeAgency != null) ? officeAgency : "QD-JO";
		progressReportWorkingDays = (progressReportWorkingDays > 0) ? progressReportWorkingDays : 2;
	}

}
