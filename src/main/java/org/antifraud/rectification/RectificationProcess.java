package org.antifraud.rectification;

/**
 * Keys, variables and task ids of {@code processes/RectificationProcess.bpmn}.
 */
public final class RectificationProcess {

	public static final String KEY = "RectificationProcess";

	public static final String VAR_CASE_ID = "caseId";

	public static final String VAR_ISSUER_GROUP = "issuerGroup";

	public static final String VAR_UNIT_GROUP = "unitGroup";

	public static final String VAR_OFFICE_GROUP = "officeGroup";

	public static final String VAR_DEADLINE_AT = "deadlineAt";

	public static final String VAR_DEADLINE_DUE_AT = "deadlineDueAt";

	public static final String VAR_HAS_CYCLE = "hasCycle";

	public static final String VAR_NEXT_REPORT_AT = "nextReportAt";

	public static final String VAR_PROGRESS_DUE_AT = "progressDueAt";

	public static final String VAR_CAN_EXTEND = "canExtend";

	public static final String VAR_ESCALATION = "escalation";

	public static final String TASK_PROGRESS = "Task_SubmitProgressReport";

	public static final String TASK_FINAL = "Task_SubmitFinalReport";

	public static final String TASK_VERIFY = "Task_VerifyRectification";

	public static final String TASK_SCHEDULE_INTERVIEW = "Task_ScheduleInterview";

	public static final String TASK_PUBLIC_NOTICE = "Task_DecidePublicNotice";

	private RectificationProcess() {
	}

}
