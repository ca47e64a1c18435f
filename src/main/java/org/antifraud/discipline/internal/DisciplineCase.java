package org.antifraud.discipline.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.antifraud.discipline.CaseStatus;
import org.antifraud.discipline.DisciplineCategory;

/**
 * A discipline case row.
 */
record DisciplineCase(String id, String caseNumber, CaseStatus status, DisciplineCategory category, String subjectName,
		String subjectIdNumber, String subjectPhone, String basisDocumentNumber, LocalDate basisDecidedOn,
		String basisSummary, int timesCount, int counterpartiesCount, boolean belowThreshold, String filingAgency,
		String approvingAgency, String filedBy, Instant filedAt, String lastOpinion, String measures,
		boolean dishonestList, Integer termYears, Instant approvedAt, String noticeNumber, LocalDate noticeServedOn,
		LocalDate termStart, LocalDate termEnd, LocalDate continuousStart, String extendedCaseId, String liftReason,
		Instant liftedAt, Instant closedAt, String processInstanceId) {
}
