package org.antifraud.banking;

/**
 * Keys, variables and task ids of {@code processes/AccountRiskProcess.bpmn} and
 * {@code processes/AccountObjectionProcess.bpmn}.
 */
public final class AccountRiskProcess {

	public static final String KEY = "AccountRiskProcess";

	public static final String OBJECTION_KEY = "AccountObjectionProcess";

	public static final String DECISION = "AccountRiskGrade";

	public static final String VAR_CASE_ID = "caseId";

	public static final String VAR_BANK_GROUP = "bankGroup";

	public static final String VAR_MEASURE = "measure";

	public static final String VAR_MEASURE_CHANGED = "measureChanged";

	public static final String VAR_VERIFY_NOW = "verifyNow";

	public static final String VAR_VERIFICATION_DUE_AT = "verificationDueAt";

	public static final String VAR_NEXT_REVIEW_AT = "nextReviewAt";

	public static final String VAR_OBJECTION_DUE_AT = "objectionDueAt";

	public static final String VAR_OBJECTION_REMIND_AT = "objectionRemindAt";

	public static final String VAR_OBJECTION_OVERDUE_AT = "objectionOverdueAt";

	public static final String MESSAGE_RISK_SIGNAL = "RiskSignal";

	public static final String MESSAGE_MEASURE_LIFTED = "MeasureLifted";

	public static final String TASK_APPLY = "Task_ApplyMeasure";

	public static final String TASK_REVERIFY = "Task_ReverifyCustomer";

	public static final String TASK_REVIEW = "Task_ReviewAccount";

	public static final String TASK_ANSWER_OBJECTION = "Task_AnswerObjection";

	private AccountRiskProcess() {
	}

}
