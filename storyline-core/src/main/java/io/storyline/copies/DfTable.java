package io.storyline.copies;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Document frequencies of words, for the rarity weights of sentence alignment (inverse document frequency,
 * {@code ln((N+1)/(df+1))}: a name shared by two sentences says more than "government"). Fixed memory: the
 * counts live in 2<sup>20</sup> hashed buckets (4 MB whatever the corpus size), as in a one-row count-min sketch;
 * a collision only makes a word look a little more common.
 */
final class DfTable {
  private static final int BITS = 20;
  private final int[] counts;
  private long documents;

  DfTable() {
    this(new int[1 << BITS], 0);
  }

  private DfTable(int[] counts, long documents) {
    this.counts = counts;
    this.documents = documents;
  }

  /** Counts one document's words ({@code words}: distinct content-word hashes). */
  void add(long[] words, int n) {
    for (int i = 0; i < n; i++) {
      int b = bucket(words[i]);
      if (counts[b] != Integer.MAX_VALUE) {
        counts[b]++;
      }
    }
    documents++;
  }

  /** The rarity weight of a word; 0 for a word in every document. */
  double idf(long word) {
    return Math.log((documents + 1.0) / (counts[bucket(word)] + 1.0));
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
