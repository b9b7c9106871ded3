package io.storyline.store;

import io.storyline.extract.Article;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An article as kept in the {@link Store}: the extracted {@link Article} and what the later stages said about it.
 *
 * @param article     the extracted article, as extraction returned it
 * @param contentHash SHA-256 (hex) of the raw document it was extracted from; see {@link Store} for the rule
 * @param seq         its place in the order the store fed articles to the stages (1, 2, ...); an update gets a new one
 * @param added       when it was added or last updated (the store's clock)
 * @param copyGroup   the copy group it belongs to, or {@code null} when it is nobody's copy (or copies are off)
 * @param relation    how it relates to its group ("original", "near", "exact", "partial" as the copies stage names them), else null
 * @param sources     ids of the articles it was copied from, oldest first; empty when none
 * @param storyId     the story it was placed in, or {@code null} when stories are off
 * @param topicId     the topic of its story once the story is threaded into one, else {@code null}
 */
public record StoredArticle(
    Article article,
    String contentHash,
    long seq,
    Instant added,
    String copyGroup,
    String relation,
    List<String> sources,
    String storyId,
    String topicId) {

  public StoredArticle {
    Objects.requireNonNull(article, "article");
    Objects.requireNonNull(contentHash, "contentHash");
    Objects.requireNonNull(added, "added");
    if (seq < 1) {
      throw new IllegalArgumentException("seq must be >= 1, was " + seq + " for " + article.id());
    }
    sources = sources == null ? List.of() : List.copyOf(sources);
  }

  /** The article id. */
  public String id() {
    return article.id();
  }

  /** This article with its story's topic filled in. */
  StoredArticle withTopic(String topic) {
    return new StoredArticle(article, contentHash, seq, added, copyGroup, relation, sources, storyId, topic);
  }
}
