package io.storyline.copies;

import io.storyline.extract.Article;
import java.time.Instant;
import java.util.Objects;

/**
 * What the copy index needs of one document.
 *
 * @param id        unique id within an index
 * @param text      the clean article text (paragraphs separated by blank lines); may be empty
 * @param published publication time, or {@code null}: the earliest published member of a group is its origin
 *                  when no wire service is involved
 * @param outlet    the publishing site or paper, or {@code null}; an outlet that is itself a news agency (PA,
 *                  Reuters, AP...) makes the document the wire source of its group
 * @param agency    the wire service the document credits, or {@code null}
 */
public record CopyDocument(String id, String text, Instant published, String outlet, String agency) {

  public CopyDocument {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    if (id.isBlank()) {
      throw new IllegalArgumentException("document id must not be blank");
    }
  }

  /** The document of an extracted article (its id, text, published time, outlet and credited agency). */
  public static CopyDocument of(Article article) {
    return new CopyDocument(article.id(), article.text(), article.published(), article.outlet(), article.agency());
  }
}
