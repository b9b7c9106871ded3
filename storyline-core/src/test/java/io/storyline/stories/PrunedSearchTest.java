package io.storyline.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PrunedSearchTest {
  private static final double W_TERMS = 0.5;
  private static final double W_ENTITIES = 0.2;

  /** An item: two centroids, as an open story or a topic holds them. */
  private static final class Item {
    final int number;
    final Bag terms = new Bag(60);
    final Bag entities = new Bag(20);

    Item(int number) {
      this.number = number;
    }
  }

  private static double score(Bag qt, Bag qe, Item item, double termDot, double entityDot) {
    double sum = W_TERMS * item.terms.cosineFromDot(qt, termDot);
    double w = W_TERMS;
    if (!qe.isEmpty() && !item.entities.isEmpty()) {
      sum += W_ENTITIES * item.entities.cosineFromDot(qe, entityDot);
      w += W_ENTITIES;
    }
    return sum / w;
  }

  @Test
  void findsExactlyTheItemsAFullScanFindsAboveTheThreshold() {
    long seed = new Random().nextLong();
    System.out.println("findsExactlyTheItemsAFullScanFindsAboveTheThreshold seed " + seed);
    Random random = new Random(seed);
    Postings<Item> termIndex = new Postings<>();
    Postings<Item> entityIndex = new Postings<>();
    List<Item> items = new ArrayList<>();
    for (int n = 0; n < 300; n++) {
      Item item = new Item(n);
      for (int add = 1 + random.nextInt(4); add > 0; add--) { // grows, and past 60 keys prunes, as centroids do
        Map<String, Double> t = vector(random, "t", 200, 25);
        Map<String, Double> e = random.nextInt(5) == 0 ? Map.of() : vector(random, "e", 40, 4);
        item.terms.add(t, 1.0);
        item.entities.add(e, 1.0);
        termIndex.add(item, item.terms, t.keySet());
        entityIndex.add(item, item.entities, e.keySet());
      }
      items.add(item);
    }
    int found = 0;
    for (int q = 0; q < 200; q++) {
      Bag qt = new Bag(600);
      Bag qe = new Bag(150);
      qt.add(vector(random, "t", 200, 40), 1.0);
      if (random.nextBoolean()) {
        qe.add(vector(random, "e", 40, 6), 1.0);
      }
      double threshold = 0.05 + 0.4 * random.nextDouble();
      List<Item> expected = new ArrayList<>();
      for (Item item : items) {
        if (score(qt, qe, item, dot(qt, item.terms), dot(qe, item.entities)) >= threshold) {
          expected.add(item);
        }
      }
      List<Item> got = PrunedSearch.search(
          new PrunedSearch.Component<>(termIndex, qt, i -> i.terms.norm()),
          new PrunedSearch.Component<>(entityIndex, qe, i -> i.entities.norm()),
          new PrunedSearch.Scoring<>() {
            @Override
            public double score(Item item, double termDot, double entityDot) {
              return PrunedSearchTest.score(qt, qe, item, termDot, entityDot);
            }

            @Override
            public double unseen(double termCosine, double entityCosine) {
              return qe.isEmpty() ? termCosine
                  : Math.max(termCosine, (W_TERMS * termCosine + W_ENTITIES * entityCosine) / (W_TERMS + W_ENTITIES));
            }
          }, threshold, null, Comparator.comparingInt((Item i) -> i.number));
      assertThat(got).as("query %d, threshold %f", q, threshold).containsAll(expected);
      for (Item item : got) {
        assertThat(score(qt, qe, item, dot(qt, item.terms), dot(qe, item.entities)))
            .isGreaterThanOrEqualTo(threshold - 1e-6);
      }
      found += expected.size();
    }
    assertThat(found).as("the queries must reach some items for the test to mean anything").isGreaterThan(50);
  }

  private static double dot(Bag a, Bag b) {
    double[] sum = {0};
    a.forEach((k, v) -> {
      Double w = b.weight(k);
      if (w != null) {
        sum[0] += v * w;
      }
    });
    return sum[0];
  }

  /** A Zipf-like weighted vector over {@code prefix0..prefix(vocabulary-1)}: few heavy keys, a long light tail. */
  private static Map<String, Double> vector(Random random, String prefix, int vocabulary, int size) {
    Map<String, Double> v = new HashMap<>();
    for (int i = 0; i < size; i++) {
      int k = (int) Math.min(vocabulary - 1, Math.floor(Math.pow(vocabulary, random.nextDouble())) - 1);
      v.merge(prefix + k, 1.0 + Math.log(vocabulary / (k + 1.0)), Double::sum);
    }
    return Bag.normalised(v);
  }
}
