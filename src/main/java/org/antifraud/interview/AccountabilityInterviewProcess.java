package org.antifraud.interview;

/**
 * Keys, variables and task ids of {@code processes/AccountabilityInterviewProcess.bpmn}.
 */
public final class AccountabilityInterviewProcess {

	public static final String KEY = "AccountabilityInterviewProcess";

	public static final String VAR_CASE_ID = "caseId";

	public static final String VAR_UNIT_GROUP = "unitGroup";

	public static final String VAR_OFFICE_GROUP = "officeGroup";

	public static final String VAR_INTERVIEW_AT = "interviewAt";

	public static final String VAR_CONFIRM_DUE_AT = "confirmDueAt";

	public static final String TASK_CONFIRM = "Task_ConfirmAttendance";

	public static final String TASK_RESCHEDULE = "Task_RescheduleInterview";

	public static final String TASK_MINUTES = "Task_RecordMinutes";

	public static final String TASK_NO_SHOW = "Task_HandleNoShow";

	private AccountabilityInterviewProcess() {
	}

}
