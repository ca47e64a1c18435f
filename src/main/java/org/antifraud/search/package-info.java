/**
 * Full-text search over cases and documents: one {@link org.antifraud.search.CaseSearch}
 * port with an embedded Lucene adapter (default) and an Elasticsearch adapter, kept up to
 * date from {@link org.antifraud.audit.CaseTouched} events, trimmed to what the caller
 * may open inside the query. Modules contribute what they index through
 * {@link org.antifraud.search.SearchSource}.
 */
package org.antifraud.search;
