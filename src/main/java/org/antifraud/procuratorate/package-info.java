/**
 * Procuratorate public-interest litigation (公益诉讼检察): clues, filing, pre-litigation
 * consultation, the procuratorial recommendation (检察建议书) with its statutory reply
 * deadline, objections and review, follow-up investigation, and administrative or civil
 * public-interest suits.
 */
package org.antifraud.procuratorate;
