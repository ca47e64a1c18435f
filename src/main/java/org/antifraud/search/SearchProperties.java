package org.antifraud.search;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of search ({@code antifraud.search.*}).
 *
 * @param backend {@code lucene} (embedded, single node, the default) or
 * {@code elasticsearch}
 * @param indexDir where the Lucene index lives
 */
@ConfigurationProperties("antifraud.search")
public record SearchProperties(String backend, Path indexDir) {

	public SearchProperties {
		backend = (backend != null) ? backend : "lucene";
		indexDir = (indexDir != null) ? indexDir : Path.of("data", "search");
	}

}
