package io.storyline.copies;

import io.storyline.fingerprint.Fingerprint;
import io.storyline.fingerprint.Fingerprinter;
import io.storyline.fingerprint.Tokens;
import java.util.Arrays;

/**
 * Everything verification needs of one text, computed once: its shingles (the index's size {@code k}, sorted),
 * its 3-word runs by position and as a sorted set (for the reused share), and per sentence the distinct content
 * words (for alignment). Immutable once built.
 */
final class Analysis {
  /** Word runs of this length found in a source count as reused text; see {@link Reuse}. */
  static final int RUN = 3;

  final Tokens tokens;
  final long[] shingles;
  final Fingerprint fingerprint;
  /** Hash of the 3-word run starting at each token ({@code size - 2} entries). */
  final long[] runAt;
  /** Distinct 3-word run hashes, sorted. */
  final long[] runSet;
  /** Per sentence, its distinct content-word hashes, sorted. */
  final long[][] sentenceWords;
  /** Per sentence, its number of tokens. */
  final int[] sentenceLength;

  private Analysis(Tokens tokens, long[] shingles, Fingerprint fingerprint, long[] runAt, long[] runSet,
      long[][] sentenceWords, int[] sentenceLength) {
    this.tokens = tokens;
    this.shingles = shingles;
    this.fingerprint = fingerprint;
    this.runAt = runAt;
    this.runSet = runSet;
    this.sentenceWords = sentenceWords;
    this.sentenceLength = sentenceLength;
  }

  static Analysis of(Fingerprinter fp, String text) {
    Tokens t = fp.tokenize(text);
    long[] shingles = fp.shingles(t);
    Fingerprint f = fp.fingerprint(t, shingles);
    int n = Math.max(0, t.size() - RUN + 1);
    long[] runAt = new long[n];
    for (int i = 0; i < n; i++) {
      runAt[i] = fp.shingleAt(t, i, RUN);
    }
    long[] runSet = distinctSorted(runAt.clone(), n);
    int s = t.sentenceCount();
    long[][] words = new long[s][];
    int[] lengths = new int[s];
    long[] buf = new long[64];
    for (int k = 0; k < s; k++) {
      int from = t.sentenceStart(k);
      int to = t.sentenceEnd(k);
      lengths[k] = to - from;
      if (buf.length < to - from) {
        buf = new long[to - from];
      }
      int m = 0;
      for (int i = from; i < to; i++) {
        if (t.isContent(i)) {
          buf[m++] = t.hash(i);
        }
      }
      words[k] = distinctSorted(Arrays.copyOf(buf, m), m);
    }
    return new Analysis(t, shingles, f, runAt, runSet, words, lengths);
  }

  /** Distinct content words of the whole text, sorted (for document frequencies). */
  long[] contentWords() {
    int total = 0;
    for (long[] w : sentenceWords) {
      total += w.length;
    }
    long[] all = new long[total];
    int at = 0;
    for (long[] w : sentenceWords) {
      System.arraycopy(w, 0, all, at, w.length);
      at += w.length;
    }
    return distinctSorted(all, total);
  }

  /** Approximate heap bytes, for the verification cache. */
  long bytes() {
    long b = 64 + shingles.length * 8L + runAt.length * 16L + sentenceLength.length * 24L + tokens.size() * 9L;
    for (long[] w : sentenceWords) {
      b += w.length * 8L;
    }
    return b;
  }

  static long[] distinctSorted(long[] a, int n) {
    Arrays.sort(a, 0, n);
    int d = 0;
    for (int i = 0; i < n; i++) {
      if (d == 0 || a[i] != a[d - 1]) {
        a[d++] = a[i];
      }
    }
    return d == a.length ? a : Arrays.copyOf(a, d);
  }

  /** Size of the intersection of two sorted distinct arrays. */
  static int intersection(long[] x, long[] y) {
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < x.length && j < y.length) {
      long a = x[i];
      long b = y[j];
      if (a == b) {
        n++;
        i++;
        j++;
      } else if (a < b) {
        i++;
      } else {
        j++;
      }
    }
    return n;
  }
}
