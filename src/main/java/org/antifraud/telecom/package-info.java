/**
 * Telecom operators' side: secondary real-person verification (二次实人认证) of high-risk phone
 * cards within 24 hours, suspension when not verified, restoration when verified or on an
 * upheld objection, and the per-operator card-count check (at most five active cards per
 * person).
 */
package org.antifraud.telecom;
