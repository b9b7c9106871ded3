package io.storyline.extract;

import io.storyline.ingest.RawDocument;
import java.util.List;
import java.util.Map;

/**
 * Front door of extraction: turns a {@link RawDocument} into a clean {@link Article}. The input is not modified.
 *
 * <pre>{@code
 * Extractor extractor = Extractor.create();
 * Article a = extractor.extract(rawDocument);
 * }</pre>
 */
public final class Extractor {

  private final HtmlArticleExtractor html = new HtmlArticleExtractor();
  private final TextArticleExtractor text = new TextArticleExtractor();

  private Extractor() {}

  /** An extractor with default settings. */
  public static Extractor create() {
    return new Extractor();
  }

  /** Extracts one document; never throws for bad content (an unusable page gives status EMPTY). */
  public Article extract(RawDocument doc) {
    switch (doc.kind()) {
      case HTML: {
        HtmlResult r = html.extract(doc.content(), doc.url());
        String title = doc.title() != null ? doc.title() : r.title();
        return new Article(doc.id(), doc.url(), title, String.join("\n\n", r.paragraphs()), r.byline(),
            doc.published() != null ? doc.published() : r.published(),
            doc.source() != null ? doc.source() : r.siteName(), null, null, r.language(), r.status(), r.removed());
      }
      case TEXT: {
        List<String> blocks = text.blocks(doc.content());
        String title = doc.title() != null ? doc.title() : (blocks.isEmpty() ? null : blocks.get(0));
        List<String> body = blocks.isEmpty() || doc.title() != null ? blocks : blocks.subList(1, blocks.size());
        return new Article(doc.id(), doc.url(), title, String.join("\n\n", body), null, doc.published(),
            doc.source(), null, null, null, body.isEmpty() ? Article.Status.EMPTY : Article.Status.ARTICLE,
            Map.of());
      }
      default:
        return new Article(doc.id(), doc.url(), doc.title(), "", null, doc.published(), doc.source(), null, null,
            null, Article.Status.EMPTY, Map.of());
    }
  }
}
