package org.antifraud.agency;

/**
 * The roles of the security model; a user holds one or more within their agency.
 */
public enum Role {

	POLICE_OFFICER, POLICE_LEGAL, POLICE_LEADER, PROCURATOR, CHIEF_PROCURATOR, BANK_OFFICER, TELECOM_OFFICER,
	REGULATOR_OFFICER, JOINT_OFFICE, SUPERVISOR, ADMIN;

	/** The Spring Security authority of this role. */
	public String authority() {
		return "ROLE_" + name();
	}

}
