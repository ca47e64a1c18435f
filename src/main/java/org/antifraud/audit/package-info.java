/**
 * The append-only, hash-chained audit trail of every state change and every reveal of
 * personal data. Each row carries the hash of the one before it, so a verify operation
 * detects any row changed or removed after the fact.
 */
package org.antifraud.audit;
