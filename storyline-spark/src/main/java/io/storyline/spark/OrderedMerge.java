package io.storyline.spark;

import java.io.Serializable;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import scala.Tuple2;

/**
 * Joins a stage's labels back onto the documents without moving the documents: both sides are range-partitioned by
 * input order with the same {@link OrderPartitioner} and sorted, so partition i of one meets partition i of the
 * other ({@code zipPartitions}) and a merge walks them together. Only the labels are shuffled.
 */
final class OrderedMerge {

  /** How a label is added to a document. */
  @FunctionalInterface
  interface Combiner<L> extends Serializable {
    DocumentResult apply(DocumentResult document, L label);
  }

  private OrderedMerge() {}

  /**
   * The documents with their labels; a document without a label is left as it is.
   *
   * @param documents partitioned by {@code byOrder} and sorted by order within partitions
   * @param labels    keyed by order, any partitioning
   */
  static <L> JavaRDD<DocumentResult> merge(JavaRDD<DocumentResult> documents, JavaPairRDD<Long, L> labels,
      OrderPartitioner byOrder, Combiner<L> combiner) {
    JavaRDD<Tuple2<Long, L>> sorted = labels.repartitionAndSortWithinPartitions(byOrder).map(t -> t);
    return documents.zipPartitions(sorted, (docs, ls) -> new Merging<>(docs, ls, combiner));
  }

  private static final class Merging<L> implements Iterator<DocumentResult> {
    private final Iterator<DocumentResult> docs;
    private final Iterator<Tuple2<Long, L>> labels;
    private final Combiner<L> combiner;
    private Tuple2<Long, L> label;

    Merging(Iterator<DocumentResult> docs, Iterator<Tuple2<Long, L>> labels, Combiner<L> combiner) {
      this.docs = docs;
      this.labels = labels;
      this.combiner = combiner;
    }

    @Override
    public boolean hasNext() {
      return docs.hasNext();
    }

    @Override
    public DocumentResult next() {
      if (!docs.hasNext()) {
        throw new NoSuchElementException();
      }
      DocumentResult d = docs.next();
      while ((label == null || label._1() < d.order()) && labels.hasNext()) {
        label = labels.next();
      }
      return label != null && label._1() == d.order() ? combiner.apply(d, label._2()) : d;
    }
  }
}
