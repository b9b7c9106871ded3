package io.storyline.stories;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A sparse weighted vector over string keys that can only grow by adding vectors (a centroid kept as a sum), with
 * its squared norm maintained incrementally so a cosine costs one pass over the smaller side. When it holds more
 * than {@code capacity} keys, the lightest are dropped down to three quarters of it (bounded memory per story;
 * the dropped mass is tiny because term weights in a story are Zipf-distributed). Each key's weight lives in a
 * {@link Weight} cell that {@link Postings} share, so an index walks weights without looking keys up; a dropped key's
 * cell is set to 0.
 */
final class Bag {
  /** One key's weight; 0 once the key is dropped (a key added again gets a new cell). */
  static final class Weight {
    double value;
  }

  private final Map<String, Weight> weights = new HashMap<>();
  private final int capacity;
  private double squaredNorm;

  Bag(int capacity) {
    if (capacity < 4) {
      throw new IllegalArgumentException("capacity must be >= 4, was " + capacity);
    }
    this.capacity = capacity;
  }

  /** A unit-length copy of a key→weight map (empty stays empty). */
  static Map<String, Double> normalised(Map<String, Double> raw) {
    double n = 0;
    for (double w : raw.values()) {
      n += w * w;
    }
    if (n == 0) {
      return Map.of();
    }
    double norm = Math.sqrt(n);
    Map<String, Double> out = new HashMap<>(raw.size() * 2);
    raw.forEach((k, w) -> out.put(k, w / norm));
    return out;
  }

  /** Adds {@code scale × vector}. */
  void add(Map<String, Double> vector, double scale) {
    for (Map.Entry<String, Double> e : vector.entrySet()) {
      add(e.getKey(), e.getValue() * scale);
    }
    if (weights.size() > capacity) {
      prune(capacity * 3 / 4);
    }
  }

  private void add(String key, double add) {
    Weight w = weights.computeIfAbsent(key, k -> new Weight());
    double old = w.value;
    w.value = old + add;
    squaredNorm += 2 * old * add + add * add;
  }

  /** Cosine between a unit-length vector and this bag; 0 when either is empty. */
  double cosine(Map<String, Double> unit) {
    if (squaredNorm <= 0 || unit.isEmpty()) {
      return 0;
    }
    double dot = 0;
    for (Map.Entry<String, Double> e : unit.entrySet()) {
      Weight w = weights.get(e.getKey());
      if (w != null) {
        dot += w.value * e.getValue();
      }
    }
    return dot / Math.sqrt(squaredNorm);
  }

  /** Cosine between two bags. */
  double cosine(Bag other) {
    if (squaredNorm <= 0 || other.squaredNorm <= 0) {
      return 0;
    }
    Bag small = weights.size() <= other.weights.size() ? this : other;
    Bag large = small == this ? other : this;
    double dot = 0;
    for (Map.Entry<String, Weight> e : small.weights.entrySet()) {
      Weight w = large.weights.get(e.getKey());
      if (w != null) {
        dot += w.value * e.getValue().value;
      }
    }
    return dot / Math.sqrt(squaredNorm * other.squaredNorm);
  }

  /** The weight of a key, or null when the bag does not hold it. */
  Double weight(String key) {
    Weight w = weights.get(key);
    return w == null ? null : w.value;
  }

  /** The cell holding a key's weight, or null when the bag does not hold it. */
  Weight cell(String key) {
    return weights.get(key);
  }

  /** Visits every key and weight (in the bag's iteration order). */
  void forEach(java.util.function.BiConsumer<String, Double> visit) {
    weights.forEach((k, w) -> visit.accept(k, w.value));
  }

  /**
   * {@link #cosine(Map)} from a dot product accumulated elsewhere (an inverted index adds the products of the shared
   * keys); {@code unitEmpty} says whether the unit vector was empty.
   */
  double cosineFromDot(double dot, boolean unitEmpty) {
    return squaredNorm <= 0 || unitEmpty ? 0 : dot / Math.sqrt(squaredNorm);
  }

  /** {@link #cosine(Bag)} from a dot product accumulated elsewhere. */
  double cosineFromDot(Bag other, double dot) {
    return squaredNorm <= 0 || other.squaredNorm <= 0 ? 0 : dot / Math.sqrt(squaredNorm * other.squaredNorm);
  }

  /** The norm kept with the weights (the denominator of this bag's cosines). */
  double norm() {
    return Math.sqrt(squaredNorm);
  }

  boolean isEmpty() {
    return weights.isEmpty();
  }

  int size() {
    return weights.size();
  }

  /** The heaviest keys, heaviest first. */
  List<String> top(int n) {
    List<Map.Entry<String, Weight>> all = new ArrayList<>(weights.entrySet());
    all.sort(java.util.Comparator.comparingDouble((Map.Entry<String, Weight> e) -> -e.getValue().value)
        .thenComparing(Map.Entry.comparingByKey()));
    List<String> out = new ArrayList<>(Math.min(n, all.size()));
    for (int i = 0; i < Math.min(n, all.size()); i++) {
      out.add(all.get(i).getKey());
    }
    return out;
  }

  /** A copy keeping only the {@code n} heaviest keys (for compact profiles of closed stories). */
  Bag truncated(int n) {
    Bag b = new Bag(Math.max(4, n));
    Map<String, Double> kept = new HashMap<>();
    for (String k : top(n)) {
      kept.put(k, weights.get(k).value);
    }
    b.add(kept, 1.0);
    return b;
  }

  /** Adds another bag's weights. */
  void addAll(Bag other) {
    for (Map.Entry<String, Weight> e : other.weights.entrySet()) {
      add(e.getKey(), e.getValue().value);
    }
    if (weights.size() > capacity) {
      prune(capacity * 3 / 4);
    }
  }

  private void prune(int keep) {
    List<String> top = top(keep);
    Map<String, Weight> kept = new HashMap<>(keep * 2);
    double n = 0;
    for (String k : top) {
      Weight w = weights.get(k);
      kept.put(k, w);
      n += w.value * w.value;
    }
    for (Map.Entry<String, Weight> e : weights.entrySet()) {
      if (!kept.containsKey(e.getKey())) {
        e.getValue().value = 0;
      }
    }
    weights.clear();
    weights.putAll(kept);
    squaredNorm = n;
  }
}
