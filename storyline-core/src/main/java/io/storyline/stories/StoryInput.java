package io.storyline.stories;

import io.storyline.extract.Article;
import java.util.Objects;

/**
 * One document for the clusterer: an extracted article and, when copy detection ran, its copy group.
 *
 * @param article   the article (not modified)
 * @param copyGroup the copy group id, or {@code null}; documents of one copy group always share a story
 */
public record StoryInput(Article article, String copyGroup) {
  public StoryInput {
    Objects.requireNonNull(article, "article");
    if (copyGroup != null && copyGroup.isBlank()) {
      throw new IllegalArgumentException("copyGroup must be null or non-blank, was '" + copyGroup + "' for "
          + article.id());
    }
  }
}
