package io.storyline.spark;

import io.storyline.ingest.ReadProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.sketch.BloomFilter;
import scala.Tuple2;

/**
 * One document per id, as the CLI's reader keeps it: the first in input order wins, each later one is skipped with
 * a {@link ReadProblem.Cause#DUPLICATE_ID} problem naming where the id was first read.
 *
 * <p>Method. Duplicates are rare, so only they should move: (1) count ids (a shuffle of ids, not articles); (2) when
 * some repeat, a Bloom filter of the repeated ids (1% false positives, 10 bits an id) goes to every executor; (3)
 * the articles it flags, the duplicates and about 1% of the rest, are grouped by id and the first kept; all others
 * pass untouched. Shuffle: the ids (about 40 bytes a document), plus the flagged articles.
 */
final class UniqueIds {

  /** The articles with unique ids, and the problems for the ones dropped. */
  record Result(JavaRDD<ArticleRecord> articles, JavaRDD<ProblemRecord> problems) {}

  private UniqueIds() {}

  static Result of(JavaRDD<ArticleRecord> articles, int partitions) {
    JavaPairRDD<String, Long> repeated = articles.mapToPair(a -> new Tuple2<>(a.id(), 1L))
        .reduceByKey(Long::sum, partitions)
        .filter(t -> t._2() > 1);
    long n = repeated.count();
    if (n == 0) {
      return new Result(articles, JavaSparkContext.fromSparkContext(articles.context()).emptyRDD());
    }
    BloomFilter zero = BloomFilter.create(n, 0.01);
    BloomFilter filter = repeated.keys().treeAggregate(zero, (f, id) -> {
      f.putString(id);
      return f;
    }, BloomFilter::mergeInPlace);
    Broadcast<BloomFilter> bloom = JavaSparkContext.fromSparkContext(articles.context()).broadcast(filter);
    JavaRDD<ArticleRecord> clean = articles.filter(a -> !bloom.value().mightContainString(a.id()));
    JavaPairRDD<String, Iterable<ArticleRecord>> flagged = articles
        .filter(a -> bloom.value().mightContainString(a.id()))
        .groupBy(ArticleRecord::id, partitions);
    JavaRDD<Item> resolved = flagged.flatMap(t -> {
      List<ArticleRecord> same = new ArrayList<>();
      t._2().forEach(same::add);
      same.sort(Comparator.comparingLong(ArticleRecord::order));
      List<Item> out = new ArrayList<>(same.size());
      ArticleRecord first = same.get(0);
      out.add(first);
      for (int i = 1; i < same.size(); i++) {
        ArticleRecord dup = same.get(i);
        out.add(new ProblemRecord(dup.order(), dup.location(), "duplicate id \"" + dup.id()
            + "\", already read from " + first.location() + "; this one skipped", ReadProblem.Cause.DUPLICATE_ID));
      }
      return out.iterator();
    });
    JavaRDD<ArticleRecord> kept = resolved.filter(i -> i instanceof ArticleRecord).map(i -> (ArticleRecord) i);
    JavaRDD<ProblemRecord> problems = resolved.filter(i -> i instanceof ProblemRecord).map(i -> (ProblemRecord) i);
    return new Result(clean.union(kept), problems);
  }
}
