package io.storyline.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A story as kept in the {@link Store}: the stories stage's latest summary of it.
 *
 * @param id        story id as the stories stage assigned it
 * @param headline  a representative headline, or {@code null}
 * @param firstSeen time of its earliest article
 * @param lastSeen  time of its latest article
 * @param size      number of articles
 * @param outlets   outlets that carried it, most articles first
 * @param entities  its weightiest named entities, heaviest first
 * @param topicId   the topic it is threaded into, or {@code null} while it is open
 */
public record StorySummary(
    String id,
    String headline,
    Instant firstSeen,
    Instant lastSeen,
    int size,
    List<String> outlets,
    List<String> entities,
    String topicId) {

  public StorySummary {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(firstSeen, "firstSeen");
    Objects.requireNonNull(lastSeen, "lastSeen");
    if (size < 1) {
      throw new IllegalArgumentException("story size must be >= 1, was " + size + " for " + id);
    }
    if (lastSeen.isBefore(firstSeen)) {
      throw new IllegalArgumentException("story " + id + " lastSeen " + lastSeen + " is before firstSeen " + firstSeen);
    }
    outlets = List.copyOf(outlets);
    entities = List.copyOf(entities);
  }
}
