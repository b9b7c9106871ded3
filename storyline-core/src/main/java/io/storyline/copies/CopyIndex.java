package io.storyline.copies;

import io.storyline.internal.Agencies;
import io.storyline.fingerprint.Fingerprinter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;

/**
 * An online copy index: add one document at a time and get at once what it copies and how much, without any
 * rebuild; ask for the groups, origins and final relations of everything added so far with {@link #results()}.
 * Made by {@link CopyDetector#newIndex()}; safe to share between threads: checks run in parallel under a shared
 * lock, insertions one at a time (a document added meanwhile by another thread that may be a source triggers a
 * second check). The documents added are not modified.
 *
 * <p><b>Lifecycle.</b> {@code add}/{@code query} any number of times, {@code results()} whenever needed (it
 * reflects everything added so far), {@code save} to persist, {@code close} to release the text file.
 *
 * <p><b>How a document is checked</b> ({@link #add} and {@link #query}):
 * <ol>
 *   <li>normalise, tokenise, shingle (4 words), fingerprint: exact normalised hash and a MinHash signature;</li>
 *   <li>candidates: documents sharing an LSH band of the signature (near-duplicates, {@code LshIndex}) or a
 *       sampled shingle ({@code PostingIndex}; cut, extended and partial copies), at most 16, most shared first;</li>
 *   <li>verification on the words of both texts ({@code Reuse}): containment, resemblance, reused share and
 *       traced share; then {@code exact} (same normalised text), {@code near} (wholly derived),
 *       {@code partial} or {@code unique}.</li>
 * </ol>
 * Texts shorter than the shingle size are never compared: {@code unique}, with the reason.
 *
 * <p><b>Groups and origins</b> ({@link #results()}): documents joined by an exact or near relation (in either
 * direction) form a copy group, the connected components of a union-find. The group's origin is the first of its
 * members by: being a wire service's own copy (outlet is an agency such as PA, Reuters, AP), then crediting an
 * agency, then the earliest publication time, then the most shingles (most complete), then the first added. The
 * origin is {@code original}; other members are {@code exact} when their normalised text equals the origin's or a
 * linked member's, else {@code near}. Members without an agency credit inherit the group's (the origin's, else the
 * most credited). A document outside any group is {@code partial} when it takes a substantial part of its text
 * from others (when two documents take from each other, the better-ranked one is the source), else {@code unique}.
 */
public final class CopyIndex implements Closeable {
  /** Score of a candidate per shared LSH band; posting hits add 1 or 2. */
  static final int LSH_SCORE = 1 << 16;
  final CopyDetector detector;
  final Fingerprinter fp;
  final DocTable docs;
  final LshIndex lsh;
  final PostingIndex postings;
  final DfTable df;
  final EdgeList edges;
  final TextStore texts;
  private final SourceCache cache;
  private final ThreadLocal<Candidates> candidates = ThreadLocal.withInitial(Candidates::new);
  /** Checks run under the read lock, in parallel; insertions and group snapshots under the write lock. */
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

  CopyIndex(CopyDetector detector, TextStore texts) {
    this(detector, new DocTable(detector.fingerprinter.shingleSize()), new LshIndex(detector.bands, detector.rows, detector.fingerprinter.seed(), 1024),
        new PostingIndex(detector.sampling, 1024), new DfTable(), new EdgeList(), texts);
  }

  CopyIndex(CopyDetector detector, DocTable docs, LshIndex lsh, PostingIndex postings, DfTable df, EdgeList edges,
      TextStore texts) {
    this.detector = detector;
    this.fp = detector.fingerprinter;
    this.docs = docs;
    this.lsh = lsh;
    this.postings = postings;
    this.df = df;
    this.edges = edges;
    this.texts = texts;
    this.cache = new SourceCache(detector.cacheBytes);
  }

  /**
   * Adds a document and returns what it copies from the documents added before it.
   *
   * @throws IllegalArgumentException when a document with the same id was already added
   */
  public CopyMatch add(CopyDocument doc) {
    Objects.requireNonNull(doc, "doc");
    Analysis a = Analysis.of(fp, doc.text()); // no lock: threads adding at once analyse in parallel
    Keys k = keys(a, true); // computed once for the checks and the insertion, outside the exclusive lock
    int seen;
    Checked c;
    lock.readLock().lock();
    try {
      seen = docs.size;
      c = check(a, k); // shared lock: threads check in parallel against the documents added so far
    } finally {
      lock.readLock().unlock();
    }
    lock.writeLock().lock();
    try {
      if (docs.size > seen && relatedToAny(k, seen, docs.size)) {
        c = check(a, k); // a document added meanwhile by another thread may be a source: check again
      }
      return insert(doc, a, k, c);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** The LSH band keys and the posting keys of an analysed text (null when it has no shingles), and its word buckets. */
  private record Keys(int[] bands, int[] postings, int[] words) {
    boolean hasShingles() {
      return bands != null;
    }
  }

  /** The keys of {@code a}; its word buckets only when it is to be {@code added}. */
  private Keys keys(Analysis a, boolean added) {
    int[] words = added ? DfTable.buckets(a.tokens) : null;
    return a.hasShingles()
        ? new Keys(lsh.keys(a.fingerprint.minHash()), postings.keys(a.shinglesInOrder), words)
        : new Keys(null, null, words);
  }

  private CopyMatch insert(CopyDocument doc, Analysis a, Keys k, Checked c) {
    if (docs.find(doc.id()) >= 0) {
      throw new IllegalArgumentException("document id already in the index: " + doc.id()
          + "; ids must be unique (query() checks a document without adding it)");
    }
    int flags = Agencies.canonicalName(doc.outlet()) != null ? DocTable.OUTLET_IS_AGENCY : 0;
    if (!a.hasShingles()) {
      flags |= DocTable.TOO_SHORT;
    }
    Relation r = c.relation();
    flags |= r == Relation.NEAR || r == Relation.EXACT ? DocTable.ADDED_NEAR : 0;
    flags |= r == Relation.PARTIAL ? DocTable.ADDED_PARTIAL : 0;
    String agency = doc.agency() != null ? doc.agency() : Agencies.canonicalName(doc.outlet()); // a wire's own copy
    int d = docs.add(doc.id(), a.fingerprint.normalizedHash(), a.tokens.size(), doc.published(), agency, flags);
    texts.put(d, doc.text(), a.asSource());
    if (a.hasShingles()) {
      lsh.add(d, k.bands());
      postings.add(d, k.postings());
      cache.put(d, a.asSource());
    }
    df.add(k.words());
    recordRelations(d, c);
    return c.match(doc.id());
  }

  /** What {@code doc} copies from the indexed documents, without adding it. */
  public CopyMatch query(CopyDocument doc) {
    Objects.requireNonNull(doc, "doc");
    Analysis a = Analysis.of(fp, doc.text());
    lock.readLock().lock();
    try {
      return check(a, keys(a, false)).match(doc.id());
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Final copy information of every document added so far, in insertion order, computed lazily from the
   * index (a few arrays of one int per document while the stream is open).
   */
  public Stream<CopyResult> results() {
    Grouping g = withWriteLock(() -> Grouping.snapshot(docs, edges, fp.shingleSize()));
    return java.util.stream.IntStream.range(0, g.size()).mapToObj(d -> withReadLock(() -> g.result(d)));
  }

  /** The final copy information of one document, or {@code null} when no document has this id. */
  public CopyResult result(String id) {
    Objects.requireNonNull(id, "id");
    return withWriteLock(() -> {
      int d = docs.find(id);
      return d < 0 ? null : Grouping.live(docs, edges, fp.shingleSize(), d).result(d);
    });
  }

  /** The text of an indexed document, or {@code null} when no document has this id. */
  public String text(String id) {
    Objects.requireNonNull(id, "id");
    return withReadLock(() -> {
      int d = docs.find(id);
      return d < 0 ? null : texts.get(d);
    });
  }

  /** Number of documents added. */
  public int size() {
    return withReadLock(() -> docs.size);
  }

  /**
   * Writes the index (settings, documents, LSH bands, postings, relations, word frequencies and texts) in a
   * compact binary format with a version header; {@link CopyDetector#load} reads it back.
   */
  public void save(OutputStream out) throws IOException {
    lock.writeLock().lock();
    try {
      IndexFile.write(this, out);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Closes the text file of an on-disk index (and deletes it). */
  @Override
  public void close() throws IOException {
    lock.writeLock().lock();
    try {
      texts.close();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Sizes of the index, for monitoring and the benchmark. */
  public Stats stats() {
    return withReadLock(() -> new Stats(docs.size, edges.size, docs.bytes(), lsh.bytes(), postings.bytes(), edges.bytes(),
        4L << 20, texts.overheadBytes(), cache.bytes()));
  }

  private <T> T withReadLock(java.util.function.Supplier<T> f) {
    lock.readLock().lock();
    try {
      return f.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  private <T> T withWriteLock(java.util.function.Supplier<T> f) {
    lock.writeLock().lock();
    try {
      return f.get();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Whether a document numbered {@code from} to {@code to - 1} shares an LSH band or a sampled shingle with
   * the text of keys {@code k}: read from the tables themselves, so it sees exactly what a second check would find.
   */
  private boolean relatedToAny(Keys k, int from, int to) {
    return k.hasShingles() && (lsh.anyIn(k.bands(), from, to) || postings.anyIn(k.postings(), from, to));
  }

  /**
   * Sizes of a copy index; bytes are the capacity of the arrays, i.e. heap in use.
   *
   * @param documents      documents added
   * @param relations      verified relations recorded between documents
   * @param documentBytes  per-document columns and the id lookup
   * @param lshBytes       LSH band table
   * @param postingBytes   shingle posting table
   * @param relationBytes  recorded relations
   * @param frequencyBytes word frequency table (fixed)
   * @param textStoreBytes offsets of stored texts (the texts themselves are in memory or in a file)
   * @param cacheBytes     tokens of recently added or verified texts (bounded, see {@link CopyDetector.Builder#cacheBytes})
   */
  public record Stats(int documents, int relations, long documentBytes, long lshBytes, long postingBytes,
      long relationBytes, long frequencyBytes, long textStoreBytes, long cacheBytes) {

    /** Heap of the index proper: everything but the stored texts and the cache. */
    public long indexBytes() {
      return documentBytes + lshBytes + postingBytes + relationBytes + frequencyBytes;
    }
  }

  private Checked check(Analysis a, Keys k) {
    if (!a.hasShingles()) {
      return new Checked(this, new Reuse.Outcome(), new int[0], "text has " + a.tokens.size() + " word"
          + (a.tokens.size() == 1 ? "" : "s") + "; at least " + fp.shingleSize() + " are needed to compare it");
    }
    Candidates candidates = this.candidates.get();
    candidates.clear();
    lsh.candidates(k.bands(), doc -> candidates.add(doc, LSH_SCORE));
    postings.candidates(k.postings(), candidates::add);
    int[] top = candidates.top(detector.maxCandidates, a.shinglesInOrder.length, docs::shingles, postings.sampling());
    SourceText[] sources = new SourceText[top.length];
    for (int i = 0; i < top.length; i++) {
      sources[i] = source(top[i]);
    }
    Reuse.Outcome o = Reuse.verify(a, sources, top.length, df, detector.derivation);
    return new Checked(this, o, top, null);
  }

  private SourceText source(int doc) {
    SourceText s = cache.get(doc);
    if (s == null) {
      s = texts.source(doc, docs.tokens(doc), docs.textHash(doc), fp);
      if (s == null) {
        s = SourceText.of(fp, texts.get(doc)); // kept in memory: tokenised again
      }
      cache.put(doc, s);
    }
    return s;
  }

  private void recordRelations(int d, Checked c) {
    int[] flags = Reuse.linkFlags(c.outcome, c.relation(), detector.derivation);
    for (int i = 0; i < flags.length; i++) {
      Reuse.Pair p = c.outcome.sources[i];
      if (flags[i] != 0) {
        int s = c.docs[p.index];
        edges.add(d, s, p.containment, p.reverseContainment, p.resemblance, flags[i]);
        if ((flags[i] & EdgeList.JOINS) != 0) {
          docs.union(d, s);
        }
      }
    }
  }

  /** The verified outcome of one check, and its classification. */
  private static final class Checked {
    final CopyIndex index;
    final Reuse.Outcome outcome;
    final int[] docs;
    final String reason;

    Checked(CopyIndex index, Reuse.Outcome outcome, int[] docs, String reason) {
      this.index = index;
      this.outcome = outcome;
      this.docs = docs;
      this.reason = reason;
    }

    Relation relation() {
      return Reuse.relation(outcome, index.detector.derivation);
    }

    CopyMatch match(String id) {
      List<Source> sources = new ArrayList<>();
      Reuse.Pair[] ps = outcome.sources.clone();
      Arrays.sort(ps, Comparator.comparingDouble((Reuse.Pair p) -> -p.containment));
      for (Reuse.Pair p : ps) {
        sources.add(new Source(index.docs.id(docs[p.index]), p.containment, p.resemblance));
      }
      return new CopyMatch(id, relation(), sources, outcome.evidence(), reason);
    }
  }
}
