package org.antifraud.procuratorate;

/**
 * Keys, variables and task ids of
 * {@code processes/ProcuratorialRecommendationProcess.bpmn}.
 */
public final class ProcuratorialRecommendationProcess {

	public static final String KEY = "ProcuratorialRecommendationProcess";

	public static final String VAR_CASE_ID = "caseId";

	public static final String VAR_PROCURATOR_GROUP = "procuratorGroup";

	public static final String VAR_CHIEF_GROUP = "chiefGroup";

	public static final String VAR_ORGAN_GROUP = "organGroup";

	public static final String VAR_TRACK = "track";

	public static final String VAR_PERFORMED = "performed";

	public static final String VAR_FILING_SERVICE_DUE_AT = "filingServiceDueAt";

	public static final String VAR_REPLY_DUE_AT = "replyDueAt";

	public static final String VAR_REPLY_OVERDUE_AT = "replyOverdueAt";

	public static final String VAR_REPLY_REMINDER_AT = "replyReminderAt";

	public static final String VAR_HAS_REMINDER = "hasReminder";

	public static final String VAR_NOTICE_ENDS_AT = "noticeEndsAt";

	public static final String TASK_DECIDE_FILING = "Task_DecideFiling";

	public static final String TASK_SERVE_FILING = "Task_ServeFilingDecision";

	public static final String TASK_RESPOND_CONSULTATION = "Task_RespondToConsultation";

	public static final String TASK_RECORD_CONSULTATION = "Task_RecordConsultation";

	public static final String TASK_DRAFT = "Task_DraftRecommendation";

	public static final String TASK_APPROVE = "Task_ApproveRecommendation";

	public static final String TASK_SERVE = "Task_ServeRecommendation";

	public static final String TASK_REPLY = "Task_ReplyToRecommendation";

	public static final String TASK_REVIEW_OBJECTION = "Task_ReviewObjection";

	public static final String TASK_FOLLOW_UP = "Task_FollowUp";

	public static final String TASK_PUBLISH_NOTICE = "Task_PublishCivilNotice";

	public static final String TASK_FILE_SUIT = "Task_FileSuit";

	public static final String TASK_RECORD_JUDGMENT = "Task_RecordJudgment";

	private ProcuratorialRecommendationProcess() {
	}

}
