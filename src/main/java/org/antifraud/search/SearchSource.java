package org.antifraud.search;

import java.util.List;

/**
 * What a module indexes for a case: the case itself, or (for the document module) the
 * letters and attachments on it. Called after a case changed and on a full reindex.
 */
public interface SearchSource {

	/**
	 * The items this module has for the case, as they are now; empty when the case is not
	 * one of this module's.
	 */
	List<SearchDocument> documents(String caseRef);

}
