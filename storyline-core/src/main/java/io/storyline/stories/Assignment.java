package io.storyline.stories;

import java.time.Instant;
import java.util.Objects;

/**
 * Where one document went.
 *
 * @param documentId the article id
 * @param copyGroup  the copy group given with the document, else {@code null}
 * @param storyId    the story it joined or opened
 * @param time       the time used to place it in the stream
 * @param dateSource where {@code time} came from
 * @param dateNote   why a fallback date was used ("no publication date"), else {@code null}
 * @param basis      why it joined this story
 * @param score      similarity to the story when it joined by similarity; else NaN
 */
public record Assignment(
    String documentId,
    String copyGroup,
    String storyId,
    Instant time,
    DateSource dateSource,
    String dateNote,
    Basis basis,
    double score) {

  /** Why a document is in its story. */
  public enum Basis {
    /** No active story was similar enough: the document opened a new one. */
    NEW_STORY,
    /** It was the most similar active story, above the threshold. */
    SIMILARITY,
    /** Its copy group already had a story (a copy group never spans two stories). */
    COPY_GROUP
  }

  public Assignment {
    Objects.requireNonNull(documentId, "documentId");
    Objects.requireNonNull(storyId, "storyId");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(dateSource, "dateSource");
    Objects.requireNonNull(basis, "basis");
    if (dateSource != DateSource.PUBLISHED && (dateNote == null || dateNote.isBlank())) {
      throw new IllegalArgumentException("a fallback date (" + dateSource + ") needs a dateNote; document "
          + documentId);
    }
  }
}
