package org.antifraud.procuratorate.internal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One version of a procuratorial recommendation (检察建议书) with the organ's reply.
 */
record Recommendation(String id, String caseId, int version, String status, String caseSource, String factsOfHarm,
		String nonPerformance, String legalBasis, String recommendations, boolean urgent, String copyTo,
		String approvalOpinion, String documentNumber, LocalDate issuedOn, LocalDate servedOn, String serviceMethod,
		LocalDate replyDue, boolean replyOverdue, Instant remindedAt, String response, String replyText,
		String rectification, String objectionGrounds, String objectionOutcome, String objectionOpinion,
		Instant repliedAt) {
}
