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

	/**
	 * The role whose users act for an agency of this type on orders and requests
	 * addressed to it.
	 */
	public Role officerRole() {
		return switch (this) {
			case TELECOM_OPERATOR -> Role.TELECOM_OFFICER;
			case BANK, PAYMENT_INSTITUTION -> Role.BANK_OFFICER;
			case REGULATOR -> Role.REGULATOR_OFFICER;
			case PROCURATORATE -> Role.PROCURATOR;
			case JOINT_OFFICE -> Role.JOINT_OFFICE;
			case LEADERSHIP -> Role.SUPERVISOR;
			case PROVINCIAL_POLICE, CITY_POLICE, DISTRICT_POLICE -> Role.POLICE_OFFICER;
		};
	}

}
