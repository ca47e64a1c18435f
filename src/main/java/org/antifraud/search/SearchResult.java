package org.antifraud.search;

import java.util.List;
import java.util.Map;

/**
 * One page of hits with the total and the facets, all limited to what the caller may
 * open.
 *
 * @param total how many items match
 * @param items this page's hits, best first
 * @param facets counts per value of type, status, agency and year
 */
public record SearchResult(long total, List<Hit> items, Map<String, Map<String, Long>> facets) {

	/**
	 * A hit.
	 *
	 * @param type the item's type
	 * @param id the item's id
	 * @param caseRef the case it belongs to
	 * @param title the result line (identifiers masked)
	 * @param status the item's status
	 * @param snippets passages with the matches in {@code <em>}; all other markup escaped
	 */
	public record Hit(String type, String id, String caseRef, String title, String status, List<String> snippets) {
	}

}
