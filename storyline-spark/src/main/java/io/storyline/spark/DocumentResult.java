package io.storyline.spark;

import java.io.Serializable;
import java.util.Objects;

/**
 * Everything the job says about one document: its article and, when those stages ran, its copy group, its
 * relation to the group's origin, its story and its topic ({@code null} when unknown).
 */
record DocumentResult(ArticleRecord article, Long group, String relation, String story, String topic)
    implements Serializable {

  DocumentResult {
    Objects.requireNonNull(article, "article");
  }

  static DocumentResult of(ArticleRecord article) {
    return new DocumentResult(article, null, null, null, null);
  }

  long order() {
    return article.order();
  }

  DocumentResult withCopies(long group, String relation) {
    return new DocumentResult(article, group, relation, story, topic);
  }

  DocumentResult withStory(String story, String topic) {
    return new DocumentResult(article, group, relation, story, topic);
  }
}
