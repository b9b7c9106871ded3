package io.storyline.stories;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Summary of one story (a snapshot; the clusterer's own state is separate).
 *
 * @param id         story id ({@code s1}, {@code s2}, ... in the order stories were opened)
 * @param headline   a representative headline: the member's headline closest to the story's centroid when it joined
 * @param firstSeen  time of its earliest document
 * @param lastSeen   time of its latest document
 * @param size       number of documents
 * @param outlets    outlets that carried it, most documents first
 * @param entities   its most weighty named entities, heaviest first
 * @param topicId    the topic it was threaded into, or {@code null} while the story is still open
 */
public record Story(
    String id,
    String headline,
    Instant firstSeen,
    Instant lastSeen,
    int size,
    List<String> outlets,
    List<String> entities,
    String topicId) {

  public Story {
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

  /** This summary with one more document at {@code time} (a late copy of a closed story). */
  Story plus(Instant time, String outlet) {
    List<String> o = outlets;
    if (outlet != null && !o.contains(outlet)) {
      o = new java.util.ArrayList<>(o);
      o.add(outlet);
    }
    return new Story(id, headline, time.isBefore(firstSeen) ? time : firstSeen,
        time.isAfter(lastSeen) ? time : lastSeen, size + 1, o, entities, topicId);
  }

  Story withTopic(String topic) {
    return new Story(id, headline, firstSeen, lastSeen, size, outlets, entities, topic);
  }
}
