package io.storyline.spark;

import io.storyline.extract.Article;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An extracted {@link Article}, serializable, with its input order and the location it was read from (for
 * messages).
 */
record ArticleRecord(long order, String location, String id, String url, String title, String text, String byline,
    Instant published, String outlet, String agency, String dateline, String language, Article.Status status,
    TreeMap<String, Integer> removed) implements Item {

  ArticleRecord {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(status, "status");
    removed = removed == null ? new TreeMap<>() : new TreeMap<>(removed);
  }

  static ArticleRecord of(long order, String location, Article a) {
    return new ArticleRecord(order, location, a.id(), a.url(), a.title(), a.text(), a.byline(), a.published(), a.outlet(),
        a.agency(), a.dateline(), a.language(), a.status(), new TreeMap<>(a.removed()));
  }

  Article toArticle() {
    return new Article(id, url, title, text, byline, published, outlet, agency, dateline, language, status,
        removed);
  }

  /** The removed counts (a copy: records do not share their state). */
  @Override
  public TreeMap<String, Integer> removed() {
    return new TreeMap<>(removed);
  }

  /** The counts without copying, for the writers. */
  Map<String, Integer> removedView() {
    return java.util.Collections.unmodifiableMap(removed);
  }
}
