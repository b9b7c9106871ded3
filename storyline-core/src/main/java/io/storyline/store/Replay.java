package io.storyline.store;

import io.storyline.stories.Story;
import io.storyline.stories.Topic;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Rebuilds the in-memory state on open from the last commit: the table of known ids and hashes ({@link #known},
 * fast, before the store is usable), and the working state of the copies and stories stages ({@link #run}, slow,
 * in the background), by feeding every stored article to fresh stages in {@code seq} order with the step clock at
 * its {@code added} time, as the first pass did.
 *
 * <p>Because the stages are deterministic, the replay gives each article the copy group and story it was stored
 * with. Where it does not (a crash between two commits of one batch left a story summary behind its articles, an
 * update replaced an article the stages had already counted, or the stages' algorithms changed between versions),
 * the stored article is relinked and the story and topic summaries are rewritten from the replay: after open, the
 * index always agrees with the stages. A disabled stage (not present) leaves the stored links alone.
 */
final class Replay {
  private Replay() {}

  /**
   * @param replayed articles fed to the stages
   * @param relinked articles whose stored links changed
   * @param millis   time taken
   */
  record Report(long replayed, long relinked, long millis) {
    static final Report NONE = new Report(0, 0, 0);
  }

  /** Thrown out of {@link #run} when the store is closed before the replay is done. */
  static final class Stopped extends RuntimeException {
    Stopped() {
      super("replay stopped: the store is closing", null, false, false);
    }
  }

  /** Fills the table of known ids (id, hash prefix) from the last commit; returns the highest seq (0 if none). */
  static long known(StoreReader reader, Map<String, Store.Known> known) {
    return reader.with(s -> {
      TermQuery articles = new TermQuery(new Term(Schema.TYPE, Schema.ARTICLE));
      TopDocs all = s.search(articles, Math.max(1, s.count(articles)));
      StoredFields fields = s.storedFields();
      Set<String> wanted = Set.of(Schema.AID, Schema.HASH, Schema.SEQ);
      long last = 0;
      for (ScoreDoc sd : all.scoreDocs) {
        Document d = fields.document(sd.doc, wanted);
        known.put(d.get(Schema.AID), new Store.Known(ContentHash.prefix(d.get(Schema.HASH)), -1));
        last = Math.max(last, d.getField(Schema.SEQ).numericValue().longValue());
      }
      return last;
    });
  }

  /**
   * Feeds every stored article to the stages in seq order and makes the index agree with them (see the class
   * comment). Checks {@code stop} between articles; {@code progress} receives the number replayed so far.
   *
   * @throws Stopped when {@code stop} turned true
   */
  static Report run(StoreReader reader, IndexWriter writer, Steps.CopyStep copies, Steps.StoryStep stories,
      Steps.StepClock clock, BooleanSupplier stop, LongConsumer progress) throws IOException {
    long start = System.nanoTime();
    boolean linking = copies.enabled() || stories.enabled();
    Map<String, Steps.CopyLink> links = new HashMap<>();
    Map<String, String> storyOf = new HashMap<>();
    Map<String, String> mergedInto = new HashMap<>();
    Map<String, Story> storySummaries = new LinkedHashMap<>();
    Map<String, Topic> topicSummaries = new LinkedHashMap<>();
    long[] counts = new long[3];
    reader.with(s -> {
      TermQuery articles = new TermQuery(new Term(Schema.TYPE, Schema.ARTICLE));
      TopDocs all = s.search(articles, Math.max(1, s.count(articles)), StoreReader.bySeq(false));
      StoredFields fields = s.storedFields();
      // Pass 1: the stages fed in seq order; the links they give are collected (a later article may relink an
      // earlier one, so they are compared only once all are known).
      for (ScoreDoc sd : all.scoreDocs) {
        if (!linking) {
          break;
        }
        if (stop.getAsBoolean()) {
          throw new Stopped();
        }
        StoredArticle a = Schema.article(fields.document(sd.doc));
        clock.set(a.added());
        progress.accept(++counts[0]);
        if (copies.enabled()) {
          Steps.Linked linked = copies.link(a.article());
          links.putAll(linked.others());
          links.put(a.id(), linked.own());
        } else {
          links.put(a.id(), new Steps.CopyLink(a.copyGroup(), a.relation(), a.sources()));
        }
        storyOf.put(a.id(), stories.enabled() ? stories.place(a.article(), links.get(a.id()).group()) : a.storyId());
        Steps.StoryChanges changes = stories.drainChanges();
        changes.stories().forEach(x -> storySummaries.put(x.id(), x));
        changes.topics().forEach(x -> topicSummaries.put(x.id(), x));
        mergedInto.putAll(changes.merged());
        changes.merged().keySet().forEach(storySummaries::remove);
      }
      if (!linking) {
        return null;
      }
      // Pass 2: rewrite the articles whose stored links differ from the replay's.
      for (ScoreDoc sd : all.scoreDocs) {
        if (stop.getAsBoolean()) {
          throw new Stopped();
        }
        StoredArticle a = Schema.article(fields.document(sd.doc));
        Steps.CopyLink link = links.get(a.id());
        String story = resolve(storyOf.get(a.id()), mergedInto);
        if (!link.equals(new Steps.CopyLink(a.copyGroup(), a.relation(), a.sources()))
            || !Objects.equals(story, a.storyId())) {
          StoredArticle relinked = new StoredArticle(a.article(), a.contentHash(), a.seq(), a.added(), link.group(),
              link.relation(), link.sources(), story, null);
          writer.updateDocument(Schema.articleKey(a.id()), Schema.article(relinked));
          counts[1]++;
        }
      }
      if (stories.enabled()) {
        sync(s, writer, storySummaries, topicSummaries);
      }
      return null;
    });
    return new Report(counts[0], counts[1], (System.nanoTime() - start) / 1_000_000);
  }

  /** Makes the stored story and topic documents equal to the replayed summaries. */
  private static void sync(IndexSearcher s, IndexWriter writer, Map<String, Story> storySummaries,
      Map<String, Topic> topicSummaries) throws IOException {
    Map<String, Story> storedStories = new HashMap<>();
    Map<String, Topic> storedTopics = new HashMap<>();
    StoredFields fields = s.storedFields();
    for (String type : List.of(Schema.STORY, Schema.TOPIC)) {
      TermQuery q = new TermQuery(new Term(Schema.TYPE, type));
      TopDocs all = s.search(q, Math.max(1, s.count(q)));
      for (ScoreDoc sd : all.scoreDocs) {
        Document d = fields.document(sd.doc);
        if (type.equals(Schema.STORY)) {
          Story x = Schema.story(d);
          storedStories.put(x.id(), x);
        } else {
          Topic x = Schema.topic(d);
          storedTopics.put(x.id(), x);
        }
      }
    }
    Set<String> stale = new HashSet<>(storedStories.keySet());
    stale.removeAll(storySummaries.keySet());
    for (String id : stale) {
      writer.deleteDocuments(Schema.storyKey(id));
    }
    stale = new HashSet<>(storedTopics.keySet());
    stale.removeAll(topicSummaries.keySet());
    for (String id : stale) {
      writer.deleteDocuments(Schema.topicKey(id));
    }
    for (Story x : storySummaries.values()) {
      if (!x.equals(storedStories.get(x.id()))) {
        writer.updateDocument(Schema.storyKey(x.id()), Schema.story(x));
      }
    }
    for (Topic x : topicSummaries.values()) {
      if (!x.equals(storedTopics.get(x.id()))) {
        writer.updateDocument(Schema.topicKey(x.id()), Schema.topic(x));
      }
    }
  }

  /** The id a story goes by after the merges in {@code mergedInto} (itself when never merged; null stays null). */
  static String resolve(String story, Map<String, String> mergedInto) {
    String id = story;
    for (int hops = 0; id != null && mergedInto.containsKey(id) && hops <= mergedInto.size(); hops++) {
      id = mergedInto.get(id);
    }
    return id;
  }

  /**
   * Writes changed summaries and deletes the merged stories' documents; returns the last writer operation (-1 when
   * none). Moving the merged stories' articles is the caller's part.
   */
  static long write(IndexWriter writer, Steps.StoryChanges changes) throws IOException {
    long op = -1;
    for (Story s : changes.stories()) {
      op = writer.updateDocument(Schema.storyKey(s.id()), Schema.story(s));
    }
    for (Topic t : changes.topics()) {
      op = writer.updateDocument(Schema.topicKey(t.id()), Schema.topic(t));
    }
    for (String gone : changes.merged().keySet()) {
      op = writer.deleteDocuments(Schema.storyKey(gone));
    }
    return op;
  }
}
