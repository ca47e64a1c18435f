package org.antifraud.search.internal;

import org.antifraud.common.RegisteredEventExecutor;
import org.antifraud.search.SearchProperties;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Picks the search backend by configuration. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SearchConfiguration {

	/**
	 * The threads that index: apart from the application's task executor, so that
	 * indexing never holds up notifications. The application keeps its own executor
	 * ({@code spring.task.execution.mode: force}). Several, so that the events indexed
	 * while a commit runs or waits for them share it ({@link LuceneCaseSearch#index}); a
	 * thread waiting for its commit uses no CPU.
	 */
	@Bean(SearchIndexer.EXECUTOR)
	RegisteredEventExecutor searchIndexExecutor() {
		return new RegisteredEventExecutor("search-index-", SearchIndexer.THREADS);
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnProperty(name = "antifraud.search.backend", havingValue = "lucene", matchIfMissing = true)
	LuceneCaseSearch luceneCaseSearch(SearchProperties properties) {
		return new LuceneCaseSearch(properties, SearchIndexer.THREADS);
	}

	/**
	 * The Elasticsearch index; created at start when the cluster is up, else on the first
	 * write that reaches it.
	 */
	@Bean(destroyMethod = "close")
	@ConditionalOnProperty(name = "antifraud.search.backend", havingValue = "elasticsearch")
	ElasticsearchCaseSearch elasticsearchCaseSearch(SearchProperties properties) {
		ElasticsearchCaseSearch search = new ElasticsearchCaseSearch(properties.elasticsearch());
		try {
			search.createIndexIfMissing();
		}
		catch (RuntimeException ex) {
			LoggerFactory.getLogger(SearchConfiguration.class)
				.warn("Elasticsearch at {} is not reachable yet; indexing catches up once it is",
						properties.elasticsearch().url());
		}
		return search;
	}

}
