package org.antifraud.agency;

/**
 * One agency: its code (used everywhere as the reference), Chinese and English names,
 * type, parent agency code, region, and the abbreviation that opens its document numbers
 * (文号), such as 青检 in 青检公建〔2026〕1号.
 */
public record Agency(String code, String name, String nameEn, AgencyType type, String parentCode, String region,
		String abbreviation) {
}
