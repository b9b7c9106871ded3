package io.storyline.copies;

import static io.storyline.internal.Mix64.mix;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Locality-sensitive hashing of MinHash signatures by banding (Indyk and Motwani 1998; Broder 1997; Leskovec,
 * Rajaraman and Ullman, <i>Mining of Massive Datasets</i>, ch. 3): the signature of {@code b x r} values is cut
 * into {@code b} bands of {@code r} rows; two documents become candidates when all rows of at least one band
 * agree. At Jaccard resemblance {@code J} that happens with probability {@code 1 - (1 - J^r)^b}, the S-curve.
 *
 * <p><b>Parameters: b = 8 bands x r = 4 rows</b> (a 32-value signature). The S-curve:
 * <pre>
 *   J          0.2    0.3    0.4    0.5    0.6    0.7    0.8    0.9
 *   P(cand.)   0.013  0.063  0.187  0.403  0.671  0.889  0.985  0.9998
 * </pre>
 * Threshold {@code (1/b)^(1/r) = 0.59}. The bands are tuned to near-duplicates proper (edited copies of a whole
 * text, J &ge; 0.8: 98.5% found by the bands alone); copies that were cut or extended (J 0.3&ndash;0.7, containment
 * high) and partial reuse are found by the shingle postings ({@link PostingIndex}), which see containment
 * rather than resemblance. More bands would catch J = 0.5 directly (b = 20, r = 3: 0.93) but cost 12 more
 * entries, about 55 bytes packed, per document, against a target of 200 bytes per document for the whole index; and
 * unrelated news texts (J &lt; 0.05) collide in fewer than 1 in 10<sup>5</sup> pairs at r = 4, so the bands add
 * almost no false candidates. Measured pair recall on the synthetic corpus: see README, Benchmarks, Copies.
 *
 * <p>Each band is hashed to 32 bits with its band number, and all bands share one {@link PackedMultimap}: 8 entries
 * per document.
 */
final class LshIndex {
  static final int CAP = 256;
  private final int bands;
  private final int rows;
  private final long seed;
  /** Recent entries packed at a time ({@link PackedMultimap}): a table of 1.2 MB, about 16,000 documents. */
  static final int FLUSH = 1 << 17;
  private final PackedMultimap map;

  LshIndex(int bands, int rows, long seed, int expectedDocs) {
    this(bands, rows, seed, expectedDocs, FLUSH);
  }

  /** As {@link #LshIndex(int, int, long, int)}, packing every {@code flushAt} entries (tests use small values). */
  LshIndex(int bands, int rows, long seed, int expectedDocs, int flushAt) {
    this(bands, rows, seed, new PackedMultimap(CAP, flushAt, expectedDocs * bands));
  }

  private LshIndex(int bands, int rows, long seed, PackedMultimap map) {
    this.bands = bands;
    this.rows = rows;
    this.seed = seed;
    this.map = map;
  }

  /** The band keys of a signature of {@code bands * rows} values. */
  int[] keys(int[] signature) {
    if (signature.length != bands * rows) {
      throw new IllegalArgumentException("signature has " + signature.length + " values, the index needs "
          + bands + " x " + rows + " = " + bands * rows);
    }
    int[] keys = new int[bands];
    for (int b = 0; b < bands; b++) {
      long h = seed + b;
      for (int r = 0; r < rows; r++) {
        h = mix(h * 0x9E3779B97F4A7C15L + signature[b * rows + r]);
      }
      keys[b] = (int) (h >>> 32);
    }
    return keys;
  }

  void add(int doc, int[] keys) {
    for (int k : keys) {
      map.put(k, doc);
    }
  }

  void candidates(int[] keys, IntMultimap.DocSink sink) {
    for (int k : keys) {
      map.get(k, sink);
    }
  }

  int bands() {
    return bands;
  }

  int rows() {
    return rows;
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

  static LshIndex read(DataInputStream in, int bands, int rows, long seed) throws IOException {
    return new LshIndex(bands, rows, seed, PackedMultimap.read(in, CAP, FLUSH));
  }

}
