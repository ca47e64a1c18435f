package org.antifraud.agency;

/**
 * One agency: its code (used everywhere as the reference), Chinese and English names,
 * type, parent agency code and region.
 */
public record Agency(String code, String name, String nameEn, AgencyType type, String parentCode, String region) {
}
