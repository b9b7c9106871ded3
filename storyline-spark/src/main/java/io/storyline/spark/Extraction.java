package io.storyline.spark;

import io.storyline.extract.Extractor;
import io.storyline.extract.TemplateModel;
import java.io.Serializable;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import scala.Tuple2;

/**
 * The extraction shuffle: text documents meet the other documents of their source, learn the source's template
 * lines ({@link TemplateModel}) and are extracted with them; everything else (articles extracted while reading,
 * problems) passes through, spread evenly, so the shuffle also balances the work that reading left uneven.
 *
 * <p>Exactness. The CLI makes two passes: it learns every document, then extracts every document. Here each
 * partition is sorted by (template group, input order) and read twice at once ({@code zipPartitions} of the RDD
 * with itself): a learning cursor runs ahead through a whole group before the extracting cursor takes the group's
 * first document, so each document is extracted with the model of its complete group, as in the CLI. Memory is
 * the model (200 documents' line keys per group), not the group.
 *
 * <p>Scale. A group is split into template blocks of at most 16,384 consecutive files (and 65,536 consecutive
 * documents of one file) so that one source of a billion pages does not land in one task; a source's chrome
 * repeats on all its pages, so each block learns the same template lines (the model only keeps a group's last 200
 * documents anyway). Below that size the result is the CLI's exactly; METER (1,058 files in one group) is one
 * block.
 */
final class Extraction {
  /** Files per template block: 2^14. */
  static final int BLOCK_FILE_BITS = 14;
  /** Documents of one file per template block: 2^16. */
  static final int BLOCK_INDEX_BITS = 16;

  private Extraction() {}

  /** Shuffles, learns templates and extracts: the result holds {@link ArticleRecord}s and {@link ProblemRecord}s. */
  static JavaRDD<Item> extract(JavaRDD<Item> read, int partitions) {
    JavaPairRDD<ShuffleKey, Item> keyed = read.mapToPair(item -> new Tuple2<>(ShuffleKey.of(item), item));
    JavaRDD<Item> sorted = keyed
        .repartitionAndSortWithinPartitions(new GroupPartitioner(partitions), ShuffleKey.ORDER)
        .values();
    return sorted.zipPartitions(sorted, (learn, items) -> new TemplatedExtraction(learn, items));
  }

  /**
   * Sort key of the extraction shuffle.
   *
   * @param group the template block of a text document ("group|block"), or null for items that pass through
   * @param order the input order
   */
  record ShuffleKey(String group, long order) implements Serializable {
    static final Comparator<ShuffleKey> ORDER = new KeyOrder();

    static ShuffleKey of(Item item) {
      if (item instanceof DocumentRecord d) {
        long rank = Order.fileRank(d.order());
        long index = d.order() & ((1L << Order.INDEX_BITS) - 1);
        String block = (rank >>> BLOCK_FILE_BITS) + "." + (index >>> BLOCK_INDEX_BITS);
        return new ShuffleKey(d.group() + "|" + block, d.order());
      }
      return new ShuffleKey(null, item.order());
    }
  }

  /** Pass-through items first, then groups by name; input order within each. */
  private static final class KeyOrder implements Comparator<ShuffleKey>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(ShuffleKey a, ShuffleKey b) {
      if (!Objects.equals(a.group(), b.group())) {
        if (a.group() == null) {
          return -1;
        }
        if (b.group() == null) {
          return 1;
        }
        return a.group().compareTo(b.group());
      }
      return Long.compare(a.order(), b.order());
    }
  }

  /** A template block goes to one partition; pass-through items are spread by input order. */
  static final class GroupPartitioner extends SpreadPartitioner {
    private static final long serialVersionUID = 1L;

    GroupPartitioner(int partitions) {
      super(partitions);
    }

    @Override
    int hash(Object key) {
      ShuffleKey k = (ShuffleKey) key;
      return k.group() != null ? k.group().hashCode() * 0x9E3779B1 : Order.spread(k.order());
    }
  }

  /**
   * Extracts a sorted partition, learning each group completely (from the {@code learn} cursor over the same
   * partition) before extracting its first document.
   */
  static final class TemplatedExtraction implements Iterator<Item> {
    private final PeekingIterator learn;
    private final Iterator<Item> items;
    private Extractor extractor;
    private String learnedGroup;

    TemplatedExtraction(Iterator<Item> learn, Iterator<Item> items) {
      this.learn = new PeekingIterator(learn);
      this.items = items;
    }

    @Override
    public boolean hasNext() {
      return items.hasNext();
    }

    @Override
    public Item next() {
      Item item = items.next();
      if (!(item instanceof DocumentRecord d)) {
        return item;
      }
      String group = ShuffleKey.of(d).group();
      if (!group.equals(learnedGroup)) {
        learnGroup(group);
      }
      return FileReading.extract(extractor, d.order(), d.toRaw());
    }

    /**
     * Moves the learning cursor to {@code group} and through all of it, into a fresh model: a block's result does
     * not depend on which other blocks share its partition.
     */
    private void learnGroup(String group) {
      TemplateModel model = TemplateModel.create();
      extractor = Extractor.builder().templates(model).build();
      while (learn.hasNext() && before(learn.peek(), group)) {
        learn.next();
      }
      while (learn.hasNext() && learn.peek() instanceof DocumentRecord d && group.equals(ShuffleKey.of(d).group())) {
        model.learn(d.toRaw());
        learn.next();
      }
      learnedGroup = group;
    }

    private static boolean before(Item item, String group) {
      if (!(item instanceof DocumentRecord d)) {
        return true;
      }
      return ShuffleKey.of(d).group().compareTo(group) < 0;
    }
  }

  /** An iterator that can show its next element without taking it. */
  private static final class PeekingIterator {
    private final Iterator<Item> it;
    private Item next;

    PeekingIterator(Iterator<Item> it) {
      this.it = it;
    }

    boolean hasNext() {
      return next != null || it.hasNext();
    }

    Item peek() {
      if (next == null) {
        if (!it.hasNext()) {
          throw new NoSuchElementException();
        }
        next = it.next();
      }
      return next;
    }

    Item next() {
      Item n = peek();
      next = null;
      return n;
    }
  }
}
