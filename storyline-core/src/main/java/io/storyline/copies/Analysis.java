package io.storyline.copies;

import io.storyline.fingerprint.Fingerprint;
import io.storyline.fingerprint.Fingerprinter;
import io.storyline.fingerprint.Tokens;

/**
 * A checked document as verification reads it: its shingles (the index's size {@code k}, in text order) and
 * fingerprint at once; when it has candidates to verify, {@link #prepare} numbers its distinct shingles, 3-word
 * runs and content words in hash tables, so that each candidate source is verified in one pass over the source's
 * tokens with a lookup per token ({@link Reuse}), and nothing of the source is tabled. Sources need only their
 * {@link SourceText}: the tokens, which the index caches for recent documents.
 */
final class Analysis {
  /** Word runs of this length found in a source count as reused text; see {@link Reuse}. */
  static final int RUN = 3;

  final Fingerprinter fp;
  final Tokens tokens;
  /** Shingle hashes in text order, repeats included. */
  final long[] shinglesInOrder;
  final Fingerprint fingerprint;
  private volatile boolean prepared;
  /** Distinct shingles, each with its number ({@code 0 .. distinctShingles - 1}). */
  private LongSet shingleIds;
  /** Distinct 3-word runs, each with its number. */
  private LongSet runIds;
  /** The number of the 3-word run starting at each token ({@code size - 2} entries). */
  private int[] runIdAt;
  /** Distinct content words, each with its number. */
  private LongSet wordIds;
  private int wordCount;
  /** The hash of each content word, by number. */
  private long[] wordHashes;
  /**
   * One bit per hash of the tables above (shingles, runs, content words), by the hash's top 15 bits: 4 KB that
   * stay in the first-level cache, so that most hashes of a source the checked text lacks are turned away
   * without a probe into the tables (about 1,400 hashes set for 480 words: 4% pass falsely, then the table says
   * no). Unrelated candidates share almost nothing, and they are most of the candidates verified.
   */
  private long[] filter;
  private SourceText asSource;

  private Analysis(Fingerprinter fp, Tokens tokens, long[] shinglesInOrder, Fingerprint fingerprint) {
    this.fp = fp;
    this.tokens = tokens;
    this.shinglesInOrder = shinglesInOrder;
    this.fingerprint = fingerprint;
  }

  static Analysis of(Fingerprinter fp, String text) {
    return of(fp, fp.tokenize(text));
  }

  static Analysis of(Fingerprinter fp, Tokens t) {
    long[] shingles = fp.shinglesInOrder(t);
    return new Analysis(fp, t, shingles, fp.fingerprint(t, shingles));
  }

  /**
   * Builds the 3-word run table, once: all that the first test of a candidate reads (does it share 3% of the
   * runs?). Most candidates fail it, so the shingle and word tables wait for {@link #prepare}.
   */
  synchronized Analysis prepareRuns() {
    if (runIds != null) {
      return this;
    }
    int runs = Math.max(0, tokens.size() - RUN + 1);
    long[] runAt = new long[runs];
    for (int i = 0; i < runs; i++) {
      runAt[i] = fp.shingleAt(tokens, i, RUN);
    }
    int[] ids = new int[runs];
    LongSet set = numbered(runAt, runs, ids);
    long[] f = new long[1 << 9];
    for (long h : runAt) {
      mark(f, h);
    }
    filter = f;
    runIdAt = ids;
    runIds = set;
    return this;
  }

  /** Builds the tables verification reads, once (the lock publishes them to other threads). */
  synchronized Analysis prepare() {
    if (prepared) {
      return this;
    }
    prepareRuns();
    shingleIds = numbered(shinglesInOrder, shinglesInOrder.length, null);
    LongSet words = new LongSet(Math.max(8, tokens.size() / 2), true);
    long[] hashes = new long[Math.max(8, tokens.size() / 2)];
    int n = 0;
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.isContent(i) && words.put(tokens.hash(i), n) < 0) {
        if (n == hashes.length) {
          hashes = java.util.Arrays.copyOf(hashes, n * 2);
        }
        hashes[n++] = tokens.hash(i);
      }
    }
    wordIds = words;
    wordHashes = hashes;
    wordCount = n;
    for (long h : shinglesInOrder) {
      mark(filter, h);
    }
    for (int i = 0; i < n; i++) {
      mark(filter, hashes[i]);
    }
    prepared = true;
    return this;
  }

  private static void mark(long[] filter, long h) {
    filter[(int) (h >>> 55)] |= 1L << (h >>> 49);
  }

  private boolean mayHave(long h) {
    return (filter[(int) (h >>> 55)] & 1L << (h >>> 49)) != 0;
  }

  /** The values of {@code hashes} in a set numbering them in order of first occurrence; {@code ids} gets each's number. */
  private static LongSet numbered(long[] hashes, int n, int[] ids) {
    LongSet set = new LongSet(n, true);
    int next = 0;
    for (int i = 0; i < n; i++) {
      int slot = set.put(hashes[i], next);
      int id = slot < 0 ? next++ : set.valueAt(slot);
      if (ids != null) {
        ids[i] = id;
      }
    }
    return set;
  }

  /** Whether the text has at least one shingle. */
  boolean hasShingles() {
    return shinglesInOrder.length > 0;
  }

  /** This text as a source of later documents (its tokens, hash and set sizes). */
  synchronized SourceText asSource() {
    if (asSource == null) {
      asSource = new SourceText(tokens, SourceText.textHash(fingerprint.normalizedHash()), fp.shingleSize(),
          prepared ? shingleIds.size() : SourceText.UNKNOWN, runIds != null ? runIds.size() : SourceText.UNKNOWN);
    }
    return asSource;
  }

  /** Number of distinct shingles ({@link #prepare}d). */
  int distinctShingles() {
    return shingleIds.size();
  }

  /** The number of a shingle of this text, or -1 when it does not occur ({@link #prepare}d). */
  int shingleId(long shingle) {
    return mayHave(shingle) ? shingleIds.get(shingle) : -1;
  }

  /** Number of distinct 3-word runs ({@link #prepareRuns}). */
  int distinctRuns() {
    return runIds.size();
  }

  /** The number of a 3-word run of this text, or -1 ({@link #prepare}d). */
  int runId(long run) {
    return mayHave(run) ? runIds.get(run) : -1;
  }

  /** The number of the run starting at token {@code i} ({@link #prepare}d). */
  int runIdAt(int i) {
    return runIdAt[i];
  }

  /** Number of 3-word run positions, {@code size - 2} (0 for shorter texts). */
  int runPositions() {
    return runIdAt.length;
  }

  /** The number of a content word of this text, or -1 when it does not occur ({@link #prepare}d). */
  int wordId(long word) {
    return mayHave(word) ? wordIds.get(word) : -1;
  }

  /** The hash of content word number {@code id} ({@link #prepare}d). */
  long wordHash(int id) {
    return wordHashes[id];
  }

  /** Number of distinct content words ({@link #prepare}d). */
  int wordCount() {
    return wordCount;
  }
}
