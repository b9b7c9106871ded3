package io.storyline.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

class ConnectedComponentsIT {

  private static Map<Long, Long> components(List<Tuple2<Long, Long>> edges) {
    ConnectedComponents.Result r = ConnectedComponents.of(LocalSpark.context().parallelizePairs(edges, 3), 3);
    Map<Long, Long> out = new HashMap<>(r.labels().collectAsMap());
    r.labels().unpersist(false);
    return out;
  }

  /** Reference: union-find, each vertex labelled with the smallest vertex of its component. */
  private static Map<Long, Long> unionFind(List<Tuple2<Long, Long>> edges) {
    Map<Long, Long> parent = new HashMap<>();
    for (Tuple2<Long, Long> e : edges) {
      long a = find(parent, e._1());
      long b = find(parent, e._2());
      parent.put(Math.max(a, b), Math.min(a, b));
    }
    Map<Long, Long> out = new HashMap<>();
    for (long v : parent.keySet()) {
      out.put(v, find(parent, v));
    }
    return out;
  }

  private static long find(Map<Long, Long> parent, long v) {
    parent.putIfAbsent(v, v);
    long root = v;
    while (parent.get(root) != root) {
      root = parent.get(root);
    }
    return root;
  }

  @Test
  void labelsEveryVertexWithTheSmallestVertexOfItsComponent() {
    long seed = new Random().nextLong();
    System.out.println("ConnectedComponentsIT seed " + seed);
    Random random = new Random(seed);
    List<Tuple2<Long, Long>> edges = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      long a = random.nextInt(4_000);
      long b = random.nextInt(10) < 8 ? a + random.nextInt(20) - 10 : random.nextInt(4_000);
      edges.add(new Tuple2<>(a, Math.max(0, b)));
    }
    Map<Long, Long> expected = unionFind(edges);
    expected.entrySet().removeIf(e -> edges.stream().noneMatch(x -> !x._1().equals(x._2())
        && (x._1().equals(e.getKey()) || x._2().equals(e.getKey()))));
    assertThat(components(edges)).as("seed %d", seed).isEqualTo(expected);
  }

  @Test
  void joinsALongPathWhoseVerticesAreShuffledInFewRounds() {
    int n = 4_000;
    List<Long> ids = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      ids.add(i * 7 + 3);
    }
    java.util.Collections.shuffle(ids, new Random(11)); // fixed: the path's order decides the rounds measured
    List<Tuple2<Long, Long>> path = new ArrayList<>();
    for (int i = 1; i < n; i++) {
      path.add(new Tuple2<>(ids.get(i - 1), ids.get(i)));
    }
    ConnectedComponents.Result r = ConnectedComponents.of(LocalSpark.context().parallelizePairs(path, 3), 3);
    Map<Long, Long> labels = r.labels().collectAsMap();
    System.out.println("ConnectedComponentsIT: path of " + n + " vertices in " + r.rounds() + " rounds");
    assertThat(labels).hasSize(n);
    assertThat(labels.values()).containsOnly(3L);
    assertThat(r.rounds()).isLessThanOrEqualTo(2 * (int) Math.ceil(Math.pow(Math.log(n) / Math.log(2), 2) / 8));
  }

  @Test
  void keepsSeparateComponentsApartAndIgnoresSelfLoopsAndRepeats() {
    List<Tuple2<Long, Long>> edges = List.of(new Tuple2<>(5L, 9L), new Tuple2<>(9L, 5L), new Tuple2<>(9L, 9L),
        new Tuple2<>(1L, 2L), new Tuple2<>(40L, 30L), new Tuple2<>(30L, 20L), new Tuple2<>(7L, 7L));
    assertThat(components(edges)).isEqualTo(Map.of(5L, 5L, 9L, 5L, 1L, 1L, 2L, 1L, 40L, 20L, 30L, 20L, 20L, 20L));
  }
}
