package io.storyline.stories;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * An inverted index from keys (terms, entity keys) to the items (open stories, topics) whose centroids hold them,
 * for candidate retrieval: an item that shares no key with a query has a cosine of exactly 0 with it, so scoring
 * only the items reached through the query's keys finds every item whose similarity can reach a positive
 * threshold. The postings are a superset of each item's current keys (keys dropped when a centroid is pruned stay
 * until the item is removed), which keeps that guarantee. Dot products are accumulated term at a time, the way a
 * search engine scores a query against its postings. Not thread-safe.
 */
final class Postings<T> {
  private final Map<String, Set<T>> byKey = new HashMap<>();
  private final Map<T, Set<String>> keysOf = new IdentityHashMap<>();

  /** Posts {@code item} under each key (again is harmless). */
  void add(T item, Iterable<String> keys) {
    Set<String> mine = keysOf.computeIfAbsent(item, k -> new HashSet<>());
    for (String key : keys) {
      if (mine.add(key)) {
        byKey.computeIfAbsent(key, k -> Collections.newSetFromMap(new IdentityHashMap<>())).add(item);
      }
    }
  }

  /** The keys an item was posted under. */
  Set<String> keys(T item) {
    return keysOf.getOrDefault(item, Set.of());
  }

  /** Removes an item from every posting. */
  void remove(T item) {
    Set<String> mine = keysOf.remove(item);
    if (mine == null) {
      return;
    }
    for (String key : mine) {
      Set<T> items = byKey.get(key);
      items.remove(item);
      if (items.isEmpty()) {
        byKey.remove(key);
      }
    }
  }

  /**
   * Adds into {@code dots} (slot {@code slot} of each item's array) the dot product of a query vector with each
   * item reached through its keys: per query key, in the query's iteration order, {@code weight(item, key) × value}
   * for the items holding the key ({@code weightOf} gives null for a pruned key, which adds nothing).
   */
  void accumulate(Map<String, Double> query, Weights<T> weightOf, Map<T, double[]> dots, int slot) {
    for (Map.Entry<String, Double> e : query.entrySet()) {
      accumulate(e.getKey(), e.getValue(), weightOf, dots, slot);
    }
  }

  /** {@link #accumulate(Map, Weights, Map, int)} for a centroid as the query; {@code skip} is left out. */
  void accumulate(Bag query, T skip, Weights<T> weightOf, Map<T, double[]> dots, int slot) {
    query.forEach((key, value) -> accumulate(key, value, weightOf, dots, slot));
    dots.remove(skip);
  }

  private void accumulate(String key, double value, Weights<T> weightOf, Map<T, double[]> dots, int slot) {
    Set<T> items = byKey.get(key);
    if (items == null) {
      return;
    }
    for (T item : items) {
      Double w = weightOf.weight(item, key);
      if (w != null) {
        dots.computeIfAbsent(item, k -> new double[2])[slot] += w * value;
      }
    }
  }

  /** An item's weight for a key, null when it does not hold it. */
  interface Weights<T> {
    Double weight(T item, String key);
  }

  /** The items of {@code dots} whose score reaches {@code floor}, ordered by {@code order}. */
  static <T> List<T> reaching(Map<T, double[]> dots, ToDoubleFunction<Map.Entry<T, double[]>> score, double floor,
      java.util.Comparator<T> order) {
    List<T> out = new ArrayList<>();
    for (Map.Entry<T, double[]> e : dots.entrySet()) {
      if (score.applyAsDouble(e) >= floor) {
        out.add(e.getKey());
      }
    }
    out.sort(order);
    return out;
  }

  /** A map for {@link #accumulate}. */
  static <T> Map<T, double[]> dots() {
    return new IdentityHashMap<>();
  }
}
