package org.antifraud.discipline;

/**
 * Keys, variables and messages of {@code processes/JointDisciplineProcess.bpmn} and
 * {@code processes/DisciplineAppealProcess.bpmn}.
 */
public final class JointDisciplineProcess {

	public static final String KEY = "JointDisciplineProcess";

	public static final String APPEAL_KEY = "DisciplineAppealProcess";

	public static final String DECISION_MEASURES = "DisciplineMeasures";

	public static final String VAR_CASE_ID = "caseId";

	public static final String VAR_APPEAL_ID = "appealId";

	public static final String VAR_OFFICER_GROUP = "officerGroup";

	public static final String VAR_LEGAL_GROUP = "legalGroup";

	public static final String VAR_LEADER_GROUP = "leaderGroup";

	public static final String VAR_PROVINCE_GROUP = "provinceGroup";

	public static final String VAR_BELOW_THRESHOLD = "belowThreshold";

	public static final String VAR_MERGED = "merged";

	public static final String VAR_ITEM_IDS = "itemIds";

	public static final String VAR_ITEM_ID = "itemId";

	public static final String VAR_ORDER_DUE_AT = "orderDueAt";

	public static final String VAR_ORDER_REMINDER_AT = "orderReminderAt";

	public static final String VAR_TERM_ENDS_AT = "termEndsAt";

	public static final String VAR_ACCEPT_DUE_AT = "acceptDueAt";

	public static final String MESSAGE_LIFTED = "DisciplineLifted";

	public static final String MESSAGE_TERM_EXTENDED = "TermExtended";

	public static final String TASK_REVIEW = "Task_ReviewDetermination";

	public static final String TASK_SUPPLEMENT = "Task_SupplementDetermination";

	public static final String TASK_APPROVE_BELOW_THRESHOLD = "Task_ApproveBelowThreshold";

	public static final String TASK_APPROVE = "Task_ApproveDetermination";

	public static final String TASK_SERVE_NOTICE = "Task_ServeNotice";

	public static final String TASK_ANSWER_ORDER = "Task_AnswerExecutionOrder";

	public static final String TASK_CONFIRM_LIFTING = "Task_ConfirmLifting";

	public static final String TASK_ACCEPT_APPEAL = "Task_AcceptAppeal";

	public static final String TASK_VERIFY_APPEAL = "Task_VerifyAppeal";

	public static final String TASK_DECIDE_APPEAL = "Task_DecideAppeal";

	private JointDisciplineProcess() {
	}

}
