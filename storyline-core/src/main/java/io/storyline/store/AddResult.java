package io.storyline.store;

import java.util.List;
import java.util.Objects;

/**
 * What {@link Store#add} did with one document. Returned only once the outcome is durable (see {@link Store}).
 *
 * @param id        the document id
 * @param outcome   added, unchanged, updated or skipped
 * @param reason    why it was skipped, else {@code null}
 * @param copyGroup its copy group, else {@code null}
 * @param relation  its relation to the group, else {@code null}
 * @param sources   ids it was copied from; empty when none
 * @param storyId   its story, else {@code null}
 * @param topicId   its story's topic, else {@code null}
 */
public record AddResult(
    String id,
    Outcome outcome,
    String reason,
    String copyGroup,
    String relation,
    List<String> sources,
    String storyId,
    String topicId) {

  /** What happened to a document. */
  public enum Outcome {
    /** A new id: the article was stored. */
    ADDED,
    /** The id was stored with the same content hash: nothing changed. */
    UNCHANGED,
    /** The id was stored with another content hash: the article was replaced by the new version. */
    UPDATED,
    /** Nothing usable was extracted (no text and no title, or not an article page); nothing was stored. */
    SKIPPED
  }

  public AddResult {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(outcome, "outcome");
    if ((outcome == Outcome.SKIPPED) != (reason != null)) {
      throw new IllegalArgumentException("a reason is given exactly for SKIPPED, got " + outcome + " with reason "
          + reason + " for " + id);
    }
    sources = sources == null ? List.of() : List.copyOf(sources);
  }

  static AddResult skipped(String id, String reason) {
    return new AddResult(id, Outcome.SKIPPED, reason, null, null, List.of(), null, null);
  }

  static AddResult of(Outcome outcome, StoredArticle a) {
    return new AddResult(a.id(), outcome, null, a.copyGroup(), a.relation(), a.sources(), a.storyId(), a.topicId());
  }
}
