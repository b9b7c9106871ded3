package io.storyline.copies;

import static io.storyline.internal.Mix64.mix;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Sampled shingle postings: the index for containment, which LSH banding on resemblance misses when a short
 * article takes a few paragraphs of a long wire text (resemblance 0.05, containment 0.6).
 *
 * <p><b>Method.</b> Broder's MOD-m sample (Broder 1997, "On the resemblance and containment of documents"): keep
 * the shingles whose hash is 0 modulo {@code p}, and post each kept shingle to the documents holding it. The
 * sample is consistent &mdash; a shingle is kept in every document or in none &mdash; so two documents sharing
 * {@code s} shingles share about {@code s/p} sampled ones whatever their sizes, and the sample estimates
 * containment in both directions without bias. LSH Ensemble (Zhu et al., VLDB 2016) was considered instead: it
 * partitions by size and lowers the Jaccard threshold to {@code t*q/(u+q-t*q)} per partition; for a 100-shingle
 * article taking 60 shingles of a 1,000-shingle text that is J = 0.058, which banding can only reach with one-row
 * bands, i.e. a candidate for every document sharing any one MinHash value &mdash; hundreds of thousands of
 * candidates at 1M documents. Postings only return documents that share an actual sampled shingle.
 *
 * <p><b>Rate.</b> Reuse of {@code o} shared shingles is found with probability {@code 1 - (1-1/p)^o}: with
 * {@code p = 16}, 3 paragraphs (about 60 shingles) are found with probability 0.98, one paragraph (20) with 0.72.
 * A 400-word article posts about 25 shingles. Boilerplate shingles (in more than 64 documents) stop being posted.
 * Measured recall and memory: README, Benchmarks, Copies.
 */
final class PostingIndex {
  static final int CAP = 64;
  /** A shingle in at most this many documents is rare: sharing it is evidence of reuse. */
  static final int RARE = 4;
  private static final long SALT = 0x504F5354494E4753L;
  private final int sampling;
  /**
   * Recent entries packed at a time ({@link PackedMultimap}): a table of 1.2 MB, about 5,000 documents. Twice
   * that (2.4 MB) is above half of a 4 MB heap region, where G1 gives an array whole regions (4 MB): 2.8 bytes
   * per document more at 1,000,000 documents, for half as many merges into the small segment.
   */
  static final int FLUSH = 1 << 17;
  private final PackedMultimap map;

  PostingIndex(int sampling, int expectedDocs) {
    this(sampling, expectedDocs, FLUSH);
  }

  /** As {@link #PostingIndex(int, int)}, packing every {@code flushAt} entries (tests use small values). */
  PostingIndex(int sampling, int expectedDocs, int flushAt) {
    this(sampling, new PackedMultimap(CAP, flushAt, expectedDocs * Math.max(1, 600 / sampling)));
  }

  private PostingIndex(int sampling, PackedMultimap map) {
    if (Integer.bitCount(sampling) != 1) {
      throw new IllegalArgumentException("sampling must be a power of two, got " + sampling);
    }
    this.sampling = sampling;
    this.map = map;
  }

  /** The distinct posting keys of shingle hashes (any order, repeats allowed): those in the sample. */
  int[] keys(long[] shingles) {
    int[] keys = new int[Math.max(4, shingles.length / sampling * 2)];
    int n = 0;
    long mask = sampling - 1;
    for (long s : shingles) {
      long v = mix(s ^ SALT);
      if ((v & mask) == 0) {
        if (n == keys.length) {
          keys = java.util.Arrays.copyOf(keys, n * 2);
        }
        keys[n++] = (int) (v >>> 32);
      }
    }
    java.util.Arrays.sort(keys, 0, n);
    int d = 0;
    for (int i = 0; i < n; i++) {
      if (d == 0 || keys[i] != keys[d - 1]) {
        keys[d++] = keys[i];
      }
    }
    return java.util.Arrays.copyOf(keys, d);
  }

  void add(int doc, int[] keys) {
    for (int k : keys) {
      map.put(k, doc);
    }
  }

  /**
   * Calls {@code sink} with each document sharing a sampled shingle, weighted 2 when the shingle is rare (in at
   * most {@link #RARE} documents: text reuse) and 1 when common (a stock phrase many texts share).
   */
  void candidates(int[] keys, Weighted sink) {
    int[] buf = new int[CAP];
    for (int k : keys) {
      int n = map.get(k, buf);
      int weight = n <= RARE ? 2 : 1;
      for (int i = 0; i < n; i++) {
        sink.accept(buf[i], weight);
      }
    }
  }

  /** Receives a candidate document and the weight of one shared shingle. */
  @FunctionalInterface
  interface Weighted {
    void accept(int doc, int weight);
  }

  int sampling() {
    return sampling;
  }

  /** Whether a document numbered {@code from} to {@code to - 1} is held under one of {@code keys}. */
  boolean anyIn(int[] keys, int from, int to) {
    return map.anyIn(keys, from, to);
  }

  long bytes() {
    return map.bytes();
  }

  void write(DataOutputStream out) throws IOException {
    map.write(out);
  }

  static PostingIndex read(DataInputStream in, int sampling) throws IOException {
    return new PostingIndex(sampling, PackedMultimap.read(in, CAP, FLUSH));
  }

}
