package org.antifraud.procuratorate.internal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A public-interest litigation case row.
 */
record PilCase(String id, String caseNumber, String status, String stage, String procuratorate, String registeredBy,
		Instant registeredAt, String source, String organCode, String track, String factsOfHarm, String relatedCases,
		String filingOpinion, LocalDate filedOn, LocalDate filingServiceDue, LocalDate filingServedOn,
		String consultationFacts, String consultationStatement, String consultationPlan, String consultationMinutes,
		String followUpEvidence, String followUpResult, String nonPerformanceReason, LocalDate noticePublishedOn,
		LocalDate noticeEndsOn, String noticeMedium, String court, LocalDate suitFiledOn, String claims, String outcome,
		LocalDate outcomeOn, String outcomeSummary, String closeReason, Instant closedAt, String processInstanceId) {

	boolean servedOnOrgan() {
		return this.filingServedOn != null;
	}

}
