package io.storyline.stories;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The working state of one open story: centroids (sums of member vectors) of terms, entities and embeddings,
 * time span, outlets, and the best headline so far. Memory is bounded by the centroid capacities (terms
 * {@value #TERM_CAPACITY}, entities {@value #ENTITY_CAPACITY}, 384 floats) whatever the story's size.
 */
final class StoryState {
  static final int TERM_CAPACITY = 600;
  static final int ENTITY_CAPACITY = 150;

  final String id;
  final Bag terms = new Bag(TERM_CAPACITY);
  final Bag entities = new Bag(ENTITY_CAPACITY);
  final Map<String, String> entityNames = new HashMap<>();
  final Map<String, Integer> outlets = new HashMap<>();
  float[] embeddingSum;
  Instant first;
  Instant last;
  int size;
  String headline;
  private double headlineScore = Double.NEGATIVE_INFINITY;

  StoryState(String id, DocumentFeatures doc) {
    this.id = id;
    this.first = doc.time();
    this.last = doc.time();
    add(doc, 1.0);
  }

  /** Adds a member; {@code score} is its similarity at joining (higher makes its headline representative). */
  void add(DocumentFeatures doc, double score) {
    terms.add(doc.terms(), 1.0);
    entities.add(doc.entityVector(), 1.0);
    for (Entity e : doc.entities()) {
      entityNames.merge(e.key(), e.name(), (a, b) -> b.length() > a.length() ? b : a);
    }
    if (entityNames.size() > 2 * ENTITY_CAPACITY) {
      entityNames.keySet().retainAll(entities.top(ENTITY_CAPACITY));
    }
    if (doc.embedding() != null) {
      if (embeddingSum == null) {
        embeddingSum = new float[doc.embedding().length];
      }
      for (int i = 0; i < embeddingSum.length; i++) {
        embeddingSum[i] += doc.embedding()[i];
      }
    }
    if (doc.outlet() != null && !doc.outlet().isBlank()) {
      outlets.merge(doc.outlet(), 1, Integer::sum);
    }
    if (doc.time().isBefore(first)) {
      first = doc.time();
    }
    if (doc.time().isAfter(last)) {
      last = doc.time();
    }
    size++;
    if (doc.headline() != null && !doc.headline().isBlank() && score > headlineScore) {
      headline = doc.headline();
      headlineScore = score;
    }
  }

  /** Takes in all of {@code other} (a merge of two stories found to be one). */
  void absorb(StoryState other) {
    terms.addAll(other.terms);
    entities.addAll(other.entities);
    other.entityNames.forEach((k, v) -> entityNames.merge(k, v, (a, b) -> b.length() > a.length() ? b : a));
    if (other.embeddingSum != null) {
      if (embeddingSum == null) {
        embeddingSum = other.embeddingSum.clone();
      } else {
        for (int i = 0; i < embeddingSum.length; i++) {
          embeddingSum[i] += other.embeddingSum[i];
        }
      }
    }
    other.outlets.forEach((k, v) -> outlets.merge(k, v, Integer::sum));
    first = other.first.isBefore(first) ? other.first : first;
    last = other.last.isAfter(last) ? other.last : last;
    if (other.size > size && other.headline != null) {
      headline = other.headline;
    }
    size += other.size;
  }

  /** Hours between {@code t} and this story's span (0 inside it). */
  double gapHours(Instant t) {
    Instant edge = t.isBefore(first) ? first : t.isAfter(last) ? last : t;
    return Math.abs(Duration.between(edge, t).toMinutes()) / 60.0;
  }

  /** Cosine between a unit vector and the embedding centroid; NaN when either is missing. */
  double embeddingCosine(float[] unit) {
    return cosine(unit, embeddingSum);
  }

  static double cosine(float[] a, float[] b) {
    if (a == null || b == null) {
      return Double.NaN;
    }
    double dot = 0;
    double nb = 0;
    double na = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      nb += b[i] * b[i];
      na += a[i] * a[i];
    }
    return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
  }

  /** Outlets, most documents first (ties by name). */
  List<String> outletsByCount() {
    List<Map.Entry<String, Integer>> e = new ArrayList<>(outlets.entrySet());
    e.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Integer> x : e) {
      out.add(x.getKey());
    }
    return out;
  }

  /** Display names of the heaviest entities. */
  List<String> topEntities(int n) {
    List<String> out = new ArrayList<>();
    for (String k : entities.top(n)) {
      out.add(entityNames.getOrDefault(k, k));
    }
    return out;
  }

  Story summary(String topicId) {
    return new Story(id, headline == null ? "" : headline, first, last, size, outletsByCount(), topEntities(8),
        topicId);
  }
}
