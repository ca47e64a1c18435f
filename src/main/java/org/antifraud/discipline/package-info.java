/**
 * Joint discipline (联合惩戒) under the 2024 Measures: determinations of fraud subjects,
 * legal review and approval, notice, measures from the {@code DisciplineMeasures} DMN
 * table, execution orders to every institution in scope with structured answers, the
 * discipline term with repeat listing capped at five years, appeals, and lifting at
 * expiry or on a successful appeal.
 */
package org.antifraud.discipline;
