package io.storyline.extract;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the HTML main-content stage found in one page, before text-level post-processing.
 * Package-private contract between {@link HtmlArticleExtractor} and {@link Extractor}.
 */
record HtmlResult(
    Article.Status status,
    List<String> paragraphs,
    String title,
    String byline,
    Instant published,
    String siteName,
    String language,
    String canonicalUrl,
    Map<String, Integer> removed) {

  HtmlResult {
    paragraphs = List.copyOf(paragraphs);
    removed = Map.copyOf(removed);
  }
}
