package org.antifraud.search.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.antifraud.common.ApiException;
import org.antifraud.search.CaseSearch;
import org.antifraud.search.SearchDocument;
import org.antifraud.search.SearchProperties;
import org.antifraud.search.SearchQuery;
import org.antifraud.search.SearchResult;
import org.antifraud.security.Actor;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;

import org.springframework.http.HttpStatus;

/**
 * The index on an Elasticsearch 8.19 cluster through {@code elasticsearch-java}: the same
 * fields, analysis (the {@code standard} analyzer) and query shape as the Lucene index,
 * so both answer alike. Writes use external versions, so a late event never overwrites
 * newer data; a cluster that is down fails the write, and the event is tried again.
 */
public class ElasticsearchCaseSearch implements CaseSearch, AutoCloseable {

	private static final int CONFLICT = 409;

	private static final String DEFINITION = "/elasticsearch/cases-index.json";

	private static final String[] HIGHLIGHTED = { "title", "names", "text" };

	private final ObjectMapper json = new ObjectMapper();

	private final RestClient rest;

	private final ElasticsearchClient client;

	private final String index;

	private volatile boolean ready;

	public ElasticsearchCaseSearch(SearchProperties.Elasticsearch properties) {
		List<Header> headers = new ArrayList<>();
		if (properties.username() != null) {
			headers.add(new BasicHeader("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString(
						(properties.username() + ":" + properties.password()).getBytes(StandardCharsets.UTF_8))));
		}
		this.rest = RestClient.builder(HttpHost.create(properties.url()))
			.setDefaultHeaders(headers.toArray(Header[]::new))
			.build();
		this.client = new ElasticsearchClient(new RestClientTransport(this.rest, new JacksonJsonpMapper()));
		this.index = properties.index();
	}

	/**
	 * Puts an index template carrying the shipped settings and mappings (so even an index
	 * a write re-creates after someone deleted it gets them, never guessed ones), then
	 * creates the index unless it exists.
	 */
	void createIndexIfMissing() {
		if (this.ready) {
			return;
		}
		try {
			ObjectNode template = this.json.createObjectNode();
			template.putArray("index_patterns").add(this.index);
			template.put("priority", 500);
			try (InputStream definition = getClass().getResourceAsStream(DEFINITION)) {
				template.set("template", this.json.readTree(definition));
			}
			Request put = new Request("PUT", "/_index_template/" + this.index);
			put.setJsonEntity(template.toString());
			this.rest.performRequest(put);
			if (!this.client.indices().exists((e) -> e.index(this.index)).value()) {
				this.client.indices().create((c) -> c.index(this.index));
			}
			this.ready = true;
		}
		catch (ElasticsearchException ex) {
			if (!"resource_already_exists_exception".equals(ex.error().type())) {
				throw ex;
			}
			this.ready = true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Elasticsearch is not reachable", ex);
		}
	}

	/**
	 * Whether the index is gone from the cluster (deleted by hand, a restored snapshot
	 * without it): it is created again, empty, and a reindex fills it.
	 */
	private boolean lost(ElasticsearchException ex) {
		if (!"index_not_found_exception".equals(ex.error().type())) {
			return false;
		}
		this.ready = false;
		createIndexIfMissing();
		return true;
	}

	@Override
	public String backend() {
		return "elasticsearch";
	}

	@Override
	public void index(Collection<SearchDocument> documents, long version) {
		// never let a write create the index with guessed mappings
		createIndexIfMissing();
		for (SearchDocument document : documents) {
			try {
				this.client.index((i) -> i.index(this.index)
					.id(document.key())
					.version(version)
					.versionType(VersionType.ExternalGte)
					.document(source(document, version)));
			}
			catch (ElasticsearchException ex) {
				// a newer version is already there: nothing to do
				if (ex.status() != CONFLICT) {
					throw ex;
				}
			}
			catch (ResponseException ex) {
				if (ex.getResponse().getStatusLine().getStatusCode() != CONFLICT) {
					throw new UncheckedIOException("Elasticsearch refused the write", ex);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Elasticsearch is not reachable", ex);
			}
		}
	}

	/**
	 * Writes many items in one request (a reindex, a benchmark); like {@link #index}, an
	 * item the index holds at a newer version is left alone.
	 */
	public void bulk(List<SearchDocument> documents, long version) {
		createIndexIfMissing();
		try {
			BulkResponse response = this.client.bulk((b) -> {
				for (SearchDocument document : documents) {
					b.operations((o) -> o.index((i) -> i.index(this.index)
						.id(document.key())
						.version(version)
						.versionType(VersionType.ExternalGte)
						.document(source(document, version))));
				}
				return b;
			});
			if (response.errors()) {
				response.items()
					.stream()
					.filter((item) -> item.error() != null && item.status() != CONFLICT)
					.findFirst()
					.ifPresent((item) -> {
						throw new IllegalStateException(
								"Elasticsearch refused " + item.id() + ": " + item.error().reason());
					});
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Elasticsearch is not reachable", ex);
		}
	}

	/** Makes what was written visible to searches now (tests, after a bulk load). */
	public void refresh() {
		try {
			this.client.indices().refresh((r) -> r.index(this.index));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Map<String, Object> source(SearchDocument d, long version) {
		Map<String, Object> source = new LinkedHashMap<>();
		source.put("key", d.key());
		source.put("type", d.type());
		source.put("id", d.id());
		source.put("caseRef", d.caseRef());
		source.put("status", d.status());
		source.put("agency", d.agency());
		source.put("readers", List.copyOf(d.readers()));
		if (d.date() != null) {
			source.put("date", d.date().toString());
			source.put("year", String.valueOf(d.date().getYear()));
		}
		SearchFields.Indexed indexed = SearchFields.Indexed.of(d);
		source.put("ids", indexed.ids());
		source.put("suffixes", indexed.suffixes());
		source.put("title", indexed.title());
		source.put("names", indexed.names());
		source.put("text", indexed.text());
		source.put("version", version);
		return source;
	}

	@Override
	public SearchResult search(SearchQuery query, Actor actor) {
		List<String> tokens = SearchFields.tokens(query.text());
		List<List<String>> terms = SearchFields.terms(tokens);
		ObjectNode body = this.json.createObjectNode();
		body.put("from", query.page() * query.size());
		body.put("size", query.size());
		body.put("track_total_hits", true);
		ObjectNode bool = body.putObject("query").putObject("bool");
		bool.set("must", match(tokens, terms));
		ArrayNode filter = bool.putArray("filter");
		if (!actor.readsEverything()) {
			filter.addObject().putObject("term").put("readers", actor.agencyCode());
		}
		term(filter, "type", query.type());
		term(filter, "status", query.status());
		term(filter, "agency", query.agency());
		if (query.from() != null || query.to() != null) {
			ObjectNode range = filter.addObject().putObject("range").putObject("date");
			if (query.from() != null) {
				range.put("gte", query.from().toString());
			}
			if (query.to() != null) {
				range.put("lte", query.to().toString());
			}
		}
		ArrayNode sort = body.putArray("sort");
		sort.addObject().putObject("_score").put("order", "desc");
		sort.addObject().putObject("date").put("order", "desc").put("missing", "_last");
		ObjectNode aggregations = body.putObject("aggs");
		for (String dimension : LuceneCaseSearch.FACETS) {
			aggregations.putObject(dimension).putObject("terms").put("field", dimension).put("size", 100);
		}
		highlight(body, terms);
		try {
			SearchResponse<ObjectNode> response = this.client
				.search((s) -> s.index(this.index).withJson(new StringReader(body.toString())), ObjectNode.class);
			List<SearchResult.Hit> hits = new ArrayList<>();
			for (Hit<ObjectNode> hit : response.hits().hits()) {
				ObjectNode source = hit.source();
				List<String> snippets = new ArrayList<>();
				for (String field : HIGHLIGHTED) {
					hit.highlight()
						.getOrDefault(field, List.of())
						.forEach((fragment) -> snippets.add(SearchFields.snippet(fragment)));
				}
				hits.add(new SearchResult.Hit(source.path("type").asText(), source.path("id").asText(),
						source.path("caseRef").asText(), source.path("title").asText(), source.path("status").asText(),
						snippets));
			}
			Map<String, Map<String, Long>> facets = SearchFields.emptyFacets();
			facets.forEach((dimension, counts) -> {
				Aggregate aggregate = response.aggregations().get(dimension);
				if (aggregate != null && aggregate.isSterms()) {
					for (StringTermsBucket bucket : aggregate.sterms().buckets().array()) {
						counts.put(bucket.key().stringValue(), bucket.docCount());
					}
				}
			});
			return new SearchResult(response.hits().total().value(), hits, facets);
		}
		catch (ElasticsearchException ex) {
			if (lost(ex)) {
				return new SearchResult(0, List.of(), SearchFields.emptyFacets());
			}
			throw ex;
		}
		catch (IOException ex) {
			throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "search.unavailable");
		}
	}

	/** The same clauses as the Lucene index builds, in the query DSL. */
	private ArrayNode match(List<String> tokens, List<List<String>> terms) {
		ArrayNode must = this.json.createArrayNode();
		if (tokens.isEmpty()) {
			must.addObject().putObject("match_all");
			return must;
		}
		for (int i = 0; i < tokens.size(); i++) {
			String token = tokens.get(i);
			ObjectNode one = must.addObject().putObject("bool");
			one.put("minimum_should_match", 1);
			ArrayNode should = one.putArray("should");
			should.addObject()
				.putObject("term")
				.putObject("ids")
				.put("value", SearchFields.identifier(token))
				.put("boost", 20);
			if (SearchFields.isNumberTail(token)) {
				should.addObject().putObject("term").putObject("suffixes").put("value", token).put("boost", 10);
			}
			if (!terms.get(i).isEmpty()) {
				ObjectNode every = should.addObject().putObject("bool");
				ArrayNode all = every.putArray("must");
				terms.get(i).forEach((term) -> all.addObject().putObject("term").put("all", term));
				if (terms.get(i).size() > 1) {
					should.addObject().putObject("match_phrase").putObject("all").put("query", token).put("boost", 5);
					should.addObject().putObject("match_phrase").putObject("names").put("query", token).put("boost", 8);
				}
			}
		}
		return must;
	}

	private void highlight(ObjectNode body, List<List<String>> terms) {
		ObjectNode highlight = body.putObject("highlight");
		highlight.putArray("pre_tags").add("<em>");
		highlight.putArray("post_tags").add("</em>");
		highlight.put("encoder", "html");
		ObjectNode fields = highlight.putObject("fields");
		for (String field : HIGHLIGHTED) {
			ObjectNode options = fields.putObject(field);
			options.put("number_of_fragments", "text".equals(field) ? 2 : 1);
			options.put("fragment_size", 100);
			ArrayNode should = options.putObject("highlight_query").putObject("bool").putArray("should");
			terms.stream()
				.flatMap(List::stream)
				.distinct()
				.forEach((term) -> should.addObject().putObject("term").put(field, term));
		}
	}

	private static void term(ArrayNode filter, String field, String value) {
		if (value != null && !value.isBlank()) {
			filter.addObject().putObject("term").put(field, value);
		}
	}

	@Override
	public long count() {
		try {
			return this.client.count((c) -> c.index(this.index)).count();
		}
		catch (ElasticsearchException ex) {
			if (lost(ex)) {
				return 0;
			}
			throw ex;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public long maxVersion() {
		try {
			SearchResponse<Void> response = this.client.search(
					(s) -> s.index(this.index).size(0).aggregations("max", (a) -> a.max((m) -> m.field("version"))),
					Void.class);
			Double max = response.aggregations().get("max").max().value();
			return (max == null || max.isNaN() || max.isInfinite()) ? 0 : max.longValue();
		}
		catch (ElasticsearchException ex) {
			if (lost(ex)) {
				return 0;
			}
			throw ex;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Drops the index (a test's own index). */
	void deleteIndex() {
		try {
			this.client.indices().delete((d) -> d.index(this.index));
			this.ready = false;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() throws IOException {
		this.rest.close();
	}

}
