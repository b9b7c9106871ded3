package io.storyline.spark;

import java.io.Serializable;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * A document's place in the story stream, as {@code StoryClusterer.inPublicationOrder} orders a batch: dated
 * documents by (publication time, id); a document without a usable date right after the dated document that
 * precedes it in input order (its anchor), followers in input order; undated documents before any dated one right
 * after the earliest dated document.
 *
 * @param time     the anchor's publication time (the document's own when dated); the story stage blocks by it
 * @param id       the anchor's id
 * @param follower 0 for a dated document, 1 for a follower of its anchor
 * @param order    input order, which orders followers
 */
record StreamKey(Instant time, String id, int follower, long order) implements Serializable, Comparable<StreamKey> {
  static final Comparator<StreamKey> ORDER = Comparator.comparing(StreamKey::time)
      .thenComparing(StreamKey::id)
      .thenComparingInt(StreamKey::follower)
      .thenComparingLong(StreamKey::order);

  /** {@link #ORDER} for Spark, which ships comparators to executors. */
  static final Comparator<StreamKey> ORDER_SERIALIZABLE = (Comparator<StreamKey> & Serializable) StreamKey::compareTo;

  StreamKey {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(id, "id");
  }

  @Override
  public int compareTo(StreamKey o) {
    return ORDER.compare(this, o);
  }
}
