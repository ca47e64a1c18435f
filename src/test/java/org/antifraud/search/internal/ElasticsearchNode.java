package org.antifraud.search.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The Elasticsearch node of this test run. */
public final class ElasticsearchNode {

	private ElasticsearchNode() {
	}

	/**
	 * {@code ES_URL}, or the node {@code infra/elasticsearch/start.sh} started (the
	 * failsafe phase runs it).
	 */
	public static String url() {
		String url = System.getenv("ES_URL");
		if (url != null && !url.isBlank()) {
			return url;
		}
		try {
			return Files.readString(Path.of("target", "elasticsearch", "url")).strip();
		}
		catch (IOException ex) {
			throw new IllegalStateException(
					"No Elasticsearch for the tests: run infra/elasticsearch/start.sh or set ES_URL", ex);
		}
	}

}
