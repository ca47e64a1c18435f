package org.antifraud.discipline.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.antifraud.audit.AuditEntry;

/**
 * What the discipline API returns.
 */
final class CaseViews {

	private CaseViews() {
	}

	record Filed(String id, String caseNumber, String status) {
	}

	record Summary(String id, String caseNumber, String status, String category, String subjectName,
			String subjectIdNumber, String filingAgency, Instant filedAt, LocalDate termEnd) {
	}

	record Detail(String id, String caseNumber, String status, String category, Subject subject, Basis basis,
			boolean belowThreshold, String filingAgency, String approvingAgency, String filedBy, Instant filedAt,
			String lastOpinion, List<MeasureView> measures, boolean dishonestList, Integer termYears,
			LocalDate termStart, LocalDate termEnd, String noticeNumber, LocalDate noticeServedOn,
			String extendedCaseId, String liftReason, Instant liftedAt, Instant closedAt,
			List<InstrumentView> instruments, List<OrderView> orders, List<AppealView> appeals,
			List<DisciplineRepository.Review> reviews, List<AuditEntry> timeline) {
	}

	record Subject(String name, String idNumber, String phone, boolean masked) {
	}

	record Basis(String documentNumber, LocalDate decidedOn, String summary) {
	}

	record MeasureView(String code, String label) {
	}

	record InstrumentView(String type, String identifier, String institutionCode) {
	}

	record OrderView(String id, String caseId, String kind, String institutionCode, String institutionName,
			String status, LocalDate due, String dueStatus, Instant remindedAt, Instant escalatedAt, String outcome,
			String reason, String affectedIdentifiers, String answeredBy, Instant answeredAt, String taskId) {
	}

	record AppealView(String id, String status, String appellant, String grounds, LocalDate receivedOn,
			LocalDate acceptDue, String acceptanceOpinion, String findings, String decision, String decisionOpinion,
			Instant decidedAt) {
	}

	record Revealed(String idNumber, String phone) {
	}

}
