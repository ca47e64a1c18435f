package org.antifraud.search.internal;

import java.io.IOException;
import java.util.UUID;

import org.antifraud.search.CaseSearch;
import org.antifraud.search.SearchDocument;
import org.antifraud.search.SearchProperties;
import org.junit.jupiter.api.AfterEach;

/**
 * The same contract on a real Elasticsearch 8.19 node (started for the test run by
 * {@code infra/elasticsearch/start.sh}, which the failsafe phase runs), each test on a
 * fresh index.
 */
class ElasticsearchCaseSearchIT extends CaseSearchContract {

	private ElasticsearchCaseSearch elasticsearch;

	@Override
	CaseSearch open() {
		this.elasticsearch = new ElasticsearchCaseSearch(new SearchProperties.Elasticsearch(ElasticsearchNode.url(),
				"contract-" + UUID.randomUUID().toString().substring(0, 8), null, null));
		this.elasticsearch.createIndexIfMissing();
		return this.elasticsearch;
	}

	@Override
	void index(SearchDocument document, long version) {
		super.index(document, version);
		this.elasticsearch.refresh();
	}

	@AfterEach
	void close() throws IOException {
		this.elasticsearch.deleteIndex();
		this.elasticsearch.close();
	}

}
