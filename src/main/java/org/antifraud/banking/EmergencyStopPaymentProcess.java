package org.antifraud.banking;

/**
 * Keys, variables and task ids of {@code processes/EmergencyStopPaymentProcess.bpmn}.
 */
public final class EmergencyStopPaymentProcess {

	public static final String KEY = "EmergencyStopPaymentProcess";

	public static final String VAR_CASE_ID = "caseId";

	public static final String VAR_BANK_GROUP = "bankGroup";

	public static final String VAR_STOP_DUE_AT = "stopDueAt";

	public static final String VAR_EXPIRES_AT = "expiresAt";

	public static final String VAR_STOPPED = "stopped";

	public static final String MESSAGE_RENEWED = "StopRenewed";

	public static final String MESSAGE_FROZEN = "StopFrozen";

	public static final String TASK_EXECUTE = "Task_ExecuteStopPayment";

	private EmergencyStopPaymentProcess() {
	}

}
