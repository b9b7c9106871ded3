package io.storyline.stories;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A topic: stories threaded together across time by shared entities and meaning.
 *
 * @param id        topic id ({@code t1}, {@code t2}, ...)
 * @param label     its heaviest entities, joined by " / "
 * @param storyIds  its stories in chronological order of their first document
 * @param firstSeen first document of its first story
 * @param lastSeen  last document of any of its stories
 */
public record Topic(String id, String label, List<String> storyIds, Instant firstSeen, Instant lastSeen) {
  public Topic {
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
