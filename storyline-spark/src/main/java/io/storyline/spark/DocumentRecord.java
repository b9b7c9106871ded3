package io.storyline.spark;

import io.storyline.ingest.RawDocument;
import java.time.Instant;
import java.util.Objects;

/**
 * A {@link RawDocument} on its way to extraction, serializable, with its input order and its template group
 * ({@link io.storyline.extract.TemplateModel#defaultGroup}, the key of the extraction shuffle).
 */
record DocumentRecord(long order, String group, String id, String location, RawDocument.ContentKind kind,
    String charset, String content, String url, String title, Instant published, String source) implements Item {

  DocumentRecord {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(content, "content");
  }

  static DocumentRecord of(long order, String group, RawDocument d) {
    return new DocumentRecord(order, group, d.id(), d.location(), d.kind(), d.charset(), d.content(), d.url(),
        d.title(), d.published(), d.source());
  }

  RawDocument toRaw() {
    return new RawDocument(id, location, kind, charset, content, url, title, published, source);
  }
}
