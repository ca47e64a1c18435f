/**
 * Agencies (police bureaus and branches, procuratorates, banks, payment institutions,
 * telecom operators, regulators, the joint office, leadership) with their codes, types
 * and parents, and the users who belong to them with their roles. Reference data is
 * seeded from {@code seeds/}.
 */
package org.antifraud.agency;
