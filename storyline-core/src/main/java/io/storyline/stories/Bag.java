package io.storyline.stories;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A sparse weighted vector over string keys that can only grow by adding vectors (a centroid kept as a sum), with
 * its squared norm maintained incrementally so a cosine costs one pass over the smaller side. When it holds more
 * than {@code capacity} keys, the lightest are dropped down to three quarters of it (bounded memory per story;
 * the dropped mass is tiny because term weights in a story are Zipf-distributed).
 */
final class Bag {
  private final Map<String, Double> weights = new HashMap<>();
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
      double add = e.getValue() * scale;
      double old = weights.getOrDefault(e.getKey(), 0.0);
      weights.put(e.getKey(), old + add);
      squaredNorm += 2 * old * add + add * add;
    }
    if (weights.size() > capacity) {
      prune(capacity * 3 / 4);
    }
  }

  /** Cosine between a unit-length vector and this bag; 0 when either is empty. */
  double cosine(Map<String, Double> unit) {
    if (squaredNorm <= 0 || unit.isEmpty()) {
      return 0;
    }
    double dot = 0;
    for (Map.Entry<String, Double> e : unit.entrySet()) {
      Double w = weights.get(e.getKey());
      if (w != null) {
        dot += w * e.getValue();
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
    for (Map.Entry<String, Double> e : small.weights.entrySet()) {
      Double w = large.weights.get(e.getKey());
      if (w != null) {
        dot += w * e.getValue();
      }
    }
    return dot / Math.sqrt(squaredNorm * other.squaredNorm);
  }

  /** The weight of a key, or null when the bag does not hold it. */
  Double weight(String key) {
    return weights.get(key);
  }

  /** Visits every key and weight (in the bag's iteration order). */
  void forEach(java.util.function.BiConsumer<String, Double> visit) {
    weights.forEach(visit);
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

  /** The weights, read-only. */
  Map<String, Double> view() {
    return java.util.Collections.unmodifiableMap(weights);
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
    List<Map.Entry<String, Double>> all = new ArrayList<>(weights.entrySet());
    all.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
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
      kept.put(k, weights.get(k));
    }
    b.add(kept, 1.0);
    return b;
  }

  /** Adds another bag's weights. */
  void addAll(Bag other) {
    add(other.weights, 1.0);
  }

  private void prune(int keep) {
    List<String> top = top(keep);
    Map<String, Double> kept = new HashMap<>(keep * 2);
    double n = 0;
    for (String k : top) {
      double w = weights.get(k);
      kept.put(k, w);
      n += w * w;
    }
    weights.clear();
    weights.putAll(kept);
    squaredNorm = n;
  }
}
