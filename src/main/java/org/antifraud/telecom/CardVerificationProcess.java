package org.antifraud.telecom;

/**
 * Keys, variables and task ids of {@code processes/CardVerificationProcess.bpmn}.
 */
public final class CardVerificationProcess {

	public static final String KEY = "CardVerificationProcess";

	public static final String VAR_CASE_ID = "caseId";

	public static final String VAR_OPERATOR_GROUP = "operatorGroup";

	public static final String VAR_VERIFY_DUE_AT = "verifyDueAt";

	public static final String MESSAGE_HOLDER_VERIFIED = "HolderVerified";

	public static final String MESSAGE_HOLDER_OBJECTED = "HolderObjected";

	public static final String TASK_VERIFY = "Task_VerifyCardHolder";

	public static final String TASK_REVIEW_OBJECTION = "Task_ReviewCardObjection";

	private CardVerificationProcess() {
	}

}
