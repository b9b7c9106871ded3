package io.storyline.stories;

import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An inverted index from keys (terms, entity keys) to the items (open stories, topics) whose centroids hold them,
 * for candidate retrieval: an item that shares no key with a query has a cosine of exactly 0 with it, so scoring
 * only the items reached through the query's keys finds every item whose similarity can reach a positive
 * threshold. The postings are a superset of each item's current keys (keys dropped when a centroid is pruned stay,
 * their cells at 0, until the item is removed), which keeps that guarantee. Each posting holds the item's
 * {@link Bag.Weight} cell for the key, so a search reads weights without looking keys up in the centroids (a hash
 * of a string per item and key: most of the search's time before). Searches over them: {@link PrunedSearch}.
 * Not thread-safe.
 */
final class Postings<T> {
  private final Map<String, Map<T, Bag.Weight>> byKey = new HashMap<>();
  private final Map<T, Set<String>> keysOf = new IdentityHashMap<>();

  /**
   * Posts {@code item} under each of {@code keys} that its centroid {@code bag} holds, with the bag's current cell
   * (call after the bag took the keys; again is harmless and refreshes a cell replaced since).
   */
  void add(T item, Bag bag, Iterable<String> keys) {
    Set<String> mine = keysOf.computeIfAbsent(item, k -> new HashSet<>());
    for (String key : keys) {
      Bag.Weight w = bag.cell(key);
      if (w != null) {
        mine.add(key);
        byKey.computeIfAbsent(key, k -> new IdentityHashMap<>()).put(item, w);
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
      Map<T, Bag.Weight> items = byKey.get(key);
      items.remove(item);
      if (items.isEmpty()) {
        byKey.remove(key);
      }
    }
  }

  /** The items posted under a key with their weight cells (a live view: do not change postings while walking). */
  Map<T, Bag.Weight> items(String key) {
    return byKey.getOrDefault(key, Map.of());
  }
}
