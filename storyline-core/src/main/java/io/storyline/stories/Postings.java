package io.storyline.stories;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An inverted index from keys (terms, entity keys) to the items (open stories, topics) whose centroids hold them,
 * for candidate retrieval: an item that shares no key with a query has a cosine of exactly 0 with it, so scoring
 * only the items reached through the query's keys finds every item whose similarity can reach a positive
 * threshold. The postings are a superset of each item's current keys (keys dropped when a centroid is pruned stay
 * until the item is removed), which keeps that guarantee. Searches over them: {@link PrunedSearch}. Not thread-safe.
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

  /** The items posted under a key (a live view: do not change postings while walking it). */
  Set<T> items(String key) {
    return byKey.getOrDefault(key, Set.of());
  }

  /** An item's weight for a key, null when it does not hold it. */
  interface Weights<T> {
    Double weight(T item, String key);
  }
}
