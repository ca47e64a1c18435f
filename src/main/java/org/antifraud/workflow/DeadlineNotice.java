package org.antifraud.workflow;

/**
 * A reminder, escalation or feedback about a deadline, for the users of
 * {@code agencyCode} holding {@code role} (every user of the agency when null). Process
 * modules publish it; the notifications turn it into messages.
 */
public record DeadlineNotice(String kind, String agencyCode, String role, String title, String body, String caseId) {

	public static final String REMINDER = "REMINDER";

	public static final String ESCALATION = "ESCALATION";

	/** Feedback to the sender of a request (for example a stop-payment's result). */
	public static final String FEEDBACK = "FEEDBACK";

}
