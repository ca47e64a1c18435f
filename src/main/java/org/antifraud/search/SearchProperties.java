package org.antifraud.search;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of search ({@code antifraud.search.*}).
 *
 * @param backend {@code lucene} (embedded, single node, the default) or
 * {@code elasticsearch}
 * @param indexDir where the Lucene index lives
 * @param elasticsearch where the Elasticsearch cluster is
 * @param retryDelay how often index events that failed are tried again (one minute)
 */
@ConfigurationProperties("antifraud.search")
public record SearchProperties(String backend, Path indexDir, Elasticsearch elasticsearch, Duration retryDelay) {

	public SearchProperties {
		retryDelay = (retryDelay != null) ? retryDelay : Duration.ofMinutes(1);
		backend = (backend != null) ? backend : "lucene";
		indexDir = (indexDir != null) ? indexDir : Path.of("data", "search");
		elasticsearch = (elasticsearch != null) ? elasticsearch : new Elasticsearch(null, null, null, null);
	}

	/** The embedded default on a directory. */
	public static SearchProperties lucene(Path indexDir) {
		return new SearchProperties("lucene", indexDir, null, null);
	}

	/**
	 * The Elasticsearch cluster.
	 *
	 * @param url its HTTP address
	 * @param index the index name (created with
	 * {@code infra/elasticsearch/cases-index.json} when missing)
	 * @param username a user, when the cluster has security on
	 * @param password that user's password
	 */
	public record Elasticsearch(String url, String index, String username, String password) {

		public Elasticsearch {
			url = (url != null) ? url : "http://localhost:9200";
			index = (index != null) ? index : "cases";
		}

	}

}
