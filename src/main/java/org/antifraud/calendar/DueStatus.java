package org.antifraud.calendar;

/**
 * Traffic-light status of a deadline: more than three working days left, three or fewer,
 * or overdue.
 */
public enum DueStatus {

	GREEN, YELLOW, RED;

	/** Working days left at or below which a deadline turns yellow. */
	public static final int YELLOW_THRESHOLD = 3;

}
