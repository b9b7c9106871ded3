package io.storyline.store;

import io.storyline.extract.Article;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * The stateful part of {@link Store#add}: runs the copies and stories stages on one extracted article and writes
 * the article, the earlier articles the copies stage relinked, and the changed story and topic summaries. Not
 * thread-safe: the store calls it under its pipeline lock, so the stages see one article at a time, in seq order.
 *
 * <p>Relinking an earlier article needs its stored fields, which may not be committed yet (written earlier in the
 * same batch or by a batch whose commit is still running): those are read through a near-real-time searcher over
 * the writer, refreshed only when the article was written after its last refresh.
 */
final class Pipeline implements AutoCloseable {
  private final IndexWriter writer;
  private final Steps.CopyStep copies;
  private final Steps.StoryStep stories;
  private final Steps.StepClock clock;
  private final Map<String, Store.Known> known;
  private final SearcherManager pending;
  private long pendingCovers = -1;
  private long nextSeq;
  private long lastOp = -1;

  Pipeline(IndexWriter writer, Steps.CopyStep copies, Steps.StoryStep stories, Steps.StepClock clock,
      Map<String, Store.Known> known, long nextSeq) throws IOException {
    this.writer = writer;
    this.copies = copies;
    this.stories = stories;
    this.clock = clock;
    this.known = known;
    this.nextSeq = nextSeq;
    this.pending = new SearcherManager(writer, null);
  }

  /** Places and writes one article; returns it as stored (topic not resolved). */
  StoredArticle add(Article article, String contentHash, Instant added) throws IOException {
    clock.set(added);
    Steps.Linked linked = copies.link(article);
    Steps.CopyLink own = linked.own();
    String story = stories.place(article, own.group());
    Steps.StoryChanges changes = stories.drainChanges();
    story = Replay.resolve(story, changes.merged());
    StoredArticle stored = new StoredArticle(article, contentHash, nextSeq++, added, own.group(), own.relation(),
        own.sources(), story, null);
    long op = writer.updateDocument(Schema.articleKey(article.id()), Schema.article(stored));
    known.put(article.id(), new Store.Known(ContentHash.prefix(contentHash), op));
    lastOp = Math.max(lastOp, op);
    for (Map.Entry<String, Steps.CopyLink> e : linked.others().entrySet()) {
      relink(e.getKey(), e.getValue());
    }
    lastOp = Math.max(lastOp, Replay.write(writer, changes));
    for (Map.Entry<String, String> m : changes.merged().entrySet()) {
      restory(m.getKey(), Replay.resolve(m.getValue(), changes.merged()));
    }
    return stored;
  }

  /** Moves every article of the merged story {@code gone} to {@code survivor}. */
  private void restory(String gone, String survivor) throws IOException {
    pendingCovers = writer.getMaxCompletedSequenceNumber();
    pending.maybeRefreshBlocking();
    List<StoredArticle> members = new ArrayList<>();
    IndexSearcher s = pending.acquire();
    try {
      TermQuery q = new TermQuery(new Term(Schema.STORY_REF, gone));
      for (ScoreDoc sd : s.search(q, Math.max(1, s.count(q))).scoreDocs) {
        members.add(Schema.article(s.storedFields().document(sd.doc)));
      }
    } finally {
      pending.release(s);
    }
    for (StoredArticle a : members) {
      StoredArticle moved = new StoredArticle(a.article(), a.contentHash(), a.seq(), a.added(), a.copyGroup(),
          a.relation(), a.sources(), survivor, null);
      long op = writer.updateDocument(Schema.articleKey(a.id()), Schema.article(moved));
      known.put(a.id(), new Store.Known(ContentHash.prefix(a.contentHash()), op));
      lastOp = Math.max(lastOp, op);
    }
  }

  /** The highest writer operation done so far (-1 when none). */
  long lastOp() {
    return lastOp;
  }

  /** Whether the copies stage runs. */
  boolean copiesEnabled() {
    return copies.enabled();
  }

  /** Whether the stories stage runs. */
  boolean storiesEnabled() {
    return stories.enabled();
  }

  private void relink(String id, Steps.CopyLink link) throws IOException {
    Store.Known k = known.get(id);
    if (k == null) {
      return; // the stage named an article the store does not hold (skipped, or never added): nothing to change
    }
    if (k.op() > pendingCovers) {
      pendingCovers = writer.getMaxCompletedSequenceNumber();
      pending.maybeRefreshBlocking();
    }
    IndexSearcher s = pending.acquire();
    StoredArticle a;
    try {
      TopDocs top = s.search(new TermQuery(Schema.articleKey(id)), 1);
      if (top.scoreDocs.length == 0) {
        return;
      }
      a = Schema.article(s.storedFields().document(top.scoreDocs[0].doc));
    } finally {
      pending.release(s);
    }
    if (link.equals(new Steps.CopyLink(a.copyGroup(), a.relation(), a.sources()))) {
      return;
    }
    StoredArticle relinked = new StoredArticle(a.article(), a.contentHash(), a.seq(), a.added(), link.group(),
        link.relation(), link.sources(), a.storyId(), null);
    long op = writer.updateDocument(Schema.articleKey(id), Schema.article(relinked));
    known.put(id, new Store.Known(k.hash(), op));
    lastOp = Math.max(lastOp, op);
  }

  /**
   * The order in which a batch meets the stages: by publication time, as online clustering expects (a story's
   * documents arrive in time order); an undated document keeps its place right after the document before it in
   * the batch (the leading undated ones go with the first dated one). Stable: equal times keep the input order, so
   * the same id twice in a batch is handled in input order. Documents not extracted (unchanged) count as undated.
   */
  static int[] publicationOrder(Article[] articles) {
    int n = articles.length;
    long[] key = new long[n];
    long last = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      Instant t = articles[i] == null ? null : articles[i].published();
      key[i] = t != null ? t.toEpochMilli() : last;
      if (t != null) {
        if (last == Long.MIN_VALUE) {
          for (int j = 0; j < i; j++) {
            key[j] = key[i];
          }
        }
        last = key[i];
      }
    }
    return java.util.stream.IntStream.range(0, n).boxed()
        .sorted(java.util.Comparator.comparingLong((Integer i) -> key[i]))
        .mapToInt(Integer::intValue).toArray();
  }

  @Override
  public void close() throws IOException {
    try {
      pending.close();
    } finally {
      copies.close();
    }
  }
}
