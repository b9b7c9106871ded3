package io.storyline.spark;

import java.io.Serializable;
import java.util.Objects;

/**
 * Everything the job says about one document: its article and, when those stages ran, its copy labels (the
 * fields of {@code storyline copies}) and its story labels (those of {@code storyline stories}); {@code null} when
 * a stage did not run.
 */
record DocumentResult(ArticleRecord article, CopyGroups.Labels copies, StoryBlocks.Labels stories)
    implements Serializable {

  DocumentResult {
    Objects.requireNonNull(article, "article");
  }

  static DocumentResult of(ArticleRecord article) {
    return new DocumentResult(article, null, null);
  }

  long order() {
    return article.order();
  }

  /** The copy group, or null when copy detection did not run. */
  Long group() {
    return copies == null ? null : copies.group();
  }

  DocumentResult withCopies(CopyGroups.Labels labels) {
    return new DocumentResult(article, Objects.requireNonNull(labels, "labels"), stories);
  }

  DocumentResult withStory(StoryBlocks.Labels labels) {
    return new DocumentResult(article, copies, Objects.requireNonNull(labels, "labels"));
  }
}
