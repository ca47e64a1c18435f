package org.antifraud.agency;

/**
 * Kinds of agency taking part in joint discipline.
 */
public enum AgencyType {

	PROVINCIAL_POLICE, CITY_POLICE, DISTRICT_POLICE, PROCURATORATE, BANK, PAYMENT_INSTITUTION, TELECOM_OPERATOR,
	REGULATOR, JOINT_OFFICE, LEADERSHIP;

	/** Institutions that receive execution orders for finance measures. */
	public boolean isFinancialInstitution() {
		return this == BANK || this == PAYMENT_INSTITUTION;
	}

	/** The role whose users answer orders addressed to an institution of this type. */
	public Role executingRole() {
		return (this == TELECOM_OPERATOR) ? Role.TELECOM_OFFICER : Role.BANK_OFFICER;
	}

}
