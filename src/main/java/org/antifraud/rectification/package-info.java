/**
 * Rectification by a deadline (限期整改): orders to a unit with progress reports on a
 * working-day cycle, a final report, verification (验收/回头看) with a limited number of
 * extensions, and escalation: an accountability interview, then public notice (通报) with
 * listed supervision (挂牌督办) and an optional referral to the procuratorate.
 */
package org.antifraud.rectification;
