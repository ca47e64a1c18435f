/**
 * Banks' side of the fight against fraud: account risk grading with the measures of the
 * {@code AccountRiskGrade} DMN table, the customer's identity re-verification that lifts
 * a measure at once (Anti-Fraud Law Art. 32), customer objections answered within 15 days
 * (AML Law Art. 39), periodic review, and emergency stop-payments (紧急止付) checked and
 * executed within minutes, lasting 48 hours, at most twice.
 */
package org.antifraud.banking;
