package io.storyline.store;

import io.storyline.stories.Story;
import io.storyline.stories.Topic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;

/**
 * The read side of the store: queries over the last commit only, so that what readers see is exactly what is
 * durable (an article never shows before its {@link Store#add} returned, and never disappears after a crash).
 * Refreshed by {@link GroupCommit} after every commit. Thread-safe.
 */
final class StoreReader implements AutoCloseable {
  private final SearcherManager searchers;
  private final Analyzer analyzer;

  StoreReader(Directory directory, Analyzer analyzer) throws IOException {
    this.searchers = new SearcherManager(directory, null);
    this.analyzer = analyzer;
  }

  /** Makes the latest commit visible; called after each commit. */
  void refresh() {
    try {
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reopen the index after a commit: " + e.getMessage(), e);
    }
  }

  /** One search over one point-in-time view. */
  @FunctionalInterface
  interface Work<T> {
    T run(IndexSearcher searcher) throws IOException;
  }

  <T> T with(Work<T> work) {
    try {
      IndexSearcher s = searchers.acquire();
      try {
        return work.run(s);
      } finally {
        searchers.release(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the store: " + e.getMessage(), e);
    }
  }

  Optional<StoredArticle> article(String id) {
    return with(s -> {
      List<StoredArticle> found = articles(s, new TermQuery(Schema.articleKey(id)), 1, null);
      return found.stream().findFirst();
    });
  }

  /** Articles matching {@code query}, in {@code sort} order (null: by seq), each with its topic resolved. */
  List<StoredArticle> articles(Query query, int limit, Sort sort) {
    return with(s -> articles(s, query, limit, sort));
  }

  private List<StoredArticle> articles(IndexSearcher s, Query query, int limit, Sort sort) throws IOException {
    Query q = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(Schema.TYPE, Schema.ARTICLE)), BooleanClause.Occur.FILTER)
        .add(query, BooleanClause.Occur.MUST)
        .build();
    TopDocs top = s.search(q, limit, sort == null ? bySeq(false) : sort);
    StoredFields fields = s.storedFields();
    List<StoredArticle> out = new ArrayList<>(top.scoreDocs.length);
    Map<String, Optional<String>> topics = new LinkedHashMap<>();
    for (ScoreDoc sd : top.scoreDocs) {
      StoredArticle a = Schema.article(fields.document(sd.doc));
      out.add(withTopic(s, a, topics));
    }
    return out;
  }

  /** The parsed full-text query, restricted to article documents. */
  private Query articlesMatching(String text) {
    return new BooleanQuery.Builder()
        .add(new TermQuery(new Term(Schema.TYPE, Schema.ARTICLE)), BooleanClause.Occur.FILTER)
        .add(parse(text), BooleanClause.Occur.MUST)
        .build();
  }

  /** Full-text hits with their scores, best first. */
  List<Map.Entry<StoredArticle, Float>> search(String text, int limit) {
    Query filtered = articlesMatching(text);
    return with(s -> {
      TopDocs top = s.search(filtered, limit);
      StoredFields fields = s.storedFields();
      List<Map.Entry<StoredArticle, Float>> out = new ArrayList<>();
      Map<String, Optional<String>> topics = new LinkedHashMap<>();
      for (ScoreDoc sd : top.scoreDocs) {
        out.add(Map.entry(withTopic(s, Schema.article(fields.document(sd.doc)), topics), sd.score));
      }
      return out;
    });
  }

  /** Story ids of the articles best matching {@code text}, best first, each once (reads only the story field). */
  List<String> storiesMatching(String text, int maxHits) {
    Query filtered = articlesMatching(text);
    return with(s -> {
      StoredFields fields = s.storedFields();
      java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>();
      for (ScoreDoc sd : s.search(filtered, maxHits).scoreDocs) {
        String story = fields.document(sd.doc, java.util.Set.of(Schema.STORY_REF)).get(Schema.STORY_REF);
        if (story != null) {
          ids.add(story);
        }
      }
      return List.copyOf(ids);
    });
  }

  /**
   * Parses user text with Lucene's simple query syntax (words, "phrases", -not, prefix*, a|b): never throws, so
   * any input is safe. All words must match; title matches weigh twice as much as body matches.
   */
  Query parse(String text) {
    SimpleQueryParser parser = new SimpleQueryParser(analyzer, Map.of(Schema.TITLE, 2f, Schema.TEXT, 1f));
    parser.setDefaultOperator(BooleanClause.Occur.MUST);
    Query q = parser.parse(text);
    return q == null ? new MatchNoDocsQuery("only stop words") : q;
  }

  Optional<Story> story(String id) {
    return with(s -> first(s, new TermQuery(Schema.storyKey(id))).map(Schema::story));
  }

  Optional<Topic> topic(String id) {
    return with(s -> first(s, new TermQuery(Schema.topicKey(id))).map(Schema::topic));
  }

  /** Stories active in [from, to] (either may be null), latest activity first; {@code ids} restricts when non-null. */
  List<Story> stories(Instant from, Instant to, int limit) {
    BooleanQuery.Builder b = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(Schema.TYPE, Schema.STORY)), BooleanClause.Occur.FILTER);
    if (from != null) {
      b.add(LongPoint.newRangeQuery(Schema.LAST, from.toEpochMilli(), Long.MAX_VALUE), BooleanClause.Occur.FILTER);
    }
    if (to != null) {
      b.add(LongPoint.newRangeQuery(Schema.FIRST, Long.MIN_VALUE, to.toEpochMilli()), BooleanClause.Occur.FILTER);
    }
    Sort sort = new Sort(new SortField(Schema.LAST, SortField.Type.LONG, true),
        new SortField(Schema.SID, SortField.Type.STRING));
    return with(s -> {
      TopDocs top = s.search(b.build(), limit, sort);
      StoredFields fields = s.storedFields();
      List<Story> out = new ArrayList<>();
      for (ScoreDoc sd : top.scoreDocs) {
        out.add(Schema.story(fields.document(sd.doc)));
      }
      return out;
    });
  }

  /** Number of documents of a type ({@link Schema#ARTICLE}, {@link Schema#STORY}, {@link Schema#TOPIC}). */
  int count(String type) {
    return with(s -> s.count(new TermQuery(new Term(Schema.TYPE, type))));
  }

  static Sort bySeq(boolean newestFirst) {
    return new Sort(new SortField(Schema.SEQ, SortField.Type.LONG, newestFirst));
  }

  /** Publication time (undated articles last), then seq. */
  static Sort byPublished(boolean newestFirst) {
    SortField published = new SortField(Schema.PUBLISHED, SortField.Type.LONG, newestFirst);
    published.setMissingValue(newestFirst ? Long.MIN_VALUE : Long.MAX_VALUE);
    return new Sort(published, new SortField(Schema.SEQ, SortField.Type.LONG, newestFirst));
  }

  private static Optional<Document> first(IndexSearcher s, Query q) throws IOException {
    TopDocs top = s.search(q, 1);
    if (top.scoreDocs.length == 0) {
      return Optional.empty();
    }
    return Optional.of(s.storedFields().document(top.scoreDocs[0].doc));
  }

  private static StoredArticle withTopic(IndexSearcher s, StoredArticle a, Map<String, Optional<String>> cache)
      throws IOException {
    if (a.storyId() == null) {
      return a;
    }
    Optional<String> topic = cache.get(a.storyId());
    if (topic == null) {
      topic = first(s, new TermQuery(Schema.storyKey(a.storyId()))).map(d -> d.get(Schema.TOPIC_REF));
      cache.put(a.storyId(), topic);
    }
    return topic.map(a::withTopic).orElse(a);
  }

  @Override
  public void close() throws IOException {
    searchers.close();
  }
}
