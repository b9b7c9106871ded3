package io.storyline.spark;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.Partitioner;

/**
 * Range partitioner over input order with bounds taken from the file listing (cumulative bytes), so the output can
 * be written in input order without the sampling pass of {@code sortByKey}. Partition i holds the orders below
 * {@code bounds[i]}; one file larger than a share stays in one partition.
 */
final class OrderPartitioner extends Partitioner {
  private static final long serialVersionUID = 1L;
  private final long[] bounds;

  private OrderPartitioner(long[] bounds) {
    this.bounds = bounds;
  }

  /** About {@code partitions} ranges of equal input bytes. */
  static OrderPartitioner of(List<InputFile> files, int partitions) {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be >= 1, got " + partitions);
    }
    long total = 0;
    for (InputFile f : files) {
      total += Math.max(1, f.size());
    }
    long share = Math.max(1, total / partitions);
    long[] cuts = new long[partitions - 1];
    int n = 0;
    long sum = 0;
    for (int i = 0; i + 1 < files.size(); i++) { // no cut after the last file: nothing would follow it
      InputFile f = files.get(i);
      sum += Math.max(1, f.size());
      if (n < cuts.length && sum >= share * (n + 1)) {
        cuts[n++] = Order.of(files.get(i + 1).rank(), 0);
      }
    }
    return new OrderPartitioner(Arrays.copyOf(cuts, n));
  }

  @Override
  public int numPartitions() {
    return bounds.length + 1;
  }

  @Override
  public int getPartition(Object key) {
    long order = (Long) key;
    int i = Arrays.binarySearch(bounds, order);
    return i >= 0 ? i + 1 : -i - 1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OrderPartitioner p && Arrays.equals(p.bounds, bounds);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bounds);
  }
}
