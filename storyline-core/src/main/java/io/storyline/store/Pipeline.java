package io.storyline.store;

import io.storyline.extract.Article;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;

/**
 * The stateful part of {@link Store#add}: runs the copies and stories stages on one extracted article and writes
 * the article, the earlier articles the copies stage relinked, and the changed story and topic summaries. Not
 * thread-safe: the store calls it under its pipeline lock, so the stages see one article at a time, in seq order.
 *
 * <p>Relinking an earlier article needs its stored fields, which may not be committed yet (written earlier in the
 * same batch, or by a batch whose commit is still running): the articles written since the last commit are kept
 * in memory ({@code recent}) until a commit covers them and the readers see them; the others are read from the
 * last commit. (A near-real-time reader would flush a segment for each such read, under the lock.)
 */
final class Pipeline implements AutoCloseable {
  private final IndexWriter writer;
  private final Steps.CopyStep copies;
  private final Steps.StoryStep stories;
  private final Steps.StepClock clock;
  private final Map<String, Store.Known> known;
  private final StoreReader committedReader;
  private final Map<String, Written> recent = new ConcurrentHashMap<>();
  private long nextSeq;
  private long lastOp = -1;

  /** An article written but maybe not committed yet, with the writer operation that wrote it. */
  private record Written(StoredArticle article, long op) { }

  Pipeline(IndexWriter writer, StoreReader committedReader, Steps.CopyStep copies, Steps.StoryStep stories,
      Steps.StepClock clock, Map<String, Store.Known> known, long nextSeq) {
    this.writer = writer;
    this.committedReader = committedReader;
    this.copies = copies;
    this.stories = stories;
    this.clock = clock;
    this.known = known;
    this.nextSeq = nextSeq;
  }

  /** A commit covering every operation up to {@code covered} is on disk and visible to the readers. */
  void committed(long covered) {
    recent.values().removeIf(w -> w.op() <= covered);
  }

  /** Writes one article (add, relink or move) and remembers it until it is committed. */
  private void write(StoredArticle a) throws IOException {
    long op = writer.updateDocument(Schema.articleKey(a.id()), Schema.article(a));
    known.put(a.id(), new Store.Known(ContentHash.prefix(a.contentHash()), op));
    recent.put(a.id(), new Written(a, op));
    lastOp = Math.max(lastOp, op);
  }

  /** The article as last written: from memory when not committed yet, else from the last commit. */
  private StoredArticle current(String id) {
    Written w = recent.get(id);
    return w != null ? w.article() : committedReader.article(id).orElse(null);
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
    write(stored);
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
    Map<String, StoredArticle> members = new LinkedHashMap<>();
    for (StoredArticle a : committedReader.articles(new TermQuery(new Term(Schema.STORY_REF, gone)), Store.MAX_LIMIT,
        null)) {
      members.put(a.id(), a);
    }
    for (Written w : recent.values()) {
      if (gone.equals(w.article().storyId())) {
        members.put(w.article().id(), w.article());
      } else {
        members.remove(w.article().id());
      }
    }
    for (StoredArticle a : members.values()) {
      write(new StoredArticle(a.article(), a.contentHash(), a.seq(), a.added(), a.copyGroup(), a.relation(),
          a.sources(), survivor, null));
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
    StoredArticle a = known.containsKey(id) ? current(id) : null;
    if (a == null) {
      return; // the stage named an article the store does not hold (skipped, or never added): nothing to change
    }
    if (link.equals(new Steps.CopyLink(a.copyGroup(), a.relation(), a.sources()))) {
      return;
    }
    write(new StoredArticle(a.article(), a.contentHash(), a.seq(), a.added(), link.group(), link.relation(),
        link.sources(), a.storyId(), null));
  }

  /**
   * The order in which a batch meets the stages: by publication time, as online clustering expects (a story's
   * documents arrive in time order), with the rule of {@code StoryClusterer.inPublicationOrder}: dated documents by
   * time (stable: equal times keep the input order, so the same id twice is handled in input order); an undated one
   * right after the document before it in the batch; the undated ones before any dated document right after the
   * first dated one (so they take its time, not the clock's). Documents not extracted (unchanged) count as undated.
   */
  static int[] publicationOrder(Article[] articles) {
    int n = articles.length;
    List<Integer> dated = new ArrayList<>();
    Map<Integer, List<Integer>> followers = new HashMap<>();
    List<Integer> leading = new ArrayList<>();
    Integer anchor = null;
    for (int i = 0; i < n; i++) {
      if (articles[i] != null && articles[i].published() != null) {
        dated.add(i);
        anchor = i;
      } else if (anchor == null) {
        leading.add(i);
      } else {
        followers.computeIfAbsent(anchor, k -> new ArrayList<>()).add(i);
      }
    }
    dated.sort(java.util.Comparator.comparing((Integer i) -> articles[i].published()));
    int[] out = new int[n];
    int k = 0;
    for (int d = 0; d < dated.size(); d++) {
      out[k++] = dated.get(d);
      if (d == 0) {
        for (int i : leading) {
          out[k++] = i;
        }
      }
      for (int i : followers.getOrDefault(dated.get(d), List.of())) {
        out[k++] = i;
      }
    }
    if (dated.isEmpty()) {
      for (int i : leading) {
        out[k++] = i;
      }
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    copies.close();
  }
}
