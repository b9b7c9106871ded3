package io.storyline.spark;

import io.storyline.stories.StoryClusterer;
import io.storyline.stories.StoryFeatures;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Story clustering of a corpus too large for one clusterer: blocks of publication time, each clustered by the core
 * {@link StoryClusterer} (the same assignment logic, in the same stream order), then stitched together across
 * block boundaries and copy groups with distributed connected components.
 *
 * <p><b>Method.</b> The stream is cut into blocks of {@code block} (default 28 days) of publication time (undated
 * documents take their anchor's time, see {@link StreamKey}). Each block is clustered alone, after a lead-in: the
 * documents of the {@code leadIn} (default 7 days, at least the clusterer's 3-day window) before the block are fed
 * first as ghosts, so that stories still open at the boundary are rebuilt and the online word statistics are warm;
 * ghosts are not labelled by this block. Each block's clusterer starts from the document frequencies of every
 * document before its lead-in ({@link StoryFrequencies}) and counts every document of its range, also those it
 * does not place, so it weighs terms as one clusterer over the stream: without this, METER's stories agreed with
 * the core at ARI 0.971, with it at 1.000 ({@code MeterIT}). Story features are computed once per document before
 * the block shuffle, on every core. Stitching: a story of block k+1 that holds ghosts is the continuation of
 * the block-k story most of those ghosts belong to (one link per story, so two stories of block k are never
 * joined through a third); and all stories holding members of one copy group are one story, the core's rule (a
 * copy group never spans two stories). Stories are the connected components of these links
 * ({@link ConnectedComponents}), named {@code s1, s2, ...} in stream order of their first document. Topics: each
 * block threads its own stories into topics; topics of blocks that share a stitched story are one topic, named
 * {@code t1, ...} likewise. Topics therefore join across blocks only through a story that spans the boundary:
 * longer blocks thread more, at the cost of larger tasks.
 *
 * <p><b>Entity cells.</b> A block of more than {@code maxBlockDocuments} documents (default 50,000) is cut into
 * {@code ceil(n / maxBlockDocuments)} cells (at most {@link #MAX_CELLS}) by a hash of each document's most mentioned
 * entity key ({@link StoryClusterer#entityKeys}, the keys the clusterer compares; the id for a document without
 * entities), each cell clustered by its own clusterer: blocking by shared entities, as in large-scale event
 * detection (the documents of one event share its people and places). A document whose second entity falls in
 * another cell is also fed there as a ghost, so the stories of one event split across two cells are stitched by
 * the same continuation rule as across block boundaries. The lead-in of the next block goes to the cell of the
 * main entity. Costs one more entity extraction per document of a split block. Limit: a hot entity (a country
 * in every second article) makes one cell larger than the others; cells are not split further.
 *
 * <p><b>Cost.</b> One shuffle of the story features (plus the lead-in share, {@code leadIn / block}), one of
 * (key, half-block) counts for the frequencies, then only ids and labels. A block's clusterer holds its open stories (about 60 KB each with embeddings) and one assignment per
 * document (about 40 bytes). A block is one task: with 28-day blocks a year is 13 tasks, so the stage runs on at
 * most 13 cores per year of news; shorter blocks give more parallelism and more boundaries.
 */
final class StoryBlocks {

  /**
   * Settings of the story stage.
   *
   * @param block      length of a block of publication time
   * @param leadIn     how much of the previous block is replayed first (at least the clusterer's window)
   * @param embeddings whether the clusterer uses sentence embeddings
   * @param now        the job's clock reading: dates after it (plus a day) are not believed, as in the core
   * @param maxBlockDocuments a block with more documents is split into cells by entity
   */
  record Settings(Duration block, Duration leadIn, boolean embeddings, Instant now, int maxBlockDocuments)
      implements Serializable {
    /** Default most documents one clusterer takes before a block is split by entity. */
    static final int DEFAULT_MAX_BLOCK_DOCUMENTS = 50_000;

    Settings {
      if (maxBlockDocuments < 1) {
        throw new IllegalArgumentException("maxBlockDocuments must be >= 1, got " + maxBlockDocuments);
      }
      Objects.requireNonNull(now, "now");
      if (block == null || block.toMinutes() < 60) {
        throw new IllegalArgumentException("block must be at least an hour, got " + block);
      }
      if (leadIn == null || leadIn.compareTo(Duration.ofDays(3)) < 0 || leadIn.compareTo(block) > 0) {
        throw new IllegalArgumentException("leadIn must be between the clusterer's window (3 days) and the block ("
            + block + "), got " + leadIn);
      }
    }
  }

  /**
   * The story labels of one document: the fields of {@code storyline stories}.
   *
   * @param time     the time the document was placed at: its publication time, or the previous document's
   * @param date     where that time came from: published, previous_document, arrival ({@code DateSource})
   * @param dateNote why a fallback was used, else null
   */
  record Labels(String story, String topic, Instant time, String date, String dateNote) implements Serializable {}

  /** Time, date source and note of a document in the stream; as the core clusterer dates it. */
  static Labels dated(StreamKey key, Instant published, Instant now) {
    String problem = StoryClusterer.dateProblem(published, now);
    if (problem == null) {
      return new Labels(null, null, published, "published", null);
    }
    // the anchor's id is empty only when no document of the corpus has a usable date: the clock's time
    return key.id().isEmpty() ? new Labels(null, null, now, "arrival", problem)
        : new Labels(null, null, key.time(), "previous_document", problem);
  }

  /** Where one document went in one block. */
  record Placed(long order, boolean ghost, long block, int story, int topic, Long group, StreamKey key)
      implements Serializable {
    /** The block story, or for a document placed by its copy group alone, the group's node. */
    long storyNode() {
      return story >= 0 ? node(block, story) : groupNode(group);
    }

    long topicNode() {
      return node(block, topic);
    }

    /** Whether a block clusterer placed it (else its copy group's story, from an earlier block, holds it). */
    boolean clustered() {
      return story >= 0;
    }
  }

  private StoryBlocks() {}

  /** Labels every document of {@code inOrder} (partitions in input order, each sorted by order). */
  static JavaPairRDD<Long, Labels> run(JavaRDD<DocumentResult> inOrder, OrderPartitioner byOrder, Settings s,
      int partitions) {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(inOrder.context());
    JavaPairRDD<StreamKey, DocumentResult> keyed = streamKeys(sc, inOrder, s);
    keyed.persist(StorageLevel.MEMORY_AND_DISK_SER());
    JavaRDD<Placed> placed = cluster(keyed, groupStarts(keyed, byOrder, partitions), s, partitions);
    placed.persist(StorageLevel.MEMORY_AND_DISK_SER());
    JavaPairRDD<Placed, Long> stories = stitchStories(placed, partitions);
    JavaPairRDD<Long, String> storyNames = names(stories.mapToPair(t -> new Tuple2<>(t._2(), t._1().key())), "s",
        partitions);
    JavaPairRDD<Long, String> topicNames = topics(stories, partitions);
    Instant now = s.now();
    JavaPairRDD<Long, Labels> dates = keyed.mapToPair(t -> new Tuple2<>(t._2().order(),
        dated(t._1(), t._2().article().published(), now)));
    JavaPairRDD<Long, Labels> labels = storyNames.join(topicNames, partitions).join(dates, partitions)
        .mapValues(t -> new Labels(t._1()._1(), t._1()._2(), t._2().time(), t._2().date(), t._2().dateNote()));
    labels.persist(StorageLevel.MEMORY_AND_DISK_SER());
    labels.count();
    stories.unpersist(false);
    placed.unpersist(false);
    keyed.unpersist(false);
    return labels;
  }

  /** The last and the earliest dated document of one partition. */
  private record Anchors(Anchor last, Anchor earliest) implements Serializable {}

  private record Anchor(Instant time, String id) implements Serializable {
    static final Comparator<Anchor> ORDER = Comparator.comparing(Anchor::time).thenComparing(Anchor::id);
  }

  /** Each document with its place in the stream, computed with one small summary per partition on the driver. */
  static JavaPairRDD<StreamKey, DocumentResult> streamKeys(JavaSparkContext sc, JavaRDD<DocumentResult> inOrder,
      Settings s) {
    Instant now = s.now();
    List<Anchors> summaries = inOrder.mapPartitions(it -> {
      Anchor last = null;
      Anchor earliest = null;
      while (it.hasNext()) {
        ArticleRecord a = it.next().article();
        if (StoryClusterer.dateProblem(a.published(), now) == null) {
          last = new Anchor(a.published(), a.id());
          earliest = earliest == null || Anchor.ORDER.compare(last, earliest) < 0 ? last : earliest;
        }
      }
      return List.of(new Anchors(last, earliest)).iterator();
    }).collect();
    Anchor[] carry = new Anchor[summaries.size()];
    Anchor earliest = null;
    Anchor last = null;
    for (int i = 0; i < summaries.size(); i++) {
      carry[i] = last;
      Anchors p = summaries.get(i);
      last = p.last() != null ? p.last() : last;
      if (p.earliest() != null && (earliest == null || Anchor.ORDER.compare(p.earliest(), earliest) < 0)) {
        earliest = p.earliest();
      }
    }
    Anchor first = earliest != null ? earliest : new Anchor(now, "");
    Broadcast<Anchor[]> carried = sc.broadcast(carry);
    return inOrder.mapPartitionsWithIndex((i, it) -> {
      List<Tuple2<StreamKey, DocumentResult>> out = new ArrayList<>();
      Anchor anchor = carried.value()[i];
      while (it.hasNext()) {
        DocumentResult d = it.next();
        ArticleRecord a = d.article();
        StreamKey key;
        if (StoryClusterer.dateProblem(a.published(), now) == null) {
          anchor = new Anchor(a.published(), a.id());
          key = new StreamKey(a.published(), a.id(), 0, d.order());
        } else {
          Anchor to = anchor != null ? anchor : first;
          key = new StreamKey(to.time(), to.id(), 1, d.order());
        }
        out.add(new Tuple2<>(key, d));
      }
      return out.iterator();
    }, true).mapToPair(t -> t);
  }

  /**
   * When each document's copy group starts: the publication time (epoch seconds, as blocked) of its first member in
   * stream order, for documents with a group; by order, in input-order partitions sorted like {@code keyed}.
   */
  static JavaRDD<Tuple2<Long, Long>> groupStarts(JavaPairRDD<StreamKey, DocumentResult> keyed,
      OrderPartitioner byOrder, int partitions) {
    JavaPairRDD<Long, StreamKey> withGroup = keyed.filter(t -> t._2().group() != null)
        .mapToPair(t -> new Tuple2<>(t._2().group(), t._1()));
    JavaPairRDD<Long, Long> start = withGroup.reduceByKey((a, b) -> a.compareTo(b) <= 0 ? a : b, partitions)
        .mapValues(k -> k.time().getEpochSecond());
    return withGroup.join(start, partitions)
        .mapToPair(t -> new Tuple2<>(t._2()._1().order(), t._2()._2()))
        .repartitionAndSortWithinPartitions(byOrder)
        .map(t -> t);
  }

  /**
   * One document of the story stage: its place in the stream, its copy group and when that group starts (null
   * without a group), and its story features, computed once here on every core.
   */
  record Featured(StreamKey key, long order, Long group, Long start, byte[] serialized) implements Serializable {
    /**
     * Features kept serialized: Spark sizes the records it buffers for a sort by walking their object graphs, which
     * for a map of a few hundred terms cost a fifth of the stage (JFR); an array is sized at once, and each stage
     * that reads the features decodes them once.
     */
    Featured(StreamKey key, long order, Long group, Long start, StoryFeatures features) {
      this(key, order, group, start, Serialized.bytes(features));
    }

    StoryFeatures features() {
      return Serialized.value(serialized, StoryFeatures.class);
    }

    long seconds() {
      return key.time().getEpochSecond();
    }

    /** Whether its copy group started before {@code from}: its story is placed there, not by this clusterer. */
    boolean elsewhere(long from) {
      return start != null && start < from;
    }
  }

  /**
   * What the block shuffle carries to a clusterer: a document (to place, or with {@code elsewhere} only to count,
   * its copy group's story being earlier), or one key's starting document frequency (sorted first).
   */
  record BlockItem(Featured doc, boolean elsewhere, Tuple2<String, Integer> frequency) implements Serializable {}

  /** The sort key of a cell's document frequencies: before every document. */
  static final StreamKey FREQUENCIES_FIRST = new StreamKey(Instant.MIN, "", 0, Long.MIN_VALUE);

  /**
   * Blocks (with lead-ins) through the core clusterer. Every document of a block and its lead-in goes to the
   * block's clusterer, in stream order, after the block's starting document frequencies ({@link StoryFrequencies}):
   * the clusterer places it when its copy group starts in the block or its lead-in (by its group as the core does);
   * a document whose group started earlier belongs to that group's story, as in the core (a copy group never spans
   * two stories): the clusterer only counts it ({@link StoryClusterer#observe}) and it is labelled through the group.
   * The clusterer therefore weighs terms with the frequencies of one clusterer over the whole stream.
   */
  static JavaRDD<Placed> cluster(JavaPairRDD<StreamKey, DocumentResult> keyed, JavaRDD<Tuple2<Long, Long>> starts,
      Settings s, int partitions) {
    long blockSeconds = s.block().getSeconds();
    long leadSeconds = s.leadIn().getSeconds();
    boolean embeddings = s.embeddings();
    JavaRDD<Featured> featured = keyed.map(t -> t)
        .zipPartitions(starts, (docs, st) -> {
          List<Featured> out = new ArrayList<>();
          Tuple2<Long, Long> next = st.hasNext() ? st.next() : null;
          while (docs.hasNext()) {
            Tuple2<StreamKey, DocumentResult> d = docs.next();
            while (next != null && next._1() < d._2().order() && st.hasNext()) {
              next = st.next();
            }
            Long start = next != null && next._1() == d._2().order() ? next._2() : null;
            out.add(new Featured(d._1(), d._2().order(), d._2().group(), start,
                StoryClusterer.features(d._2().article().toArticle(), embeddings)));
          }
          return out.iterator();
        });
    featured.persist(StorageLevel.MEMORY_AND_DISK_SER());
    // documents per segment (two per block): block sizes for the cells, counts for the frequencies
    TreeMap<Long, Long> perSegment = new TreeMap<>(featured
        .map(f -> StoryFrequencies.segment(f.seconds(), blockSeconds, leadSeconds)).countByValue());
    Map<Long, Long> perBlock = new HashMap<>();
    perSegment.forEach((segment, n) -> perBlock.merge(Math.floorDiv(segment, 2), n, Long::sum));
    // blocks too large for one clusterer are split into cells by each document's main entity
    Map<Long, Integer> cells = new HashMap<>();
    perBlock.forEach((block, n) -> {
      if (n > s.maxBlockDocuments()) {
        cells.put(block, (int) Math.min(MAX_CELLS, (n + s.maxBlockDocuments() - 1) / s.maxBlockDocuments()));
      }
    });
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(keyed.context());
    Broadcast<Map<Long, Integer>> split = sc.broadcast(cells);
    Broadcast<TreeMap<Long, Long>> segments = sc.broadcast(perSegment);
    JavaPairRDD<BlockKey, BlockItem> frequencies = StoryFrequencies.of(
            featured.map(f -> new Tuple2<>(StoryFrequencies.segment(f.seconds(), blockSeconds, leadSeconds),
                f.features())), split, partitions)
        .mapToPair(t -> new Tuple2<>(new BlockKey(t._1(), false, FREQUENCIES_FIRST),
            new BlockItem(null, false, t._2())));
    JavaPairRDD<BlockKey, BlockItem> items = featured.flatMapToPair(f -> {
      StreamKey key = f.key();
      long seconds = f.seconds();
      long block = Math.floorDiv(seconds, blockSeconds);
      int here = split.value().getOrDefault(block, 1);
      int next = split.value().getOrDefault(block + 1, 1);
      StoryFeatures features = here > 1 || next > 1 ? f.features() : null;
      List<String> entities = features != null ? features.entityKeysByMentions() : List.of();
      String main = entities.isEmpty() ? "id:" + f.order() : entities.get(0);
      List<Tuple2<BlockKey, BlockItem>> out = new ArrayList<>(3);
      boolean elsewhere = f.elsewhere(block * blockSeconds - leadSeconds);
      out.add(new Tuple2<>(new BlockKey(cell(block, main, here), false, key), new BlockItem(f, elsewhere, null)));
      if (!elsewhere && entities.size() > 1 && cell(block, entities.get(1), here) != cell(block, main, here)) {
        out.add(new Tuple2<>(new BlockKey(cell(block, entities.get(1), here), true, key),
            new BlockItem(f, false, null)));
      }
      long nextStart = (block + 1) * blockSeconds - leadSeconds;
      if (seconds >= nextStart) {
        out.add(new Tuple2<>(new BlockKey(cell(block + 1, main, next), true, key),
            new BlockItem(f, f.elsewhere(nextStart), null)));
      }
      return out.iterator();
    });
    return items.union(frequencies)
        .repartitionAndSortWithinPartitions(new BlockPartitioner(partitions), BlockKey.ORDER)
        .mapPartitions(it -> new BlockClustering(it, s, segments.value()));
  }

  /**
   * Sort key of the block shuffle: block, then stream order.
   *
   * @param ghost whether the document is replayed from the previous block
   */
  record BlockKey(long block, boolean ghost, StreamKey key) implements Serializable {
    static final Comparator<BlockKey> ORDER = new KeyOrder();
  }

  private static final class KeyOrder implements Comparator<BlockKey>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(BlockKey a, BlockKey b) {
      int c = Long.compare(a.block(), b.block());
      return c != 0 ? c : a.key().compareTo(b.key());
    }
  }

  /** One block to one partition. */
  static final class BlockPartitioner extends SpreadPartitioner {
    private static final long serialVersionUID = 1L;

    BlockPartitioner(int partitions) {
      super(partitions);
    }

    @Override
    int hash(Object key) {
      return Order.spread(((BlockKey) key).block());
    }
  }

  /**
   * Most cells one block is split into. Cell ids ({@code block × 4,096 + cell}) shifted into stitching nodes
   * ({@link #node}) stay within a long and above the copy-group nodes for any date from year 1 to past 2300
   * (blocks are at least 3 days, the lead-in's minimum; dates after the clock are not believed). At a billion
   * documents a year a cell then still takes about 670 documents a day.
   */
  static final int MAX_CELLS = 4096;

  /**
   * The cell of a document in a time block split into {@code cells} by entity (the block itself when not split):
   * {@code block × MAX_CELLS + cell}, the unit one clusterer takes.
   */
  static long cell(long block, String entity, int cells) {
    return block * MAX_CELLS + (cells <= 1 ? 0 : Math.floorMod(entity.hashCode() * 0x9E3779B1, cells));
  }

  /** A node of the stitching graphs: (cell, number within the cell). */
  static long node(long block, int number) {
    return block << 32 | (number & 0xFFFFFFFFL);
  }

  /** The node of a copy group, below every block node. */
  static long groupNode(long group) {
    return Long.MIN_VALUE + group;
  }

  /** Each document's stitched story (the smallest node of its component), keyed by the document's placement. */
  static JavaPairRDD<Placed, Long> stitchStories(JavaRDD<Placed> placed, int partitions) {
    JavaPairRDD<Long, Placed> home = placed.filter(p -> !p.ghost()).mapToPair(p -> new Tuple2<>(p.order(), p));
    JavaPairRDD<Long, Long> ghosts = placed.filter(Placed::ghost).mapToPair(p -> new Tuple2<>(p.order(),
        p.storyNode()));
    // each block story holding ghosts continues the previous block's story most of its ghosts are in
    JavaPairRDD<Long, Long> continuations = ghosts.join(home.mapValues(Placed::storyNode), partitions)
        .mapToPair(t -> new Tuple2<>(t._2(), 1L))
        .reduceByKey(Long::sum, partitions)
        .mapToPair(t -> new Tuple2<>(t._1()._1(), new Tuple2<>(t._1()._2(), t._2())))
        .reduceByKey((a, b) -> a._2() > b._2() || a._2().equals(b._2()) && a._1() < b._1() ? a : b, partitions)
        .mapToPair(t -> new Tuple2<>(t._1(), t._2()._1()));
    // one copy group, one story: groups are nodes below every block node
    JavaPairRDD<Long, Long> groups = home.values().filter(p -> p.group() != null && p.clustered())
        .mapToPair(p -> new Tuple2<>(p.storyNode(), groupNode(p.group())))
        .distinct(partitions);
    ConnectedComponents.Result cc = ConnectedComponents.of(continuations.union(groups), partitions);
    JavaPairRDD<Placed, Long> out = home.values().mapToPair(p -> new Tuple2<>(p.storyNode(), p))
        .leftOuterJoin(cc.labels(), partitions)
        .mapToPair(t -> new Tuple2<>(t._2()._1(), t._2()._2().orElse(t._1())));
    out.persist(StorageLevel.MEMORY_AND_DISK_SER());
    out.count();
    cc.labels().unpersist(false);
    return out;
  }

  /**
   * Topics: block topics joined when they hold parts of one stitched story; every document takes its story's
   * topic. Names per document order.
   */
  static JavaPairRDD<Long, String> topics(JavaPairRDD<Placed, Long> stories, int partitions) {
    JavaPairRDD<Long, Long> topicOfStory = stories.filter(t -> t._1().clustered())
        .mapToPair(t -> new Tuple2<>(t._2(), t._1().topicNode()))
        .distinct(partitions);
    JavaPairRDD<Long, Long> edges = topicOfStory.groupByKey(partitions).flatMapToPair(t -> {
      List<Tuple2<Long, Long>> chain = new ArrayList<>();
      Long previous = null;
      for (Long topic : t._2()) {
        if (previous != null && !previous.equals(topic)) {
          chain.add(new Tuple2<>(previous, topic));
        }
        previous = topic;
      }
      return chain.iterator();
    });
    ConnectedComponents.Result cc = ConnectedComponents.of(edges, partitions);
    JavaPairRDD<Long, Long> topicOfRoot = topicOfStory.mapToPair(Tuple2::swap)
        .leftOuterJoin(cc.labels(), partitions)
        .mapToPair(t -> new Tuple2<>(t._2()._1(), t._2()._2().orElse(t._1())))
        .reduceByKey(Math::min, partitions);
    JavaPairRDD<Long, StreamKey> keyOfTopic = stories.mapToPair(t -> new Tuple2<>(t._2(), t._1().key()))
        .join(topicOfRoot, partitions)
        .mapToPair(t -> new Tuple2<>(t._2()._2(), t._2()._1()));
    JavaPairRDD<Long, String> out = names(keyOfTopic, "t", partitions);
    out.persist(StorageLevel.MEMORY_AND_DISK_SER());
    out.count();
    cc.labels().unpersist(false);
    return out;
  }

  /** Story names per document order, from (story root, stream key) per document. */
  static JavaPairRDD<Long, String> names(JavaPairRDD<Long, StreamKey> keyOfStory, String prefix, int partitions) {
    JavaPairRDD<Long, String> names = numbered(keyOfStory, prefix, partitions);
    return keyOfStory.join(names, partitions).mapToPair(t -> new Tuple2<>(t._2()._1().order(), t._2()._2()));
  }

  /** "s1", "s2", ... for each root, in stream order of the root's first document. */
  private static JavaPairRDD<Long, String> numbered(JavaPairRDD<Long, StreamKey> keyOfRoot, String prefix,
      int partitions) {
    return keyOfRoot.reduceByKey((a, b) -> a.compareTo(b) <= 0 ? a : b, partitions)
        .mapToPair(Tuple2::swap)
        .sortByKey(StreamKey.ORDER_SERIALIZABLE, true, partitions)
        .zipWithIndex()
        .mapToPair(t -> new Tuple2<>(t._1()._2(), prefix + (t._2() + 1)));
  }
}
