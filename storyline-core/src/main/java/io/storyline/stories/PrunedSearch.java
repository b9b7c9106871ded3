package io.storyline.stories;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exact threshold search over {@link Postings} with a pruning bound: the items (open stories, topics) whose score
 * against a query may reach a threshold, where the score is a weighted cosine of two components (terms and entity
 * keys), each accumulated through its own postings, then mixed and damped as the caller's expression says.
 *
 * <p>Method: max-score / prefix filtering (Turtle and Flood 1995, "Query evaluation: strategies and optimizations";
 * Bayardo, Ma and Srikant 2007, "Scaling up all pairs similarity search"). The query's keys are taken heaviest
 * first, from whichever component lowers the bound below the most. An item not reached by the keys taken so far
 * shares none of them (postings hold a superset of an item's keys), so its dot product is over the rest of the query
 * only, and by Cauchy–Schwarz its cosine is at most {@code ‖rest of query‖ / ‖query‖} (the item side contributes at
 * most its own norm, the cosine's denominator). {@link Scoring#unseen} turns the two components' bounds into a bound
 * on the whole score, covering every term of the caller's expression (the weighted mean, a component dropped for an
 * empty side, the time decay at most 1). Once that bound is below the threshold, no new item is admitted: the
 * common words that follow, whose postings reach most items, are no longer walked. The admitted items' dots are then
 * finished over the remaining keys (walking the posting or looking the key up in each admitted item, whichever is
 * shorter), and an admitted item is dropped as soon as its own bound (partial dot plus {@code ‖rest‖ × ‖item‖},
 * through the caller's expression with the item's own decay and components) falls below the threshold. Items
 * left out can only score below the threshold, so a caller that rescores the returned items with its own
 * expression and acts only on scores at or above the threshold makes the choice a scan of every item makes. The
 * bounds are inflated by {@link #SLACK} (relative) and compared with the threshold less {@link OpenIndex#MARGIN},
 * far above the rounding of norms kept incrementally and of products summed in another order.
 *
 * <p>Measured (one 28-day story block of the 100,000-document Spark bench corpus, 7,508 documents, 268 a day,
 * 1,594 stories, features computed beforehand, no embeddings; {@code ./storyline bench spark --documents 100000
 * --clustering-only 28}, the README has the table): of the postings entries that accumulating every key of the
 * query walks, the bound walks 18% for the documents (7.8 of 42.3 million entries in all), 15% for the merge
 * checks (6.8 of 46.4 million) and 27% for topic threading (5.5 of 20.5 million); the clustering ran 277 documents
 * per CPU-second before, 795 with the bound, about 2,000 with the weight cells of {@link Postings} (first runs
 * of a JVM; the stories and topics identical). Not thread-safe (one search at a time per caller).
 */
final class PrunedSearch {
  /** Relative inflation of every bound: norms and partial dots carry rounding of about 1e-13 at most. */
  static final double SLACK = 1e-9;
  /** Finishing: admitted items are re-checked against their bounds every this many keys. */
  private static final int RECHECK_EVERY = 8;

  private PrunedSearch() {}

  /** One component of the query: its keys heaviest first, the norm of each suffix, and where items hold them. */
  static final class Component<T> {
    final Postings<T> postings;
    final String[] keys;
    final double[] values;
    /** {@code rest[i]} = norm of {@code values[i..]}; {@code rest[n]} = 0. */
    final double[] rest;
    /** The query side's norm in the cosine's denominator (1 for a unit vector). */
    final double norm;
    /** The item side's norm in the cosine's denominator. */
    final ItemNorm<T> itemNorm;

    /** A unit-length query vector (its cosines divide by the item's norm only). */
    Component(Postings<T> postings, Map<String, Double> unit, double norm, ItemNorm<T> itemNorm) {
      this(postings, new ArrayList<>(unit.entrySet()), norm, itemNorm);
    }

    /** A centroid as the query (its cosines divide by its own norm too). */
    Component(Postings<T> postings, Bag query, ItemNorm<T> itemNorm) {
      this(postings, entries(query), query.norm(), itemNorm);
    }

    private Component(Postings<T> postings, List<Map.Entry<String, Double>> sorted, double norm,
        ItemNorm<T> itemNorm) {
      this.postings = postings;
      this.norm = norm;
      this.itemNorm = itemNorm;
      sorted.sort(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -Math.abs(e.getValue()))
          .thenComparing(Map.Entry::getKey));
      int n = sorted.size();
      keys = new String[n];
      values = new double[n];
      rest = new double[n + 1];
      for (int i = 0; i < n; i++) {
        keys[i] = sorted.get(i).getKey();
        values[i] = sorted.get(i).getValue();
      }
      double sq = 0;
      for (int i = n - 1; i >= 0; i--) {
        sq += values[i] * values[i];
        rest[i] = Math.sqrt(sq);
      }
    }

    private static List<Map.Entry<String, Double>> entries(Bag bag) {
      List<Map.Entry<String, Double>> out = new ArrayList<>(bag.size());
      bag.forEach((k, v) -> out.add(Map.entry(k, v)));
      return out;
    }

    /** Upper bound on the cosine of any item with the query's keys from {@code i} on. */
    double cosineBound(int i) {
      return norm <= 0 ? 0 : rest[i] / norm * (1 + SLACK);
    }
  }

  /** An item's norm in a component (the square root of its centroid's squared norm). */
  interface ItemNorm<T> {
    double of(T item);
  }

  /** The caller's score: nondecreasing in both dot products. */
  interface Scoring<T> {
    /** The score of {@code item} given its term and entity dot products with the query. */
    double score(T item, double termDot, double entityDot);

    /** An upper bound on the score of any item whose term and entity cosines are at most the two bounds. */
    double unseen(double termCosine, double entityCosine);
  }

  /**
   * The items other than {@code skip} whose score may reach {@code threshold}: every item scoring at least
   * {@code threshold} is among them; each returned item's dots are exact up to the order of summation, and its
   * score from them is at least {@code threshold - MARGIN}. Sorted by {@code order}.
   */
  static <T> List<T> search(Component<T> terms, Component<T> entities, Scoring<T> scoring, double threshold,
      T skip, Comparator<T> order) {
    double floor = threshold - OpenIndex.MARGIN;
    Map<T, double[]> dots = new IdentityHashMap<>();
    int[] at = {0, 0};
    List<Component<T>> parts = List.of(terms, entities);
    // admission: every item reached by a key is admitted, until the unseen bound is below the floor
    while (scoring.unseen(terms.cosineBound(at[0]), entities.cosineBound(at[1])) >= floor) {
      int c = next(terms, entities, at, scoring);
      if (c < 0) {
        break;
      }
      Component<T> part = parts.get(c);
      int i = at[c]++;
      double value = part.values[i];
      int slot = c;
      part.postings.items(part.keys[i]).forEach((item, w) -> {
        if (item != skip) {
          dots.computeIfAbsent(item, k -> new double[2])[slot] += w.value * value;
        }
      });
    }
    // finishing: the admitted items only, dropped once their own bound is below the floor
    int sinceCheck = RECHECK_EVERY;
    while (!dots.isEmpty()) {
      if (sinceCheck++ >= RECHECK_EVERY) {
        sinceCheck = 1;
        dots.entrySet().removeIf(e -> bound(e.getKey(), e.getValue(), terms, entities, at, scoring) < floor);
      }
      int c = next(terms, entities, at, scoring);
      if (c < 0) {
        break;
      }
      Component<T> part = parts.get(c);
      int i = at[c]++;
      double value = part.values[i];
      Map<T, Bag.Weight> items = part.postings.items(part.keys[i]);
      if (items.size() <= dots.size()) {
        for (Map.Entry<T, Bag.Weight> e : items.entrySet()) {
          double[] d = dots.get(e.getKey());
          if (d != null) {
            d[c] += e.getValue().value * value;
          }
        }
      } else {
        for (Map.Entry<T, double[]> e : dots.entrySet()) {
          Bag.Weight w = items.get(e.getKey());
          if (w != null) {
            e.getValue()[c] += w.value * value;
          }
        }
      }
    }
    List<T> out = new ArrayList<>();
    for (Map.Entry<T, double[]> e : dots.entrySet()) {
      if (scoring.score(e.getKey(), e.getValue()[0], e.getValue()[1]) >= floor) {
        out.add(e.getKey());
      }
    }
    out.sort(order);
    return out;
  }

  /** The component whose next key lowers the unseen bound most; -1 when both are exhausted. */
  private static <T> int next(Component<T> terms, Component<T> entities, int[] at, Scoring<T> scoring) {
    boolean t = at[0] < terms.keys.length;
    boolean e = at[1] < entities.keys.length;
    if (t && e) {
      double takeTerm = scoring.unseen(terms.cosineBound(at[0] + 1), entities.cosineBound(at[1]));
      double takeEntity = scoring.unseen(terms.cosineBound(at[0]), entities.cosineBound(at[1] + 1));
      return takeTerm <= takeEntity ? 0 : 1;
    }
    return t ? 0 : e ? 1 : -1;
  }

  /** An admitted item's bound: its partial dots plus what the rest of the query can add (Cauchy–Schwarz). */
  private static <T> double bound(T item, double[] partial, Component<T> terms, Component<T> entities, int[] at,
      Scoring<T> scoring) {
    double termDot = partial[0] + terms.rest[at[0]] * terms.itemNorm.of(item) * (1 + SLACK);
    double entityDot = partial[1] + entities.rest[at[1]] * entities.itemNorm.of(item) * (1 + SLACK);
    return scoring.score(item, termDot, entityDot) * (1 + SLACK);
  }
}
