package org.antifraud.search;

import java.util.Collection;

import org.antifraud.security.Actor;

/**
 * The search index, whichever backend holds it.
 */
public interface CaseSearch {

	/**
	 * Writes items unless the index holds them at a newer version: an event processed
	 * late never overwrites newer data.
	 * @param version the version of the data, growing with every change of the case
	 */
	void index(Collection<SearchDocument> documents, long version);

	/**
	 * Searches what {@code actor} may open; totals and facets are trimmed the same way.
	 */
	SearchResult search(SearchQuery query, Actor actor);

	/** How many items the index holds. */
	long count();

	/** The highest version the index holds. */
	long maxVersion();

	/** The backend's name: lucene or elasticsearch. */
	String backend();

}
