package io.storyline.ingest;

import java.time.Instant;
import java.util.Objects;

/**
 * One document as read from an input, before extraction.
 *
 * @param id          stable identifier: relative path for a directory input, file name for a file input,
 *                    the JSONL {@code id} field (else {@code file:line}), or the WARC target URI
 * @param location    where it was read from, for messages: {@code path}, {@code path:line} or {@code path@offset}
 * @param kind        what {@link #content} holds
 * @param charset     the charset the bytes were decoded with ({@code null} when the input was already text, e.g. JSONL)
 * @param content     decoded text or HTML; empty for a headline-only record
 * @param url         the page URL when known, else {@code null}
 * @param title       a title supplied by the input (JSONL), else {@code null}
 * @param published   a publication time supplied by the input (JSONL {@code published}, WARC-Date), else {@code null}
 * @param source      the outlet supplied by the input (JSONL {@code source}), else {@code null}
 */
public record RawDocument(
    String id,
    String location,
    ContentKind kind,
    String charset,
    String content,
    String url,
    String title,
    Instant published,
    String source) {

  /** What a document's content is. */
  public enum ContentKind {
    /** Plain, already-flattened text. */
    TEXT,
    /** An HTML page. */
    HTML,
    /** No body: a headline-only record (JSONL with a title and no text). */
    NONE
  }

  public RawDocument {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(content, "content");
    if (id.isBlank()) {
      throw new IllegalArgumentException("document id must not be blank (location " + location + ")");
    }
  }

  /** Number of characters of content. */
  public int characters() {
    return content.length();
  }
}
