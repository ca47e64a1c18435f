package org.antifraud.rectification;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A rectification failed and the joint office scheduled an accountability interview of
 * the unit. The interview module schedules it synchronously; an invalid schedule rejects
 * the request.
 */
public record InterviewRequested(String orderId, String officeAgency, String requestedBy, String unitCode,
		String principal, LocalDateTime scheduledAt, String place, List<String> officials, String reason) {
}
