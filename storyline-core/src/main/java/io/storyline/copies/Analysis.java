package io.storyline.copies;

import io.storyline.fingerprint.Fingerprint;
import io.storyline.fingerprint.Fingerprinter;
import io.storyline.fingerprint.Tokens;
import java.util.Arrays;

/**
 * Everything verification needs of one text, computed at most once: its shingles (the index's size {@code k},
 * sorted) and fingerprint at once; its 3-word runs and its passages only when a verification needs them (most
 * documents never get that far). An analysis shared between threads is {@link #prepare}d first.
 */
final class Analysis {
  /** Word runs of this length found in a source count as reused text; see {@link Reuse}. */
  static final int RUN = 3;

  final Tokens tokens;
  /** Shingle hashes in text order, repeats included. */
  final long[] shinglesInOrder;
  final Fingerprint fingerprint;
  private LongSet shingleSet;
  private final Fingerprinter fp;
  private long[] runAt;
  private LongSet runSet;
  private LongSet wordIds;
  private int wordCount;
  private int[] firstOccurrence;
  private int[] nextOccurrence;
  private int[] occurrenceSentence;

  private Analysis(Fingerprinter fp, Tokens tokens, long[] shinglesInOrder, Fingerprint fingerprint) {
    this.fp = fp;
    this.tokens = tokens;
    this.shinglesInOrder = shinglesInOrder;
    this.fingerprint = fingerprint;
  }

  static Analysis of(Fingerprinter fp, String text) {
    Tokens t = fp.tokenize(text);
    long[] shingles = fp.shinglesInOrder(t);
    return new Analysis(fp, t, shingles, fp.fingerprint(t, shingles));
  }

  /**
   * Builds every part verification reads, once. Threads sharing a cached analysis call this before reading it:
   * the lock makes the parts built by another thread visible, and the accessors then find them built.
   */
  synchronized Analysis prepare() {
    shingleSet();
    runSet();
    wordCount();
    return this;
  }

  /** Whether the text has at least one shingle. */
  boolean hasShingles() {
    return shinglesInOrder.length > 0;
  }

  /** Distinct shingle hashes (for exact containment and resemblance). */
  LongSet shingleSet() {
    if (shingleSet == null) {
      shingleSet = new LongSet(shinglesInOrder.length, false);
      for (long h : shinglesInOrder) {
        shingleSet.add(h);
      }
    }
    return shingleSet;
  }

  /** Hash of the 3-word run starting at each token ({@code size - 2} entries). */
  long[] runAt() {
    if (runAt == null) {
      int n = Math.max(0, tokens.size() - RUN + 1);
      runAt = new long[n];
      for (int i = 0; i < n; i++) {
        runAt[i] = fp.shingleAt(tokens, i, RUN);
      }
    }
    return runAt;
  }

  /** Distinct 3-word run hashes. */
  LongSet runSet() {
    if (runSet == null) {
      long[] r = runAt();
      runSet = new LongSet(r.length, false);
      for (long h : r) {
        runSet.add(h);
      }
    }
    return runSet;
  }

  /**
   * Where each content word occurs, by sentence: a word's id ({@link #wordId}), and for each id the sentences
   * holding it in increasing order as a linked list ({@link #firstOccurrence}, {@link #nextOccurrence},
   * {@link #occurrenceSentence}). Built in one pass over the tokens, without sorting.
   */
  private void indexWords() {
    int n = tokens.size();
    LongSet ids = new LongSet(Math.max(8, n / 2), true);
    int[] first = new int[Math.max(8, n / 2)];
    int[] last = new int[first.length];
    int[] lastSentence = new int[first.length];
    int[] occSentence = new int[Math.max(8, n)];
    int[] occNext = new int[occSentence.length];
    int words = 0;
    int occ = 0;
    for (int k = 0; k < tokens.sentenceCount(); k++) {
      for (int i = tokens.sentenceStart(k), end = tokens.sentenceEnd(k); i < end; i++) {
        if (!tokens.isContent(i)) {
          continue;
        }
        int slot = ids.put(tokens.hash(i), words);
        int id = slot < 0 ? words : ids.valueAt(slot);
        if (slot < 0) {
          if (words == first.length) {
            first = Arrays.copyOf(first, words * 2);
            last = Arrays.copyOf(last, words * 2);
            lastSentence = Arrays.copyOf(lastSentence, words * 2);
          }
          first[id] = -1;
          lastSentence[id] = -1;
          words++;
        }
        if (lastSentence[id] == k) {
          continue; // already counted in this sentence
        }
        lastSentence[id] = k;
        occSentence[occ] = k;
        occNext[occ] = -1;
        if (first[id] < 0) {
          first[id] = occ;
        } else {
          occNext[last[id]] = occ;
        }
        last[id] = occ;
        occ++;
      }
    }
    wordIds = ids;
    firstOccurrence = first;
    occurrenceSentence = occSentence;
    nextOccurrence = occNext;
    wordCount = words;
  }

  /** The id of a content word of this text, or -1 when it does not occur. */
  int wordId(long word) {
    if (wordIds == null) {
      indexWords();
    }
    return wordIds.get(word);
  }

  /** Number of distinct content words. */
  int wordCount() {
    if (wordIds == null) {
      indexWords();
    }
    return wordCount;
  }

  /** First occurrence of word {@code id} (see {@link #occurrenceSentence}). */
  int firstOccurrence(int id) {
    return firstOccurrence[id];
  }

  /** The occurrence after {@code occurrence} of the same word, in a later sentence, or -1. */
  int nextOccurrence(int occurrence) {
    return nextOccurrence[occurrence];
  }

  /** The sentence of an occurrence. */
  int occurrenceSentence(int occurrence) {
    return occurrenceSentence[occurrence];
  }

  /**
   * Heap bytes for the verification cache, counted as if every lazy part were built (they are once a text is
   * verified): about 80 bytes per token.
   */
  long bytes() {
    return 160 + tokens.size() * 96L;
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

}
