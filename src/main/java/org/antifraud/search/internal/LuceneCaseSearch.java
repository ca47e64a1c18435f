package org.antifraud.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.BreakIterator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;

import org.antifraud.search.CaseSearch;
import org.antifraud.search.SearchDocument;
import org.antifraud.search.SearchProperties;
import org.antifraud.search.SearchQuery;
import org.antifraud.search.SearchResult;
import org.antifraud.security.Actor;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * The embedded index: Lucene under {@code antifraud.search.index-dir}, single node (a
 * second node on the same index fails at start with a clear message). Chinese is
 * tokenized by the standard analyzer into single characters, as Elasticsearch's
 * {@code standard} analyzer does, so both backends answer alike: every term of a query
 * must occur, and the exact sequence ranks far above scattered characters.
 */
public class LuceneCaseSearch implements CaseSearch, AutoCloseable {

	static final String[] FACETS = { "type", "status", "agency", "year" };

	private static final String[] HIGHLIGHTED = { "title", "names", "text" };

	private static final int PASSAGE_LENGTH = 100;

	private final Analyzer analyzer = SearchFields.ANALYZER;

	private final FacetsConfig facets = new FacetsConfig();

	private final FSDirectory directory;

	private final IndexWriter writer;

	private final SearcherManager searchers;

	private final Map<IndexReader, SortedSetDocValuesReaderState> facetStates = new WeakHashMap<>();

	private static final String MAX_VERSION = "maxVersion";

	/**
	 * The version as doc values, so it can move on without rewriting an unchanged item.
	 */
	private static final String REVISION = "revision";

	private volatile long maxVersion;

	/** The highest version written, committed or not. */
	private long pendingVersion;

	/** Writes made, numbered; the last one a commit holds. */
	private long written;

	private long committed;

	/**
	 * How long a commit waits for other threads' writes to join it: a fan-out's cases
	 * arrive some milliseconds apart, and each commit writes and syncs a segment.
	 */
	static final Duration LINGER = Duration.ofMillis(20);

	private final int writers;

	private final Duration linger;

	/** Threads that have written and wait for, or run, the commit that holds it. */
	private int waiting;

	/** Held while a commit runs (tests hold it to stage writes behind one). */
	final Object committing = new Object();

	/** Items written since the searcher's last refresh, as they were written. */
	private final Map<String, Stored> unrefreshed = new HashMap<>();

	public LuceneCaseSearch(SearchProperties properties) {
		this(properties, 1);
	}

	/**
	 * An index written by {@code writers} threads at most: a commit waits a little
	 * ({@link #LINGER}) for writes the others are making, unless all of them have written
	 * already.
	 */
	public LuceneCaseSearch(SearchProperties properties, int writers) {
		this(properties, writers, LINGER);
	}

	LuceneCaseSearch(SearchProperties properties, int writers, Duration linger) {
		this.writers = writers;
		this.linger = linger;
		try {
			Files.createDirectories(properties.indexDir());
			this.directory = FSDirectory.open(properties.indexDir());
			this.writer = new IndexWriter(this.directory, new IndexWriterConfig(this.analyzer));
			this.searchers = new SearcherManager(this.writer, null);
			if (DirectoryReader.indexExists(this.directory)) {
				try (DirectoryReader reader = DirectoryReader.open(this.directory)) {
					this.maxVersion = Long
						.parseLong(reader.getIndexCommit().getUserData().getOrDefault(MAX_VERSION, "0"));
				}
			}
		}
		catch (LockObtainFailedException ex) {
			throw new IllegalStateException("The search index in " + properties.indexDir().toAbsolutePath()
					+ " is held by another node. The embedded Lucene backend runs on one node only; "
					+ "for several nodes set antifraud.search.backend=elasticsearch.", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot open the search index in " + properties.indexDir(), ex);
		}
	}

	@Override
	public String backend() {
		return "lucene";
	}

	/**
	 * Writes the items and returns once a commit holds them. Writes made while a commit
	 * runs, or while it waits up to {@link #LINGER} for the other indexing threads, share
	 * one (group commit): each commit writes and syncs a new segment and refreshes the
	 * searcher, most of what an item cost when items came one case at a time.
	 */
	@Override
	public void index(Collection<SearchDocument> documents, long version) {
		long ticket;
		try {
			synchronized (this) {
				IndexSearcher searcher = this.searchers.acquire();
				try {
					for (SearchDocument document : documents) {
						write(searcher, document, version);
					}
				}
				finally {
					this.searchers.release(searcher);
				}
				ticket = written(version);
			}
			commitUpTo(ticket);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the search index", ex);
		}
	}

	/** Counts a write done, under this object's lock; answers its number. */
	private long written(long version) {
		this.pendingVersion = Math.max(this.pendingVersion, version);
		this.waiting++;
		notifyAll();
		return ++this.written;
	}

	/**
	 * Writes one item unless the index holds it at a later version, or unchanged. What
	 * was written since the searcher's last refresh is looked up in {@link #unrefreshed}
	 * first: the searcher does not see it yet.
	 */
	private void write(IndexSearcher searcher, SearchDocument document, long version) throws IOException {
		Stored stored = this.unrefreshed.get(document.key());
		if (stored == null) {
			stored = stored(searcher, document.key());
		}
		if (stored != null && stored.version() > version) {
			return;
		}
		String hash = hash(document);
		if (stored != null && hash.equals(stored.hash())) {
			// unchanged (a case touched by one answer re-reads all its letters): only
			// its version moves on, in place
			if (stored.version() < version) {
				this.writer.updateNumericDocValue(new Term("key", document.key()), REVISION, version);
				this.unrefreshed.put(document.key(), new Stored(version, hash));
			}
			return;
		}
		this.writer.updateDocument(new Term("key", document.key()),
				this.facets.build(document(document, version, hash)));
		this.unrefreshed.put(document.key(), new Stored(version, hash));
	}

	/**
	 * Writes many items without a commit per item (a reindex, a benchmark); one commit
	 * and refresh at the end.
	 */
	public void bulk(Iterable<SearchDocument> documents, long version) {
		long ticket;
		try {
			synchronized (this) {
				for (SearchDocument document : documents) {
					String hash = hash(document);
					this.writer.updateDocument(new Term("key", document.key()),
							this.facets.build(document(document, version, hash)));
					this.unrefreshed.put(document.key(), new Stored(version, hash));
				}
				ticket = written(version);
			}
			commitUpTo(ticket);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the search index", ex);
		}
	}

	/**
	 * What the index holds of an item: the version it was read at and its content hash.
	 */
	private record Stored(long version, String hash) {
	}

	private static Stored stored(IndexSearcher searcher, String key) throws IOException {
		TopDocs found = searcher.search(new TermQuery(new Term("key", key)), 1);
		if (found.scoreDocs.length == 0) {
			return null;
		}
		int doc = found.scoreDocs[0].doc;
		Document stored = searcher.storedFields().document(doc, Set.of("version", "hash"));
		long version = stored.getField("version").numericValue().longValue();
		// a version moved on in place lives in the doc values
		List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
		LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
		NumericDocValues revisions = leaf.reader().getNumericDocValues(REVISION);
		if (revisions != null && revisions.advanceExact(doc - leaf.docBase)) {
			version = Math.max(version, revisions.longValue());
		}
		IndexableField hash = stored.getField("hash");
		return new Stored(version, (hash != null) ? hash.stringValue() : null);
	}

	/** A digest of everything the index keeps of an item (readers in a fixed order). */
	static String hash(SearchDocument d) {
		String canonical = String.join("\u001f", d.type(), d.id(), d.caseRef(), d.title(), d.status(),
				String.valueOf(d.agency()), String.join(",", new TreeSet<>(d.readers())), String.valueOf(d.date()),
				String.join(",", d.identifiers()), String.join(",", d.numbers()), d.names(), d.text());
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Document document(SearchDocument d, long version, String hash) {
		Document doc = new Document();
		doc.add(new StringField("key", d.key(), Field.Store.YES));
		doc.add(new StringField("type", d.type(), Field.Store.YES));
		doc.add(new StoredField("id", d.id()));
		doc.add(new StoredField("caseRef", d.caseRef()));
		doc.add(new StringField("status", d.status(), Field.Store.YES));
		doc.add(new SortedSetDocValuesFacetField("type", d.type()));
		doc.add(new SortedSetDocValuesFacetField("status", d.status()));
		if (d.agency() != null) {
			doc.add(new StringField("agency", d.agency(), Field.Store.NO));
			doc.add(new SortedSetDocValuesFacetField("agency", d.agency()));
		}
		d.readers().forEach((reader) -> doc.add(new StringField("readers", reader, Field.Store.NO)));
		if (d.date() != null) {
			doc.add(new LongPoint("date", d.date().toEpochDay()));
			doc.add(new NumericDocValuesField("dateSort", d.date().toEpochDay()));
			doc.add(new SortedSetDocValuesFacetField("year", String.valueOf(d.date().getYear())));
		}
		SearchFields.Indexed indexed = SearchFields.Indexed.of(d);
		indexed.ids().forEach((id) -> doc.add(new StringField("ids", id, Field.Store.NO)));
		indexed.suffixes().forEach((suffix) -> doc.add(new StringField("suffixes", suffix, Field.Store.NO)));
		doc.add(new TextField("title", indexed.title(), Field.Store.YES));
		doc.add(new TextField("names", indexed.names(), Field.Store.YES));
		doc.add(new TextField("text", indexed.text(), Field.Store.YES));
		doc.add(new TextField("all", indexed.title() + "\n" + indexed.names() + "\n" + indexed.text(), Field.Store.NO));
		doc.add(new StoredField("version", version));
		doc.add(new NumericDocValuesField(REVISION, version));
		doc.add(new StoredField("hash", hash));
		return doc;
	}

	@Override
	public SearchResult search(SearchQuery query, Actor actor) {
		List<List<String>> tokens = SearchFields.terms(SearchFields.tokens(query.text()));
		BooleanQuery.Builder filtered = new BooleanQuery.Builder();
		filtered.add(match(query.text(), tokens), Occur.MUST);
		if (!actor.readsEverything()) {
			filtered.add(new TermQuery(new Term("readers", actor.agencyCode())), Occur.FILTER);
		}
		filter(filtered, "type", query.type());
		filter(filtered, "status", query.status());
		filter(filtered, "agency", query.agency());
		if (query.from() != null || query.to() != null) {
			filtered.add(
					LongPoint.newRangeQuery("date", (query.from() != null) ? query.from().toEpochDay() : Long.MIN_VALUE,
							(query.to() != null) ? query.to().toEpochDay() : Long.MAX_VALUE),
					Occur.FILTER);
		}
		Query full = filtered.build();
		int wanted = (query.page() + 1) * query.size();
		try {
			IndexSearcher searcher = this.searchers.acquire();
			try {
				Sort sort = new Sort(SortField.FIELD_SCORE, new SortField("dateSort", SortField.Type.LONG, true));
				Object[] results = searcher.search(full,
						new MultiCollectorManager(new TopFieldCollectorManager(sort, wanted, null, Integer.MAX_VALUE),
								new FacetsCollectorManager()));
				TopDocs top = (TopDocs) results[0];
				FacetsCollector facetHits = (FacetsCollector) results[1];
				List<ScoreDoc> page = new ArrayList<>();
				for (int i = query.page() * query.size(); i < top.scoreDocs.length; i++) {
					page.add(top.scoreDocs[i]);
				}
				return new SearchResult(top.totalHits.value, hits(searcher, page, tokens), facets(searcher, facetHits));
			}
			finally {
				this.searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot search the index", ex);
		}
	}

	private static void filter(BooleanQuery.Builder builder, String field, String value) {
		if (value != null && !value.isBlank()) {
			builder.add(new TermQuery(new Term(field, value)), Occur.FILTER);
		}
	}

	/**
	 * Every typed token must match: as an exact identifier, as the tail of a number, or
	 * as text whose every term occurs (with the unbroken phrase, and a name, ranked far
	 * higher).
	 */
	private Query match(String text, List<List<String>> analyzed) {
		List<String> tokens = SearchFields.tokens(text);
		if (tokens.isEmpty()) {
			return new MatchAllDocsQuery();
		}
		BooleanQuery.Builder all = new BooleanQuery.Builder();
		for (int i = 0; i < tokens.size(); i++) {
			String token = tokens.get(i);
			List<String> terms = analyzed.get(i);
			BooleanQuery.Builder one = new BooleanQuery.Builder();
			one.add(new BoostQuery(new TermQuery(new Term("ids", SearchFields.identifier(token))), 20), Occur.SHOULD);
			if (SearchFields.isNumberTail(token)) {
				one.add(new BoostQuery(new TermQuery(new Term("suffixes", token)), 10), Occur.SHOULD);
			}
			if (!terms.isEmpty()) {
				BooleanQuery.Builder every = new BooleanQuery.Builder();
				terms.forEach((term) -> every.add(new TermQuery(new Term("all", term)), Occur.MUST));
				one.add(every.build(), Occur.SHOULD);
				if (terms.size() > 1) {
					one.add(new BoostQuery(new PhraseQuery("all", terms.toArray(String[]::new)), 5), Occur.SHOULD);
					one.add(new BoostQuery(new PhraseQuery("names", terms.toArray(String[]::new)), 8), Occur.SHOULD);
				}
			}
			all.add(one.build(), Occur.MUST);
		}
		return all.build();
	}

	private List<SearchResult.Hit> hits(IndexSearcher searcher, List<ScoreDoc> page, List<List<String>> analyzed)
			throws IOException {
		int[] docIds = page.stream().mapToInt((hit) -> hit.doc).toArray();
		Map<String, String[]> highlights = Map.of();
		BooleanQuery.Builder terms = new BooleanQuery.Builder();
		analyzed.stream()
			.flatMap(List::stream)
			.distinct()
			.forEach((term) -> List.of(HIGHLIGHTED)
				.forEach((field) -> terms.add(new TermQuery(new Term(field, term)), Occur.SHOULD)));
		BooleanQuery highlightQuery = terms.build();
		if (docIds.length > 0 && !highlightQuery.clauses().isEmpty()) {
			UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, this.analyzer)
				.withFormatter(new DefaultPassageFormatter("<em>", "</em>", "…", true))
				.withMaxLength(100_000)
				.withBreakIterator(LuceneCaseSearch::passages)
				.build();
			highlights = highlighter.highlightFields(HIGHLIGHTED, highlightQuery, docIds, new int[] { 1, 1, 2 });
		}
		StoredFields stored = searcher.storedFields();
		List<SearchResult.Hit> hits = new ArrayList<>();
		for (int i = 0; i < docIds.length; i++) {
			Document doc = stored.document(docIds[i]);
			List<String> snippets = new ArrayList<>();
			for (String field : HIGHLIGHTED) {
				String[] values = highlights.get(field);
				if (values != null && values[i] != null && values[i].contains("<em>")) {
					snippets.add(SearchFields.snippet(values[i]));
				}
			}
			hits.add(new SearchResult.Hit(doc.get("type"), doc.get("id"), doc.get("caseRef"), doc.get("title"),
					doc.get("status"), snippets));
		}
		return hits;
	}

	/**
	 * Passages of about {@value #PASSAGE_LENGTH} characters around a match, as
	 * Elasticsearch's fragment size gives: the sentence iterator alone would return a
	 * whole page of Chinese text that has no full stop it recognises.
	 */
	private static BreakIterator passages() {
		return LengthGoalBreakIterator.createClosestToLength(BreakIterator.getWordInstance(Locale.ROOT), PASSAGE_LENGTH,
				0.5f);
	}

	private Map<String, Map<String, Long>> facets(IndexSearcher searcher, FacetsCollector hits) throws IOException {
		Map<String, Map<String, Long>> counts = SearchFields.emptyFacets();
		SortedSetDocValuesReaderState state = facetState(searcher.getIndexReader());
		if (state == null) {
			return counts;
		}
		Facets facetCounts = new SortedSetDocValuesFacetCounts(state, hits);
		for (String dimension : FACETS) {
			FacetResult result;
			try {
				result = facetCounts.getTopChildren(100, dimension);
			}
			catch (IllegalArgumentException ex) {
				// no item has this dimension yet
				continue;
			}
			if (result != null) {
				for (LabelAndValue value : result.labelValues) {
					counts.get(dimension).put(value.label, value.value.longValue());
				}
			}
		}
		return counts;
	}

	private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
		synchronized (this.facetStates) {
			if (reader.numDocs() == 0) {
				return null;
			}
			SortedSetDocValuesReaderState state = this.facetStates.get(reader);
			if (state == null) {
				state = new DefaultSortedSetDocValuesReaderState(reader, this.facets);
				this.facetStates.put(reader, state);
			}
			return state;
		}
	}

	@Override
	public long count() {
		try {
			IndexSearcher searcher = this.searchers.acquire();
			try {
				return searcher.getIndexReader().numDocs();
			}
			finally {
				this.searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public long maxVersion() {
		return this.maxVersion;
	}

	/**
	 * Commits, unless a commit since the write numbered {@code ticket} holds it already.
	 * One commit at a time: writes made while it runs, or while it waits for the other
	 * writers ({@link #linger}), are in it or wait for the next.
	 */
	private void commitUpTo(long ticket) throws IOException {
		try {
			synchronized (this.committing) {
				if (this.committed < ticket) {
					linger();
					commit();
				}
			}
		}
		finally {
			synchronized (this) {
				this.waiting--;
			}
		}
	}

	/**
	 * Waits up to {@link #LINGER} for the other writers' writes, unless every writer has
	 * written and waits already.
	 */
	private synchronized void linger() {
		long until = System.nanoTime() + this.linger.toNanos();
		while (this.waiting < this.writers) {
			long left = until - System.nanoTime();
			if (left <= 0) {
				return;
			}
			try {
				TimeUnit.NANOSECONDS.timedWait(this, left);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/**
	 * Commits everything written, the highest version in the commit's user data, and
	 * refreshes the searcher; under {@link #committing}.
	 */
	private void commit() throws IOException {
		long upTo;
		long version;
		Map<String, Stored> written;
		synchronized (this) {
			upTo = this.written;
			version = Math.max(this.maxVersion, this.pendingVersion);
			written = Map.copyOf(this.unrefreshed);
			this.writer.setLiveCommitData(Map.of(MAX_VERSION, String.valueOf(version)).entrySet());
		}
		this.writer.commit();
		this.searchers.maybeRefreshBlocking();
		synchronized (this) {
			// the refreshed searcher sees them now, unless written again since
			written.forEach(this.unrefreshed::remove);
			this.maxVersion = version;
		}
		this.committed = upTo;
	}

	@Override
	public void close() throws IOException {
		this.searchers.close();
		this.writer.close();
		this.directory.close();
	}

}
