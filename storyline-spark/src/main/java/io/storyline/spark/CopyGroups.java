package io.storyline.spark;

import io.storyline.copies.CopyDetector;
import io.storyline.copies.CopyDocument;
import io.storyline.copies.CopyResult;
import io.storyline.copies.CopyStages;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Copy groups of a corpus on a cluster, with the core's rules step by step ({@link CopyStages}): the result is the
 * one {@code CopyIndex} gives when documents are added in input order.
 *
 * <p><b>Method.</b>
 * <ol>
 *   <li><b>Keys</b> (map): each text's LSH band keys (8 bands of 4 MinHash rows) and sampled shingle keys (one
 *       shingle in 16), its shingle count and normalised hash.</li>
 *   <li><b>Candidates</b> (shuffle of keys: about 30 per document, 24 bytes each): per key, documents in input
 *       order; each meets the first 256 (bands) or 64 (shingles) documents before it that the key holds, as the
 *       index's capped posting lists give them; a shingle key then held by at most 4 documents is rare. Hits are
 *       summed per pair (shuffle of pairs) and each document's candidates ranked by {@link CopyStages#select}:
 *       at most 16.</li>
 *   <li><b>Verification</b> (the candidate texts travel to the document that verifies them; the document's own
 *       text does not move): in input-order partitions, each document is verified with the word counts of every
 *       document before it, which the index keeps online. They are exact: each partition counts its documents
 *       ({@link CopyStages.WordCounts}, 4 MB), the counts are cut into slices, and per slice a task sums the
 *       partitions before each one (a shuffle of 2 × partitions × 4 MB, nothing through the driver); a partition
 *       then adds its own documents as it verifies them.</li>
 *   <li><b>Groups</b>: the links that make copies (exact or near, either way) go through
 *       {@link ConnectedComponents}; a group is numbered by its first member's input position.</li>
 *   <li><b>Results</b> (shuffle of small member records by group): origins, relations, agencies by
 *       {@link CopyStages#results}, with the documents outside the group that members take text from.</li>
 * </ol>
 */
final class CopyGroups {

  /**
   * The copy information the output carries: the fields of {@code storyline copies} ({@link CopyResult}).
   *
   * @param sources documents this one takes text from, highest containment first
   */
  record Labels(long group, String relation, List<Share> sources, String origin, String agency, String reason)
      implements Serializable {
    Labels {
      sources = List.copyOf(sources);
    }

    static Labels of(CopyResult r) {
      return new Labels(r.group(), r.relation().label(),
          r.sources().stream().map(s -> new Share(s.id(), s.containment(), s.resemblance())).toList(), r.origin(),
          r.agency(), r.reason());
    }
  }

  /** A source of a document ({@link io.storyline.copies.Source}), serializable. */
  record Share(String id, double containment, double resemblance) implements Serializable {}

  /** A document as the copy stage carries it: position, text, metadata and keys. */
  record Doc(long order, long position, String id, String text, Instant published, String outlet, String agency,
      int[] bands, int[] postings, long normalizedHash, int tokens, int shingles) implements Serializable {

    CopyDocument document() {
      return new CopyDocument(id, text, published, outlet, agency);
    }

    CopyStages.Keys keys() {
      return new CopyStages.Keys(bands, postings, normalizedHash, tokens, shingles);
    }
  }

  /** A key of the candidate search: tag 0 band, 1 shingle; and the input position, for the sort. */
  record KeyAt(long key, long position) implements Serializable {
    static final Comparator<KeyAt> ORDER = (Comparator<KeyAt> & Serializable) (a, b) -> a.key != b.key
        ? Long.compare(a.key, b.key) : Long.compare(a.position, b.position);
  }

  /** A document under a key. */
  record Holder(long order, long position, int shingles) implements Serializable {}

  /** A candidate found for a document: who, and what they share. */
  record Found(long order, long position, int shingles, int bands, int rare, int common) implements Serializable {
    Found plus(Found o) {
      return new Found(order, position, shingles, bands + o.bands, rare + o.rare, common + o.common);
    }

    CopyStages.Candidate candidate() {
      return new CopyStages.Candidate(position, bands, rare, common, shingles);
    }
  }

  /** A document meeting a candidate: the document's order and shingle count, the candidate's order. */
  record Pair(long order, int shingles, long candidate) implements Serializable {}

  /** A candidate's text on its way to the document that verifies it. */
  record CandidateText(long order, long position, int rank, String text) implements Serializable {}

  /** A recorded relation: a was checked against b (see {@link CopyStages.Edge}). */
  record Link(long aOrder, long bOrder, long a, long b, int flags, double containment, double reverseContainment,
      double resemblance) implements Serializable {
    CopyStages.Edge edge() {
      return new CopyStages.Edge(a, b, flags, containment, reverseContainment, resemblance);
    }
  }

  /** A {@link CopyStages.Member} on its way, with the document's order. */
  record Member(long order, String id, long position, long group, long normalizedHash, int tokens, int shingles,
      Instant published, String agency, boolean outletIsAgency) implements Serializable {
    static Member of(long order, CopyStages.Member m) {
      return new Member(order, m.id(), m.position(), m.group(), m.normalizedHash(), m.tokens(), m.shingles(),
          m.published(), m.agency(), m.outletIsAgency());
    }

    CopyStages.Member member() {
      return new CopyStages.Member(id, position, group, normalizedHash, tokens, shingles, published, agency,
          outletIsAgency);
    }
  }

  private CopyGroups() {}

  /** Labels by order (cached), and the number of copy groups of two or more documents. */
  record Result(JavaPairRDD<Long, Labels> labels, long groups) {}

  /** Copy labels of every document of {@code inOrder} (partitioned by {@code byOrder}, sorted by order). */
  static Result run(JavaRDD<DocumentResult> inOrder, OrderPartitioner byOrder, int partitions) {
    JavaRDD<Doc> docs = inOrder.zipWithIndex().mapPartitions(it -> {
      CopyStages stages = stages();
      List<Doc> out = new ArrayList<>();
      while (it.hasNext()) {
        Tuple2<DocumentResult, Long> t = it.next();
        ArticleRecord a = t._1().article();
        CopyStages.Keys k = stages.keys(a.text());
        out.add(new Doc(a.order(), t._2(), a.id(), a.text(), a.published(), a.outlet(), a.agency(), k.bands(),
            k.postings(), k.normalizedHash(), k.tokens(), k.shingles()));
      }
      return out.iterator();
    }, true);
    docs.persist(StorageLevel.MEMORY_AND_DISK_SER());

    JavaPairRDD<Long, List<Found>> chosen = select(candidates(docs, partitions), partitions);
    JavaRDD<Link> links = verify(withCandidateTexts(docs, chosen, byOrder), WordTables.prefixes(docs));
    links.persist(StorageLevel.MEMORY_AND_DISK_SER());

    ConnectedComponents.Result cc = ConnectedComponents.of(links
        .filter(l -> new CopyStages.Link(0, l.flags(), 0, 0, 0).joinsGroup())
        .mapToPair(l -> new Tuple2<>(l.aOrder(), l.bOrder())), partitions);
    // a group is numbered by its first member's position: its root's (the smallest order has the smallest position)
    JavaPairRDD<Long, Long> position = docs.mapToPair(d -> new Tuple2<>(d.order(), d.position()));
    JavaPairRDD<Long, Long> groupOf = position.leftOuterJoin(cc.labels(), partitions)
        .mapToPair(t -> new Tuple2<>(t._2()._2().orElse(t._1()), t._1()))
        .join(position, partitions)
        .mapToPair(t -> new Tuple2<>(t._2()._1(), t._2()._2()));
    JavaPairRDD<Long, Labels> labels = results(docs, groupOf, links, partitions);
    labels.persist(StorageLevel.MEMORY_AND_DISK_SER());
    long groups = labels.values().filter(l -> l.relation().equals("original")).count();
    links.unpersist(false);
    cc.labels().unpersist(false);
    docs.unpersist(false);
    return new Result(labels, groups);
  }

  /** One stage object per executor JVM, with the CLI's defaults. */
  static CopyStages stages() {
    return Stages.INSTANCE;
  }

  private static final class Stages {
    static final CopyStages INSTANCE = new CopyStages(CopyDetector.builder().build());
  }

  /** Step 2a: the capped key lists; each document meets the holders before it. Hits summed per pair. */
  static JavaPairRDD<Pair, Found> candidates(JavaRDD<Doc> docs, int partitions) {
    JavaPairRDD<KeyAt, Holder> entries = docs.filter(d -> d.shingles() > 0).flatMapToPair(d -> {
      List<Tuple2<KeyAt, Holder>> out = new ArrayList<>(d.bands().length + d.postings().length);
      Holder h = new Holder(d.order(), d.position(), d.shingles());
      for (int b : d.bands()) {
        out.add(new Tuple2<>(new KeyAt(b & 0xFFFFFFFFL, d.position()), h));
      }
      for (int p : d.postings()) {
        out.add(new Tuple2<>(new KeyAt(1L << 32 | (p & 0xFFFFFFFFL), d.position()), h));
      }
      return out.iterator();
    });
    return entries.repartitionAndSortWithinPartitions(new KeyPartitioner(partitions), KeyAt.ORDER)
        .mapPartitionsToPair(CopyGroups::meet)
        .reduceByKey(Found::plus, partitions);
  }

  /** Walks key runs: every document meets the holders posted before it (capped, as the index's lists). */
  private static Iterator<Tuple2<Pair, Found>> meet(Iterator<Tuple2<KeyAt, Holder>> it) {
    CopyStages stages = stages();
    List<Tuple2<Pair, Found>> out = new ArrayList<>();
    List<Holder> posted = new ArrayList<>();
    long key = Long.MIN_VALUE;
    while (it.hasNext()) {
      Tuple2<KeyAt, Holder> t = it.next();
      if (t._1().key() != key) {
        key = t._1().key();
        posted.clear();
      }
      boolean band = key >>> 32 == 0;
      boolean rare = posted.size() <= stages.rarePostings();
      Holder d = t._2();
      for (Holder q : posted) {
        out.add(new Tuple2<>(new Pair(d.order(), d.shingles(), q.order()), new Found(q.order(), q.position(),
            q.shingles(), band ? 1 : 0, !band && rare ? 1 : 0, !band && !rare ? 1 : 0)));
      }
      if (posted.size() < (band ? stages.bandCap() : stages.postingCap())) {
        posted.add(d);
      }
    }
    return out.iterator();
  }

  /** Step 2b: the candidates each document verifies, best first, by the core's ranking. */
  static JavaPairRDD<Long, List<Found>> select(JavaPairRDD<Pair, Found> found, int partitions) {
    return found.mapToPair(t -> new Tuple2<>(t._1().order(), new Tuple2<>(t._1().shingles(), t._2())))
        .groupByKey(partitions)
        .mapValues(all -> {
          Map<Long, Found> byPosition = new HashMap<>();
          List<CopyStages.Candidate> candidates = new ArrayList<>();
          int shingles = 0;
          for (Tuple2<Integer, Found> t : all) {
            shingles = t._1();
            byPosition.put(t._2().position(), t._2());
            candidates.add(t._2().candidate());
          }
          List<Found> out = new ArrayList<>();
          for (long p : stages().select(shingles, candidates)) {
            out.add(byPosition.get(p));
          }
          return out;
        })
        .filter(t -> !t._2().isEmpty());
  }

  /** Step 3a: each document with its candidates' texts in rank order, in input-order partitions. */
  static JavaRDD<Tuple2<Doc, List<CandidateText>>> withCandidateTexts(JavaRDD<Doc> docs,
      JavaPairRDD<Long, List<Found>> chosen, OrderPartitioner byOrder) {
    JavaRDD<Tuple2<Long, Tuple2<Long, Integer>>> requests = chosen.flatMapToPair(t -> {
      List<Tuple2<Long, Tuple2<Long, Integer>>> out = new ArrayList<>();
      for (int rank = 0; rank < t._2().size(); rank++) {
        out.add(new Tuple2<>(t._2().get(rank).order(), new Tuple2<>(t._1(), rank)));
      }
      return out.iterator();
    }).repartitionAndSortWithinPartitions(byOrder).map(t -> t);
    // the candidate's text joins the request where the candidate lives: texts move only to their checkers
    JavaRDD<Tuple2<Long, CandidateText>> texts = docs.zipPartitions(requests, (ds, rs) -> {
      List<Tuple2<Long, CandidateText>> out = new ArrayList<>();
      Doc d = null;
      while (rs.hasNext()) {
        Tuple2<Long, Tuple2<Long, Integer>> r = rs.next();
        while ((d == null || d.order() < r._1()) && ds.hasNext()) {
          d = ds.next();
        }
        if (d != null && d.order() == r._1()) {
          out.add(new Tuple2<>(r._2()._1(), new CandidateText(d.order(), d.position(), r._2()._2(), d.text())));
        }
      }
      return out.iterator();
    });
    JavaRDD<Tuple2<Long, CandidateText>> atChecker = texts.mapToPair(t -> t)
        .repartitionAndSortWithinPartitions(byOrder).map(t -> t);
    return docs.zipPartitions(atChecker, (ds, ts) -> {
      List<Tuple2<Doc, List<CandidateText>>> out = new ArrayList<>();
      Tuple2<Long, CandidateText> next = ts.hasNext() ? ts.next() : null;
      while (ds.hasNext()) {
        Doc d = ds.next();
        List<CandidateText> mine = new ArrayList<>();
        while (next != null && next._1() <= d.order()) {
          if (next._1() == d.order()) {
            mine.add(next._2());
          }
          next = ts.hasNext() ? ts.next() : null;
        }
        mine.sort(Comparator.comparingInt(CandidateText::rank));
        out.add(new Tuple2<>(d, mine));
      }
      return out.iterator();
    });
  }

  /**
   * Step 3b: each partition verifies its documents in input order, starting from the word counts of the partitions
   * before it and counting each document after its check, as the index does.
   */
  static JavaRDD<Link> verify(JavaRDD<Tuple2<Doc, List<CandidateText>>> toVerify, JavaRDD<WordTables.Table> prefixes) {
    return toVerify.zipPartitions(prefixes, (items, tables) -> {
      CopyStages stages = stages();
      CopyStages.WordCounts counts = tables.hasNext() ? tables.next().toCounts() : CopyStages.WordCounts.empty();
      List<Link> out = new ArrayList<>();
      while (items.hasNext()) {
        Tuple2<Doc, List<CandidateText>> t = items.next();
        Doc d = t._1();
        List<CandidateText> cands = t._2();
        CopyStages.Verification v = stages.verify(d.text(), cands.stream().map(CandidateText::text).toList(),
            counts);
        stages.count(counts, d.text());
        for (CopyStages.Link l : v.links()) {
          CandidateText c = cands.get(l.candidate());
          out.add(new Link(d.order(), c.order(), d.position(), c.position(), l.flags(), l.containment(),
              l.reverseContainment(), l.resemblance()));
        }
      }
      return out.iterator();
    });
  }

  /** Step 5: each group's results, with the documents outside it that members take text from. */
  static JavaPairRDD<Long, Labels> results(JavaRDD<Doc> docs, JavaPairRDD<Long, Long> groupOf, JavaRDD<Link> links,
      int partitions) {
    JavaPairRDD<Long, Member> members = docs.mapToPair(d -> new Tuple2<>(d.order(), d))
        .join(groupOf, partitions)
        .mapToPair(t -> {
          Doc d = t._2()._1();
          CopyStages.Member m = stages().member(d.document(), d.position(), t._2()._2(), d.keys());
          return new Tuple2<>(t._1(), Member.of(d.order(), m));
        });
    members.persist(StorageLevel.MEMORY_AND_DISK_SER());
    JavaPairRDD<Long, Tuple2<Link, Member>> bundles = links.mapToPair(l -> new Tuple2<>(l.aOrder(), l))
        .join(members, partitions)
        .mapToPair(t -> new Tuple2<>(t._2()._1().bOrder(), t._2()))
        .join(members, partitions)
        .flatMapToPair(t -> {
          Link l = t._2()._1()._1();
          Member a = t._2()._1()._2();
          Member b = t._2()._2();
          List<Tuple2<Long, Tuple2<Link, Member>>> out = new ArrayList<>(2);
          out.add(new Tuple2<>(a.group(), new Tuple2<>(l, b)));
          if (b.group() != a.group()) {
            out.add(new Tuple2<>(b.group(), new Tuple2<>(l, a)));
          }
          return out.iterator();
        });
    JavaPairRDD<Long, Labels> out = members.mapToPair(t -> new Tuple2<>(t._2().group(), t._2()))
        .cogroup(bundles, partitions)
        .flatMapToPair(t -> {
          long group = t._1();
          Map<String, Long> orderOf = new HashMap<>();
          List<CopyStages.Member> all = new ArrayList<>();
          for (Member m : t._2()._1()) {
            orderOf.put(m.id(), m.order());
            all.add(m.member());
          }
          List<CopyStages.Edge> edges = new ArrayList<>();
          java.util.Set<Long> outside = new java.util.HashSet<>();
          for (Tuple2<Link, Member> b : t._2()._2()) {
            edges.add(b._1().edge());
            if (b._2().group() != group && outside.add(b._2().position())) {
              all.add(b._2().member());
            }
          }
          List<Tuple2<Long, Labels>> labels = new ArrayList<>();
          for (CopyResult r : stages().results(group, all, edges)) {
            labels.add(new Tuple2<>(orderOf.get(r.id()), Labels.of(r)));
          }
          return labels.iterator();
        });
    out.persist(StorageLevel.MEMORY_AND_DISK_SER());
    out.count();
    members.unpersist(false);
    return out;
  }

  /** Keys spread over partitions; one key's documents in one partition. */
  static final class KeyPartitioner extends SpreadPartitioner {
    private static final long serialVersionUID = 1L;

    KeyPartitioner(int partitions) {
      super(partitions);
    }

    @Override
    int hash(Object key) {
      return Order.spread(((KeyAt) key).key());
    }
  }
}
