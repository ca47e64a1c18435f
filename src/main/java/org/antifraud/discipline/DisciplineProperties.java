package org.antifraud.discipline;

import java.util.List;

import org.antifraud.agency.AgencyType;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of joint discipline that the Measures leave open or that vary locally.
 * Working-day limits of tasks and orders are under
 * {@code antifraud.workflow.due-working-days}.
 *
 * @param termStart the day the term starts: basis date, approval, or notice served (open
 * fact)
 * @param maxContinuousYears longest continuous discipline when a subject is listed again
 * (Art. 10)
 * @param threshold cards, times or counterparties at or above which a city bureau may
 * determine alone; below it, provincial approval is needed (Art. 3)
 * @param reminderWorkingDaysBefore working days before an order's due day that a reminder
 * goes out
 * @param financeInstitutionTypes institution types that receive orders for finance
 * measures
 * @param telecomInstitutionTypes institution types that receive orders for telecom
 * measures
 * @param appealChannel where a subject appeals, as printed in the notice (Art. 12)
 */
@ConfigurationProperties("antifraud.discipline")
public record DisciplineProperties(TermStart termStart, int maxContinuousYears, int threshold,
		int reminderWorkingDaysBefore, List<AgencyType> financeInstitutionTypes,
		List<AgencyType> telecomInstitutionTypes, String appealChannel) {

	public DisciplineProperties {
		termStart = (termStart != null) ? termStart : TermStart.NOTICE_SERVED;
		maxContinuousYears = (maxContinuousYears > 0) ? maxContinuousYears : 5;
		threshold = (threshold > 0) ? threshold : 3;
		reminderWorkingDaysBefore = (reminderWorkingDaysBefore > 0) ? reminderWorkingDaysBefore : 1;
		financeInstitutionTypes = (financeInstitutionTypes != null) ? List.copyOf(financeInstitutionTypes)
				: List.of(AgencyType.BANK, AgencyType.PAYMENT_INSTITUTION);
		telecomInstitutionTypes = (telecomInstitutionTypes != null) ? List.copyOf(telecomInstitutionTypes)
				: List.of(AgencyType.TELECOM_OPERATOR);
		appealChannel = (appealChannel != null) ? appealChannel : "联合惩戒工作平台申诉入口，或者向本机关反诈中心书面提出（反诈专线96110）";
	}

	/** When a discipline term starts counting. */
	public enum TermStart {

		BASIS_DECIDED, APPROVED, NOTICE_SERVED

	}

}
