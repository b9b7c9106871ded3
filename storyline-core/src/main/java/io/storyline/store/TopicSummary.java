package io.storyline.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A topic as kept in the {@link Store}: stories threaded together over time.
 *
 * @param id        topic id as the stories stage assigned it
 * @param label     a short label (its weightiest entities)
 * @param storyIds  its stories, oldest first
 * @param firstSeen first article of its first story
 * @param lastSeen  last article of any of its stories
 */
public record TopicSummary(String id, String label, List<String> storyIds, Instant firstSeen, Instant lastSeen) {

  public TopicSummary {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(firstSeen, "firstSeen");
    Objects.requireNonNull(lastSeen, "lastSeen");
    storyIds = List.copyOf(storyIds);
    if (storyIds.isEmpty()) {
      throw new IllegalArgumentException("topic " + id + " has no stories");
    }
  }
}
