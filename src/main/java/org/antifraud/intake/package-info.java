/**
 * Batch intake of spreadsheets (.xlsx and .csv): discipline determinations, account risk
 * signals and high-risk phone cards, each row checked by the owning module's own
 * validation, all-or-nothing unless only the valid rows are asked for, idempotent by each
 * row's natural key, and streamed so a 100,000-row file needs little memory.
 */
package org.antifraud.intake;
