package io.storyline.store;

import io.storyline.stories.Story;
import io.storyline.stories.Topic;
import io.storyline.extract.Article;
import io.storyline.extract.Extractor;
import io.storyline.ingest.RawDocument;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * Front door of the store: the persistent end of the pipeline. {@link #add} takes raw documents through extraction,
 * copies and stories and keeps the results in an embedded Lucene index; the query methods read them back. See
 * {@code package-info} for the layout, the idempotence rule, durability and crash safety. Thread-safe: many
 * threads may add and read at once.
 *
 * <pre>{@code
 * try (Store store = Store.open(Path.of("storyline-data"))) {
 *   List<AddResult> results = store.add(documents);   // durable when it returns
 *   store.search("Assad Russia", 10).forEach(hit -> System.out.println(hit.article().article().title()));
 * }
 * }</pre>
 */
public final class Store implements Closeable {
  /** Where {@code storyline run} and {@code storyline serve} keep their store unless told otherwise. */
  public static final Path DEFAULT_DIRECTORY = Path.of("storyline-data");
  /** The most results one query returns. */
  public static final int MAX_LIMIT = 10_000;

  private final Path path;
  private final Directory directory;
  private final IndexWriter writer;
  private final StoreReader reader;
  private final GroupCommit commits;
  private final Clock clock;
  private final Extractor extractor;
  private final Steps.CopyStep copies;
  private final Steps.StoryStep stories;
  private final Steps.StepClock stepClock = new Steps.StepClock();
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, Known> known = new ConcurrentHashMap<>();
  private final CountDownLatch ready = new CountDownLatch(1);
  private final AtomicLong replayed = new AtomicLong();
  private volatile Replay.Report opening = Replay.Report.NONE;
  private volatile Throwable replayFailure;
  private volatile boolean closing;
  private Thread replayer;
  private volatile Pipeline pipeline;

  /** A stored id: the first 64 bits of its content hash and the writer operation that wrote it (-1: on disk). */
  record Known(long hash, long op) { }

  /** A full-text hit. */
  public record Hit(StoredArticle article, float score) {
    public Hit {
      Objects.requireNonNull(article, "article");
    }
  }

  /**
   * What the store holds.
   *
   * @param directory      where it is
   * @param articles       articles stored
   * @param stories        stories stored
   * @param topics         topics stored
   * @param copiesEnabled  whether copy detection runs
   * @param storiesEnabled whether story clustering runs
   * @param ready          whether the stages hold every stored article (the replay at open is done): until then
   *                       adds of new or changed documents wait
   * @param replayed       articles replayed through the stages since the store was opened
   * @param replayMillis   how long that replay took (0 until it is done)
   */
  public record Stats(Path directory, int articles, int stories, int topics, boolean copiesEnabled,
      boolean storiesEnabled, boolean ready, long replayed, long replayMillis) { }

  private Store(Builder b) throws IOException {
    this.path = b.directory;
    this.clock = b.clock;
    this.extractor = Extractor.create();
    Files.createDirectories(path);
    this.directory = FSDirectory.open(path);
    Analyzer analyzer = Schema.analyzer();
    IndexWriterConfig config = new IndexWriterConfig(analyzer)
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
        .setRAMBufferSizeMB(64)
        .setCommitOnClose(false); // everything acknowledged is committed already; the rest is the replay's
    try {
      checkFormat(directory, path);
      this.writer = new IndexWriter(directory, config);
    } catch (LockObtainFailedException e) {
      directory.close();
      throw new IOException("the store " + path + " is in use by another storyline process (a running 'serve' or "
          + "'run'?); stop it first or choose another --store", e);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
    Map<String, String> userData = Map.of(Schema.FORMAT_KEY, Schema.FORMAT);
    writer.setLiveCommitData(userData.entrySet());
    writer.commit();
    this.reader = new StoreReader(directory, analyzer);
    this.commits = new GroupCommit(writer, userData, covered -> {
      reader.refresh();
      Pipeline p = pipeline;
      if (p != null) {
        p.committed(covered);
      }
    });
    try {
      this.copies = b.steps.copies(stepClock, path);
      this.stories = b.steps.stories(stepClock);
      long lastSeq = Replay.known(reader, known);
      this.pipeline = new Pipeline(writer, reader, copies, stories, stepClock, known, lastSeq + 1);
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
    if ((copies.enabled() || stories.enabled()) && !known.isEmpty()) {
      replayer = new Thread(this::replay, "storyline-replay");
      replayer.setDaemon(true);
      replayer.start();
    } else {
      ready.countDown();
    }
  }

  /** The background replay of the stored articles through the stages; adds that need the stages wait for it. */
  private void replay() {
    lock.lock();
    try {
      opening = Replay.run(reader, writer, copies, stories, stepClock, () -> closing, replayed::set);
      commits.commitNow();
    } catch (Replay.Stopped e) {
      // closing: the next open replays again
    } catch (IOException | RuntimeException | Error e) {
      replayFailure = e;
    } finally {
      lock.unlock();
      ready.countDown();
    }
  }

  /** Waits until the stages hold every stored article (tests call it to see the replay's effect). */
  void awaitReady() throws IOException {
    try {
      ready.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while the store replays its articles through the stages", e);
    }
    if (replayFailure != null) {
      throw new IOException("the store could not replay its articles through the stages when it was opened ("
          + replayFailure + "); reads work, writes need a reopen", replayFailure);
    }
    if (closing) {
      throw new IOException("the store " + path + " is closed");
    }
  }

  /** Opens (creating when absent) the store in {@code directory} with the default stages. */
  public static Store open(Path directory) throws IOException {
    return builder().directory(directory).open();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@link #add(List)} for one document. */
  public AddResult add(RawDocument doc) throws IOException {
    return add(List.of(doc)).get(0);
  }

  /**
   * Runs each document through extraction, copies and stories and stores it; returns one result per document, in
   * order, once all of them are durable (in a Lucene commit). Re-adding a stored id with the same content hash is
   * a no-op ({@code UNCHANGED}); another hash replaces the article ({@code UPDATED}). A document with nothing
   * usable is {@code SKIPPED} with a reason. Never throws for bad content.
   *
   * @throws IOException when the index cannot be written or committed; then nothing of this call is acknowledged
   */
  public List<AddResult> add(List<RawDocument> docs) throws IOException {
    Objects.requireNonNull(docs, "docs");
    commits.check();
    int n = docs.size();
    String[] hashes = new String[n];
    Article[] articles = new Article[n];
    List<Integer> toExtract = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      RawDocument d = Objects.requireNonNull(docs.get(i), "docs contains null");
      hashes[i] = ContentHash.of(d);
      Known k = known.get(d.id());
      if (k == null || k.hash() != ContentHash.prefix(hashes[i])) {
        toExtract.add(i);
      }
    }
    // Extraction is stateless and the slow part: done outside the pipeline lock, in parallel for batches.
    (toExtract.size() > 1 ? toExtract.parallelStream() : toExtract.stream())
        .forEach(i -> articles[i] = extractor.extract(docs.get(i)));

    AddResult[] results = new AddResult[n];
    long lastOp = -1;
    if (!toExtract.isEmpty()) {
      awaitReady(); // only new and changed documents need the stages
    }
    lock.lock();
    try {
      commits.check();
      for (int i : Pipeline.publicationOrder(articles)) {
        RawDocument d = docs.get(i);
        long hash = ContentHash.prefix(hashes[i]);
        Known k = known.get(d.id());
        if (k != null && k.hash() == hash) {
          lastOp = Math.max(lastOp, k.op());
          continue; // UNCHANGED: answered from the committed index below
        }
        Article a = articles[i] != null ? articles[i] : extractor.extract(d);
        String unusable = unusable(a);
        if (unusable != null) {
          results[i] = AddResult.skipped(d.id(), unusable);
          continue;
        }
        StoredArticle stored = pipeline.add(a, hashes[i], clock.instant());
        results[i] = AddResult.of(k == null ? AddResult.Outcome.ADDED : AddResult.Outcome.UPDATED, stored);
      }
      lastOp = Math.max(lastOp, pipeline.lastOp());
    } finally {
      lock.unlock();
    }
    if (lastOp >= 0) {
      commits.awaitDurable(lastOp);
    }
    List<AddResult> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      AddResult r = results[i];
      if (r == null || r.outcome() != AddResult.Outcome.SKIPPED) {
        // read back from the commit that holds them: unchanged ones, and the final links of the others (a later
        // document of the batch may have relinked an earlier one) with their story's topic
        String id = docs.get(i).id();
        StoredArticle s = reader.article(id).orElseThrow(() -> new IllegalStateException(
            "article " + id + " is acknowledged but not in the last commit; report this as a bug"));
        r = r == null ? AddResult.of(AddResult.Outcome.UNCHANGED, s) : AddResult.of(r.outcome(), s);
      }
      out.add(r);
    }
    return out;
  }

  /** Why an extracted article is not worth storing, or null when it is. */
  private static String unusable(Article a) {
    if (a.status() == Article.Status.NOT_ARTICLE) {
      return "not an article page (an index, list or navigation page); nothing stored";
    }
    if (a.text().isBlank() && (a.title() == null || a.title().isBlank())) {
      return "no text and no title could be extracted; nothing stored";
    }
    return null;
  }

  /** The stored article with this id. */
  public Optional<StoredArticle> article(String id) {
    return reader.article(Objects.requireNonNull(id, "id"));
  }

  /** The most recently added articles, newest first. */
  public List<StoredArticle> latest(int limit) {
    return reader.articles(new MatchAllDocsQuery(), checkLimit(limit), StoreReader.bySeq(true));
  }

  /** Articles published in [from, to] (either may be null for open), newest first. */
  public List<StoredArticle> articles(Instant from, Instant to, int limit) {
    Query q = LongPoint.newRangeQuery(Schema.PUBLISHED, from == null ? Long.MIN_VALUE : from.toEpochMilli(),
        to == null ? Long.MAX_VALUE : to.toEpochMilli());
    return reader.articles(q, checkLimit(limit), StoreReader.byPublished(true));
  }

  /** The articles of a story, oldest first (at most {@link #MAX_LIMIT}). */
  public List<StoredArticle> articlesOfStory(String storyId) {
    return reader.articles(new TermQuery(new org.apache.lucene.index.Term(Schema.STORY_REF,
        Objects.requireNonNull(storyId, "storyId"))), MAX_LIMIT, StoreReader.byPublished(false));
  }

  /** The members of a copy group, oldest first (at most {@link #MAX_LIMIT}). */
  public List<StoredArticle> articlesOfGroup(String group) {
    return reader.articles(new TermQuery(new org.apache.lucene.index.Term(Schema.GROUP,
        Objects.requireNonNull(group, "group"))), MAX_LIMIT, StoreReader.byPublished(false));
  }

  /**
   * Full-text search over titles and bodies (English analysis; Lucene's simple syntax: words all required,
   * "phrases", -excluded, prefix*, a | b), best first. Any text is accepted.
   */
  public List<Hit> search(String text, int limit) {
    Objects.requireNonNull(text, "text");
    return reader.search(text, checkLimit(limit)).stream().map(e -> new Hit(e.getKey(), e.getValue())).toList();
  }

  /** The story with this id. */
  public Optional<Story> story(String id) {
    return reader.story(Objects.requireNonNull(id, "id"));
  }

  /**
   * Stories active in [from, to] (either may be null for open). Without {@code text} (null or blank): latest activity
   * first. With it: stories whose articles match it, best match first.
   */
  public List<Story> stories(Instant from, Instant to, String text, int limit) {
    checkLimit(limit);
    if (text == null || text.isBlank()) {
      return reader.stories(from, to, limit);
    }
    Map<String, Story> out = new LinkedHashMap<>();
    for (String id : reader.storiesMatching(text, Math.min(MAX_LIMIT, 50 * limit))) {
      if (out.size() >= limit) {
        break;
      }
      reader.story(id).filter(s -> (from == null || !s.lastSeen().isBefore(from))
          && (to == null || !s.firstSeen().isAfter(to))).ifPresent(s -> out.put(id, s));
    }
    return List.copyOf(out.values());
  }

  /** The topic with this id. */
  public Optional<Topic> topic(String id) {
    return reader.topic(Objects.requireNonNull(id, "id"));
  }

  /** A copy group's members with the word diff from its first member to each other one; empty when unknown. */
  public Optional<CopyGroupView> copyGroup(String id) {
    List<StoredArticle> members = new ArrayList<>(articlesOfGroup(id));
    if (members.isEmpty()) {
      return Optional.empty();
    }
    members.stream().filter(m -> "original".equalsIgnoreCase(m.relation())).findFirst().ifPresent(origin -> {
      members.remove(origin);
      members.add(0, origin);
    });
    StoredArticle first = members.get(0);
    List<CopyGroupView.Diff> diffs = new ArrayList<>();
    for (StoredArticle m : members.subList(1, members.size())) {
      diffs.add(new CopyGroupView.Diff(first.id(), m.id(), copies.diff(first.article(), m.article())));
    }
    return Optional.of(new CopyGroupView(id, members, diffs));
  }

  /** Counts and settings. */
  public Stats stats() {
    return new Stats(path, reader.count(Schema.ARTICLE), reader.count(Schema.STORY), reader.count(Schema.TOPIC),
        pipeline.copiesEnabled(), pipeline.storiesEnabled(), ready.getCount() == 0 && replayFailure == null,
        replayed.get(), opening.millis());
  }

  /** Commits made since open (tests: group commit). */
  long commitCount() {
    return commits.commits();
  }

  /** Where the store is. */
  public Path directory() {
    return path;
  }

  private static int checkLimit(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
    return limit;
  }

  private static void checkFormat(Directory directory, Path path) throws IOException {
    if (!org.apache.lucene.index.DirectoryReader.indexExists(directory)) {
      return;
    }
    String format = SegmentInfos.readLatestCommit(directory).getUserData().get(Schema.FORMAT_KEY);
    if (format != null && !format.equals(Schema.FORMAT)) {
      throw new IOException(path + " is a storyline store of format " + format + ", this version reads format "
          + Schema.FORMAT + "; rebuild it with 'storyline run' into a new --store");
    }
  }

  /**
   * Closes the index (stopping a replay still running). Every {@link #add} that returned is already durable; close
   * only releases the files and the lock.
   */
  @Override
  public void close() throws IOException {
    closing = true;
    if (replayer != null) {
      try {
        replayer.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    lock.lock();
    try {
      try {
        if (pipeline != null) {
          pipeline.close();
        }
        if (reader != null) {
          reader.close();
        }
      } finally {
        try {
          if (writer != null && writer.isOpen()) {
            writer.close();
          }
        } finally {
          directory.close();
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** Options of a {@link Store}; each may be set once. */
  public static final class Builder {
    private Path directory;
    private Clock clock = Clock.systemUTC();
    private boolean clockSet;
    private Steps.Factory steps = Steps.DEFAULT;
    private boolean stepsSet;

    private Builder() {}

    /** The folder of the index (created when absent). Required. */
    public Builder directory(Path dir) {
      if (directory != null) {
        throw new IllegalStateException("directory was already set to " + directory);
      }
      this.directory = Objects.requireNonNull(dir, "dir");
      return this;
    }

    /** The clock stamping {@link StoredArticle#added}; default the system clock (UTC). */
    public Builder clock(Clock c) {
      if (clockSet) {
        throw new IllegalStateException("clock was already set");
      }
      this.clock = Objects.requireNonNull(c, "clock");
      this.clockSet = true;
      return this;
    }

    /** The copies and stories stages (tests); default: the real ones when present. */
    Builder steps(Steps.Factory factory) {
      if (stepsSet) {
        throw new IllegalStateException("steps were already set");
      }
      this.steps = Objects.requireNonNull(factory, "factory");
      this.stepsSet = true;
      return this;
    }

    /** Opens the store: creates or opens the index, then replays stored articles through the stages. */
    public Store open() throws IOException {
      if (directory == null) {
        throw new IllegalStateException("directory is required: Store.builder().directory(path).open()");
      }
      return new Store(this);
    }
  }
}
