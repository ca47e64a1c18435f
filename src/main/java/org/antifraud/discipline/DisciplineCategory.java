package org.antifraud.discipline;

/**
 * Subject categories of Art. 3 of the Measures: a criminal penalty (category 一) or a
 * police determination (category 二).
 */
public enum DisciplineCategory {

	CRIMINAL, POLICE_DETERMINED

}
