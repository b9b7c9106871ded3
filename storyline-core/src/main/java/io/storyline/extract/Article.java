package io.storyline.extract;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A clean article: the main text of one document without site chrome, and its metadata.
 *
 * @param id        the document id (see {@link io.storyline.ingest.RawDocument#id()})
 * @param url       page URL when known, else {@code null}
 * @param title     headline, or {@code null} when none was found
 * @param text      main body, paragraphs separated by one blank line; empty when there is no article
 * @param byline    authors as credited ("By Denis Dyomkin and Gabriela Baczynska"), else {@code null}
 * @param published original publication time, else {@code null}; a date without a time is midnight UTC
 * @param outlet    the publishing site or paper, else {@code null}
 * @param agency    wire service credited (Reuters, AP, AFP, PA, DPA...), else {@code null}
 * @param dateline  place of the dateline ("SOCHI, Russia"), else {@code null}
 * @param language  ISO 639-1 code, or {@code null} when undetermined
 * @param status    whether an article was found
 * @param removed   what was removed, counted by kind ("navigation", "caption", "appeal", ...)
 */
public record Article(
    String id,
    String url,
    String title,
    String text,
    String byline,
    Instant published,
    String outlet,
    String agency,
    String dateline,
    String language,
    Status status,
    Map<String, Integer> removed) {

  /** Outcome of extraction for one document. */
  public enum Status {
    /** An article body was found. */
    ARTICLE,
    /** The page is an index, list or navigation page: there is no single article. */
    NOT_ARTICLE,
    /** The document has no usable text (empty page, headline only). */
    EMPTY
  }

  public Article {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(status, "status");
    removed = removed == null ? Map.of() : Map.copyOf(removed);
  }

  /** The body split into paragraphs. */
  public List<String> paragraphs() {
    return text.isEmpty() ? List.of() : List.of(text.split("\n\n"));
  }
}
