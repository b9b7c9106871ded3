package io.storyline.copies;

import java.util.Arrays;

/** Candidate documents with their scores, reused between checks. */
final class Candidates {
  private int[] docs = new int[256];
  private int[] scores = new int[256];
  private int[] slotOf = new int[256];
  private int[] slots = new int[1024];
  private int size;

  void clear() {
    for (int i = 0; i < size; i++) {
      slots[slotOf[i]] = 0;
    }
    size = 0;
  }

  void add(int doc, int score) {
    int s = slot(doc);
    while (slots[s] != 0) {
      int i = slots[s] - 1;
      if (docs[i] == doc) {
        scores[i] += score;
        return;
      }
      s = (s + 1) & (slots.length - 1);
    }
    if (size == docs.length) {
      docs = Arrays.copyOf(docs, size * 2);
      scores = Arrays.copyOf(scores, size * 2);
      slotOf = Arrays.copyOf(slotOf, size * 2);
    }
    if (size * 2 >= slots.length) {
      rehash();
      add(doc, score);
      return;
    }
    docs[size] = doc;
    scores[size] = score;
    slotOf[size] = s;
    slots[s] = ++size;
  }

  /**
   * The best {@code n} documents worth verifying, highest score first, newest first on ties. Worth verifying:
   * an LSH band in common, or a posting score of 2 or more (one rare shared shingle, or two common ones), or
   * any shared shingle when one of the two texts is short (under {@code 8p} shingles, where even heavy reuse
   * yields few sampled hits). A single common shingle is what unrelated texts sharing a stock phrase have;
   * verifying those cost 6 verifications per document on the synthetic corpus, for nothing.
   */
  int[] top(int n, int queryShingles, java.util.function.IntUnaryOperator shingles, int sampling) {
    long[] order = new long[size]; // score in the high half, document in the low: one primitive sort
    int eligible = 0;
    for (int i = 0; i < size; i++) {
      int hits = scores[i] % CopyIndex.LSH_SCORE; // posting score
      boolean shortPair = Math.min(queryShingles, shingles.applyAsInt(docs[i])) < 8 * sampling;
      if (scores[i] >= CopyIndex.LSH_SCORE || hits >= 2 || shortPair) {
        order[eligible++] = (long) scores[i] << 32 | docs[i];
      }
    }
    Arrays.sort(order, 0, eligible);
    int m = Math.min(n, eligible);
    int[] out = new int[m];
    for (int i = 0; i < m; i++) {
      out[i] = (int) order[eligible - 1 - i]; // highest score first, newest first on ties
    }
    return out;
  }

  private void rehash() {
    slots = new int[slots.length * 2];
    int n = size;
    size = 0;
    int[] oldDocs = docs.clone();
    int[] oldScores = scores.clone();
    for (int i = 0; i < n; i++) {
      add(oldDocs[i], oldScores[i]);
    }
  }

  private int slot(int doc) {
    int h = doc * 0x9E3779B9;
    return (h ^ h >>> 15) & (slots.length - 1);
  }
}
