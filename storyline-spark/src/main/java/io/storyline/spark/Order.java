package io.storyline.spark;

/**
 * A document's place in the input order as one {@code long}: the rank of its file in the order the CLI reads
 * (inputs as given, folders depth-first, names sorted) in the high bits, its index within the file in the low
 * bits. Unique per document, so it also serves as the document's node id in the copy graph, and sorting by it
 * gives the CLI's output order.
 */
final class Order {
  /** Bits for the index within a file: 2^35 (34 billion) documents per file. */
  static final int INDEX_BITS = 35;
  /** Files one job can read: 2^28 (268 million). */
  static final long MAX_FILES = 1L << (63 - INDEX_BITS);

  private Order() {}

  static long of(long fileRank, long index) {
    if (fileRank < 0 || fileRank >= MAX_FILES) {
      throw new IllegalArgumentException("fileRank must be in [0, " + MAX_FILES + "), got " + fileRank);
    }
    if (index < 0 || index >= 1L << INDEX_BITS) {
      throw new IllegalArgumentException("index must be in [0, 2^" + INDEX_BITS + "), got " + index);
    }
    return fileRank << INDEX_BITS | index;
  }

  static long fileRank(long order) {
    return order >>> INDEX_BITS;
  }

  /** A well-spread hash of an order, for partitioning (orders of one file are consecutive). */
  static int spread(long order) {
    long h = order * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
