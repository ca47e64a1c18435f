package org.antifraud.procuratorate;

import java.time.LocalDate;

/**
 * A procuratorial recommendation was served; its reply is due on {@code replyDue}.
 */
public record RecommendationIssued(String caseId, String documentNumber, String organCode, LocalDate replyDue) {
}
