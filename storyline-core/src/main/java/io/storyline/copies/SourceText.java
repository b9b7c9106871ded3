package io.storyline.copies;

import io.storyline.fingerprint.Fingerprinter;
import io.storyline.fingerprint.Tokens;

/**
 * What verification needs of a candidate source: its tokens (words, sentences, content-word flags), the hash of
 * its normalised text, and the sizes of its shingle and 3-word-run sets. No hash tables: {@link Reuse} streams the
 * tokens against the checked document's tables. About 10 bytes per word, so the index's cache holds some 12,000
 * recent texts in 64 MB (copies of one wire story arrive close together); an on-disk index also keeps the tokens
 * in its text file ({@link TextStore}), so older sources are read back, not tokenised again.
 */
final class SourceText {
  /** A set size not counted yet. */
  static final int UNKNOWN = -1;
  final Tokens tokens;
  /**
   * The top 32 bits of the normalised-text hash ({@link #textHash}): what the index keeps per document (4 bytes
   * instead of 8). Exact copies are those with equal text hashes and equal token counts: two different texts of
   * one length collide with probability 2^-32: at most once in 270 streams of 1,000,000 documents (16
   * comparisons a document), and rarer still as most candidates differ in length.
   */
  final int textHash;
  private final int shingleSize;
  private volatile int distinctShingles;
  private volatile int distinctRuns;

  SourceText(Tokens tokens, int textHash, int shingleSize, int distinctShingles, int distinctRuns) {
    this.tokens = tokens;
    this.textHash = textHash;
    this.shingleSize = shingleSize;
    this.distinctShingles = distinctShingles;
    this.distinctRuns = distinctRuns;
  }

  static SourceText of(Fingerprinter fp, String text) {
    Tokens t = fp.tokenize(text);
    return new SourceText(t, textHash(fp.normalizedHash(t)), fp.shingleSize(), UNKNOWN, UNKNOWN);
  }

  /** The text hash kept of a 64-bit normalised hash: its top 32 bits. */
  static int textHash(long normalizedHash) {
    return (int) (normalizedHash >>> 32);
  }

  /** Whether a text with this normalised hash and token count is an exact copy of this one. */
  boolean sameText(long normalizedHash, int tokenCount) {
    return textHash(normalizedHash) == textHash && tokenCount == tokens.size();
  }

  /** Distinct shingles of the index's size (counted on first use). */
  int distinctShingles(Fingerprinter fp) {
    int n = distinctShingles;
    if (n == UNKNOWN) {
      distinctShingles = n = distinct(fp, shingleSize); // a race computes the same number twice
    }
    return n;
  }

  /** Distinct 3-word runs (counted on first use). */
  int distinctRuns(Fingerprinter fp) {
    int n = distinctRuns;
    if (n == UNKNOWN) {
      distinctRuns = n = distinct(fp, Analysis.RUN);
    }
    return n;
  }

  /** The set sizes as known so far ({@link #UNKNOWN} when not counted), for storing. */
  int knownShingles() {
    return distinctShingles;
  }

  int knownRuns() {
    return distinctRuns;
  }

  private int distinct(Fingerprinter fp, int k) {
    LongSet seen = new LongSet(tokens.size(), false);
    int n = 0;
    for (int i = 0; i + k <= tokens.size(); i++) {
      n += seen.add(fp.shingleAt(tokens, i, k)) ? 1 : 0;
    }
    return n;
  }

  /** Heap bytes, for the cache's budget: the token hashes with their spare capacity, sentence starts, flags. */
  long bytes() {
    return 96 + tokens.size() * 11L + tokens.sentenceCount() * 6L;
  }
}
