package org.antifraud.discipline;

/**
 * State of one order at one institution.
 */
public enum OrderStatus {

	PENDING, ANSWERED, WITHDRAWN

}
