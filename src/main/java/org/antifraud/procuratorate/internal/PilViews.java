package org.antifraud.procuratorate.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.antifraud.audit.AuditEntry;

/**
 * What the public-interest litigation API returns.
 */
final class PilViews {

	private PilViews() {
	}

	record Registered(String id, String caseNumber, String status) {
	}

	record Summary(String id, String caseNumber, String status, String stage, String procuratorate, String organCode,
			String organName, String track, LocalDate replyDue, boolean replyOverdue, Instant registeredAt) {
	}

	record Detail(String id, String caseNumber, String status, String stage, String procuratorate, String registeredBy,
			Instant registeredAt, String source, String organCode, String organName, String track, String factsOfHarm,
			List<String> relatedCases, String filingOpinion, LocalDate filedOn, LocalDate filingServiceDue,
			LocalDate filingServedOn, Consultation consultation, RecommendationView recommendation,
			List<RecommendationView> recommendations, FollowUp followUp, Litigation litigation, String closeReason,
			Instant closedAt, List<AuditEntry> timeline) {
	}

	record Consultation(String factsConfirmed, String statement, String plan, String minutes) {
	}

	record RecommendationView(int version, String status, String documentNumber, String caseSource, String factsOfHarm,
			String nonPerformance, String legalBasis, String recommendations, boolean urgent, List<String> copyTo,
			String approvalOpinion, LocalDate issuedOn, LocalDate servedOn, String serviceMethod, LocalDate replyDue,
			boolean replyDueProvisional, String replyDueStatus, Integer workingDaysLeft, boolean replyOverdue,
			Instant remindedAt, Reply reply) {
	}

	record Reply(String response, String replyText, String rectification, String objectionGrounds,
			String objectionOutcome, String objectionOpinion, Instant repliedAt) {
	}

	record FollowUp(String evidence, String result, String nonPerformanceReason) {
	}

	record Litigation(LocalDate noticePublishedOn, LocalDate noticeEndsOn, String noticeMedium, String court,
			LocalDate filedOn, String claims, String outcome, LocalDate outcomeOn, String outcomeSummary) {
	}

}
