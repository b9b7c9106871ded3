package io.storyline.spark;

import org.apache.spark.Partitioner;

/**
 * A partitioner that puts a key in partition {@code floorMod(hash(key), n)}: the shuffles keyed by source, band
 * key, time block or slice. Two partitioners are equal when they are of one class with one partition count, so
 * Spark sees two RDDs partitioned alike and skips a shuffle between them.
 */
abstract class SpreadPartitioner extends Partitioner {
  private static final long serialVersionUID = 1L;
  private final int partitions;

  SpreadPartitioner(int partitions) {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be >= 1, got " + partitions);
    }
    this.partitions = partitions;
  }

  /** The hash of a key; the partition is its value modulo the partition count. */
  abstract int hash(Object key);

  @Override
  public final int numPartitions() {
    return partitions;
  }

  @Override
  public final int getPartition(Object key) {
    return Math.floorMod(hash(key), partitions);
  }

  @Override
  public final boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && ((SpreadPartitioner) o).partitions == partitions;
  }

  @Override
  public final int hashCode() {
    return getClass().getName().hashCode() * 31 + partitions;
  }
}
