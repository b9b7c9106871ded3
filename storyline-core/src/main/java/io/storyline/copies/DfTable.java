package io.storyline.copies;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import io.storyline.fingerprint.Tokens;
import java.io.IOException;

/**
 * Document frequencies of words, for the rarity weights of sentence alignment (inverse document frequency,
 * {@code ln((N+N0)/(df+1))} with a prior of {@code N0 = 100} documents: a name shared by two sentences says more
 * than "government"). Fixed memory: the
 * counts live in 2<sup>20</sup> hashed buckets (4 MB whatever the corpus size), as in a one-row count-min sketch;
 * a collision only makes a word look a little more common.
 */
final class DfTable {
  private static final int BITS = 20;
  /** Per bucket, the number of documents holding a word of the bucket. */
  /** Paged ({@link Pages}): one array of 2^20 ints would take two 4 MB regions of G1's heap, 8 MB. */
  private final Pages.Ints table;
  private long documents;

  DfTable() {
    this(new Pages.Ints(1 << BITS), 0);
  }

  private DfTable(Pages.Ints table, long documents) {
    this.table = table;
    this.documents = documents;
  }

  /** Counts one document's words, each bucket once ({@link #buckets} then {@link #add(int[])}). */
  void add(Tokens tokens) {
    add(buckets(tokens));
  }

  /**
   * The distinct buckets of a document's words: they go through a small set of the document's own (in the
   * first-level cache), so the table needs no per-document marks. Function words are counted too (they are
   * never weighed; skipping them would cost a lookup per token). Reads nothing of the table, so the index calls
   * it before taking its exclusive lock, and only {@link #add(int[])} under it.
   */
  static int[] buckets(Tokens tokens) {
    int n = tokens.size();
    int[] seen = new int[Integer.highestOneBit(Math.max(8, n) * 2 - 1) * 2]; // bucket + 1, at most half full
    int[] out = new int[n];
    int count = 0;
    int mask = seen.length - 1;
    for (int i = 0; i < n; i++) {
      int b = bucket(tokens.hash(i));
      int s = (b * 0x9E3779B9 >>> 7) & mask;
      while (seen[s] != 0 && seen[s] != b + 1) {
        s = (s + 1) & mask;
      }
      if (seen[s] == 0) {
        seen[s] = b + 1;
        out[count++] = b;
      }
    }
    return java.util.Arrays.copyOf(out, count);
  }

  /** Counts one document holding the words of these distinct buckets ({@link #buckets}). */
  void add(int[] buckets) {
    for (int b : buckets) {
      if (table.get(b) != Integer.MAX_VALUE) {
        table.increment(b);
      }
    }
    documents++;
  }

  /**
   * Documents assumed seen before the first, none holding the word (a Bayesian prior): with few documents
   * indexed, counts say little, and without it a word of the only indexed text would weigh 0 against that text
   * itself. Negligible from a few thousand documents on.
   */
  static final double PRIOR_DOCUMENTS = 100;

  /** The rarity weight of a word, {@code ln((N + N0) / (df + 1))}. */
  double idf(long word) {
    return logDocuments() - log1p(table.get(bucket(word)));
  }

  /** {@code ln(N + N0)}, the first term of every weight; {@link #idf(long, double)} takes it precomputed. */
  double logDocuments() {
    return Math.log(documents + PRIOR_DOCUMENTS);
  }

  /** As {@link #idf(long)} with {@code ln(N + 1)} given. */
  double idf(long word, double logDocuments) {
    return logDocuments - log1p(table.get(bucket(word)));
  }

  private static final double[] LOG1P = new double[1 << 16];

  static {
    for (int i = 0; i < LOG1P.length; i++) {
      LOG1P[i] = Math.log(i + 1.0);
    }
  }

  private static double log1p(int count) {
    return count < LOG1P.length ? LOG1P[count] : Math.log(count + 1.0);
  }

  long documents() {
    return documents;
  }

  /** Buckets of the table: words are counted in {@code BUCKETS} hashed buckets. */
  static final int BUCKETS = 1 << BITS;

  /** The count of each bucket (a copy, {@link #BUCKETS} long), for callers that sum tables kept apart. */
  int[] counts() {
    int[] out = new int[BUCKETS];
    for (int b = 0; b < BUCKETS; b++) {
      out[b] = table.get(b);
    }
    return out;
  }

  /** A table holding {@code counts} (as {@link #counts} gives them) over {@code documents} documents. */
  static DfTable of(int[] counts, long documents) {
    if (counts.length != BUCKETS || documents < 0) {
      throw new IllegalArgumentException("a word table has " + BUCKETS + " buckets and documents >= 0, got "
          + counts.length + " buckets and " + documents + " documents");
    }
    Pages.Ints table = new Pages.Ints(BUCKETS);
    for (int b = 0; b < BUCKETS; b++) {
      table.set(b, counts[b]);
    }
    return new DfTable(table, documents);
  }

  void write(DataOutputStream out) throws IOException {
    out.writeLong(documents);
    for (int b = 0; b < BUCKETS; b++) {
      out.writeInt(table.get(b));
    }
  }

  static DfTable read(DataInputStream in) throws IOException {
    long docs = in.readLong();
    Pages.Ints table = new Pages.Ints(BUCKETS);
    for (int b = 0; b < BUCKETS; b++) {
      table.set(b, in.readInt());
    }
    return new DfTable(table, docs);
  }

  private static int bucket(long word) {
    return (int) (word >>> (64 - BITS));
  }
}
