package io.storyline.spark;

import io.storyline.stories.StoryFeatures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

/**
 * The document frequencies each story block starts from: those of every document before it in the stream, as one
 * clusterer over the whole stream would have counted them when the block's first document (its lead-in's) arrives.
 *
 * <p><b>Method.</b> A distributed prefix sum. Each block is two segments, its body and its tail (the last
 * {@code leadIn}, replayed as the next block's lead-in), numbered {@code 2 × block} and {@code 2 × block + 1}; block
 * b's clusterer takes segments {@code 2b − 1} to {@code 2b + 1}, so it starts from the sum over segments below
 * {@code 2b − 1}. Per key (term or entity key), one shuffle counts the documents per segment; the segments of one key
 * are then summed in order, and only the blocks whose documents hold the key get its prefix (a clusterer asks for
 * the frequency of its own documents' keys only), so the shuffle is as large as the distinct (key, segment) pairs.
 * The document counts per segment are few and go through the driver. A block cut into entity cells gives each cell
 * the block's prefix; inside the block a cell counts only its own documents.
 */
final class StoryFrequencies {
  private StoryFrequencies() {}

  /** Whether a key of {@link #of} is a term (else an entity key); {@link #name} is the key itself. */
  static boolean isTerm(String key) {
    return key.charAt(0) == 't';
  }

  static String name(String key) {
    return key.substring(1);
  }

  /** The segment of a document at {@code seconds}: {@code 2 × block}, plus 1 in the block's last {@code leadIn}. */
  static long segment(long seconds, long blockSeconds, long leadSeconds) {
    long block = Math.floorDiv(seconds, blockSeconds);
    return 2 * block + (seconds >= (block + 1) * blockSeconds - leadSeconds ? 1 : 0);
  }

  /** Documents before block {@code block}'s first segment, from the documents per segment. */
  static long documentsBefore(NavigableMap<Long, Long> perSegment, long block) {
    long n = 0;
    for (long c : perSegment.headMap(2 * block - 1, false).values()) {
      n += c;
    }
    return n;
  }

  /**
   * Frequencies per story cell ({@link StoryBlocks#cell}): for each block, the keys of its documents (lead-in
   * included) with the number of earlier documents holding them, one record per key and cell ({@link #isTerm}).
   *
   * @param docs   (segment, features) of every document
   * @param cells  the blocks cut into cells, with their cell counts
   */
  static JavaPairRDD<Long, Tuple2<String, Integer>> of(JavaRDD<Tuple2<Long, StoryFeatures>> docs,
      Broadcast<Map<Long, Integer>> cells, int partitions) {
    JavaPairRDD<String, Tuple2<Long, Long>> counts = docs.flatMapToPair(d -> {
      List<Tuple2<Tuple2<String, Long>, Long>> out = new ArrayList<>();
      for (String k : d._2().termKeys()) {
        out.add(new Tuple2<>(new Tuple2<>("t" + k, d._1()), 1L));
      }
      for (String k : d._2().entityKeys()) {
        out.add(new Tuple2<>(new Tuple2<>("e" + k, d._1()), 1L));
      }
      return out.iterator();
    }).reduceByKey(Long::sum, partitions)
        .mapToPair(t -> new Tuple2<>(t._1()._1(), new Tuple2<>(t._1()._2(), t._2())));
    JavaPairRDD<Long, Tuple2<String, Integer>> needed = counts.groupByKey(partitions).flatMapToPair(t -> {
      TreeMap<Long, Long> bySegment = new TreeMap<>();
      t._2().forEach(c -> bySegment.merge(c._1(), c._2(), Long::sum));
      List<Tuple2<Long, Tuple2<String, Integer>>> out = new ArrayList<>();
      Long previous = null;
      for (long segment : bySegment.keySet()) {
        long block = Math.floorDiv(segment, 2);
        // an even segment is fed to its block; a tail also to the next block, as lead-in
        for (long b = block; b <= block + (segment % 2 != 0 ? 1 : 0); b++) {
          if (previous != null && b <= previous) {
            continue;
          }
          previous = b;
          long before = 0;
          for (long c : bySegment.headMap(2 * b - 1, false).values()) {
            before += c;
          }
          if (before > 0) {
            out.add(new Tuple2<>(b, new Tuple2<>(t._1(), Math.toIntExact(before))));
          }
        }
      }
      return out.iterator();
    });
    // one record per (cell, key): no per-block map is built in a shuffle buffer (Spark sizes those by walking them)
    return needed.flatMapToPair(t -> {
      int n = cells.value().getOrDefault(t._1(), 1);
      List<Tuple2<Long, Tuple2<String, Integer>>> out = new ArrayList<>(n);
      for (int c = 0; c < n; c++) {
        out.add(new Tuple2<>(t._1() * StoryBlocks.MAX_CELLS + c, t._2()));
      }
      return out.iterator();
    });
  }
}
