package io.storyline.copies;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import io.storyline.fingerprint.Tokens;

/**
 * Document frequencies of words, for the rarity weights of sentence alignment (inverse document frequency,
 * {@code ln((N+N0)/(df+1))} with a prior of {@code N0 = 100} documents: a name shared by two sentences says more
 * than "government"). Fixed memory: the
 * counts live in 2<sup>20</sup> hashed buckets (4 MB whatever the corpus size, and 4 MB of per-document marks), as in a one-row count-min sketch;
 * a collision only makes a word look a little more common.
 */
final class DfTable {
  private static final int BITS = 20;
  private final int[] counts;
  private final int[] seen = new int[1 << BITS];
  private long documents;

  DfTable() {
    this(new int[1 << BITS], 0);
  }

  private DfTable(int[] counts, long documents) {
    this.counts = counts;
    this.documents = documents;
  }

  /** Counts one document's content words, each once. */
  void add(Tokens tokens) {
    int stamp = (int) (documents + 1); // marks buckets already counted for this document
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.isContent(i)) {
        int b = bucket(tokens.hash(i));
        if (seen[b] != stamp) {
          seen[b] = stamp;
          if (counts[b] != Integer.MAX_VALUE) {
            counts[b]++;
          }
        }
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
    return logDocuments() - log1p(counts[bucket(word)]);
  }

  /** {@code ln(N + N0)}, the first term of every weight; {@link #idf(long, double)} takes it precomputed. */
  double logDocuments() {
    return Math.log(documents + PRIOR_DOCUMENTS);
  }

  /** As {@link #idf(long)} with {@code ln(N + 1)} given. */
  double idf(long word, double logDocuments) {
    return logDocuments - log1p(counts[bucket(word)]);
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

  void write(DataOutputStream out) throws IOException {
    out.writeLong(documents);
    for (int c : counts) {
      out.writeInt(c);
    }
  }

  static DfTable read(DataInputStream in) throws IOException {
    long docs = in.readLong();
    int[] counts = new int[1 << BITS];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = in.readInt();
    }
    return new DfTable(counts, docs);
  }

  private static int bucket(long word) {
    return (int) (word >>> (64 - BITS));
  }
}
