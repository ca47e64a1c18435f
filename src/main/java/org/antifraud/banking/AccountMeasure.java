package org.antifraud.banking;

/**
 * Measures on an account, as codes of the {@code AccountRiskGrade} table, mildest first.
 * Basic services stay open under every one of them.
 */
public enum AccountMeasure {

	NONE("无"), REVERIFY("重新核实客户身份"), SUSPEND_NON_COUNTER("暂停非柜面业务"), RECEIVE_ONLY("只收不付"), NO_RECEIVE_NO_PAY("不收不付"),
	SUSPEND_ALL("暂停全部业务");

	private final String label;

	AccountMeasure(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
