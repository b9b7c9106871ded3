package io.storyline.spark;

import io.storyline.copies.CopyStages;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import scala.Tuple2;

/**
 * For each input-order partition, the word counts of every document in the partitions before it: the state of the
 * copy index's online word frequencies when the partition's first document is added.
 *
 * <p>Method: a parallel prefix sum over partitions, done by slices so that no task holds more than a few MB. Each
 * partition counts its own documents into a table of {@link CopyStages.WordCounts#BUCKETS} buckets and cuts it into
 * {@code R} slices; the task of slice r receives that slice of every partition and sums them in partition order
 * (exclusive prefix); the task of partition i receives its R prefix slices and joins them. Shuffle: twice
 * {@code partitions × 4 MB}; a slice task holds {@code partitions × 4 MB / R}, with {@code R} between 64 and 4,096
 * (at 10,000 partitions: 10 MB).
 */
final class WordTables {

  /** A word table on its way: counts and documents. */
  record Table(int[] counts, long documents) implements Serializable {
    CopyStages.WordCounts toCounts() {
      return CopyStages.WordCounts.of(counts, documents);
    }
  }

  /** One slice of one partition's table. */
  record Slice(int index, int[] counts, long documents) implements Serializable {}

  private WordTables() {}

  /** Slices per table for {@code partitions} partitions: a power of two from 64 to 4,096. */
  static int slices(int partitions) {
    int r = Integer.highestOneBit(Math.max(64, Math.min(4096, partitions)));
    return r < partitions && r < 4096 ? r * 2 : r;
  }

  /**
   * One {@link Table} per partition of {@code docs} (partition i holds the counts of partitions 0 to i-1), as an
   * RDD of {@code docs.getNumPartitions()} partitions that zips with {@code docs}.
   */
  static JavaRDD<Table> prefixes(JavaRDD<CopyGroups.Doc> docs) {
    int partitions = docs.getNumPartitions();
    int r = slices(partitions);
    int size = CopyStages.WordCounts.BUCKETS / r;
    JavaRDD<Tuple2<Integer, Slice>> deltas = docs.mapPartitionsWithIndex((i, it) -> {
      CopyStages stages = CopyGroups.stages();
      CopyStages.WordCounts counts = CopyStages.WordCounts.empty();
      while (it.hasNext()) {
        stages.count(counts, it.next().text());
      }
      int[] all = counts.counts();
      List<Tuple2<Integer, Slice>> out = new ArrayList<>(r);
      for (int s = 0; s < r; s++) {
        out.add(new Tuple2<>(s, new Slice(i, Arrays.copyOfRange(all, s * size, (s + 1) * size),
            counts.documents())));
      }
      return out.iterator();
    }, true);
    JavaRDD<Tuple2<Integer, Slice>> prefix = deltas.mapToPair(t -> t).groupByKey(new Identity(r)).flatMap(t -> {
      List<Slice> parts = new ArrayList<>();
      t._2().forEach(parts::add);
      parts.sort(Comparator.comparingInt(Slice::index));
      int[] sum = new int[size];
      long documents = 0;
      List<Tuple2<Integer, Slice>> out = new ArrayList<>(parts.size());
      for (Slice p : parts) {
        out.add(new Tuple2<>(p.index(), new Slice(t._1(), sum.clone(), documents)));
        for (int k = 0; k < size; k++) {
          sum[k] = (int) Math.min(Integer.MAX_VALUE, (long) sum[k] + p.counts()[k]);
        }
        documents += p.documents();
      }
      return out.iterator();
    });
    return prefix.mapToPair(t -> t).groupByKey(new Identity(partitions)).values().map(slicesOf -> {
      int[] counts = new int[CopyStages.WordCounts.BUCKETS];
      long documents = 0;
      for (Slice s : slicesOf) {
        System.arraycopy(s.counts(), 0, counts, s.index() * size, size);
        documents = s.documents();
      }
      return new Table(counts, documents);
    });
  }

  /** Key i to partition i. */
  static final class Identity extends SpreadPartitioner {
    private static final long serialVersionUID = 1L;

    Identity(int partitions) {
      super(partitions);
    }

    @Override
    int hash(Object key) {
      return (Integer) key;
    }
  }
}
