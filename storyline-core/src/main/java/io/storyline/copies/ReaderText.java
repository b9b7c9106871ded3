package io.storyline.copies;

import io.storyline.extract.Article;
import io.storyline.ingest.RawDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * The text a reader of a page sees as the article, for diffs: the byline, then each paragraph the extractor kept,
 * as printed on its own line(s) of the page. Extraction moves credits ("(Reporting by ...; editing by ...)"),
 * bylines and dateline parts into metadata or drops them from a paragraph's line; they are part of what one
 * outlet shows and another does not, so the diff puts them back. Site chrome between paragraphs (appeals,
 * galleries, "Read more") stays out. For HTML pages, whose lines are markup, it is the byline and the clean text.
 */
final class ReaderText {
  private static final int PROBE = 40;

  private ReaderText() {}

  static String of(RawDocument raw, Article article) {
    List<String> parts = new ArrayList<>();
    String content = raw.content();
    boolean lines = raw.kind() == RawDocument.ContentKind.TEXT;
    int from = 0;
    if (article.byline() != null && !article.byline().isBlank()) {
      String byline = article.byline().strip();
      int at = lines ? content.indexOf(byline) : -1;
      parts.add(at >= 0 ? line(content, at, at + byline.length()) : byline);
    }
    for (String p : article.paragraphs()) {
      String para = p.strip();
      if (!lines || para.isEmpty()) {
        parts.add(para);
        continue;
      }
      int start = content.indexOf(head(para), from);
      int endProbe = start < 0 ? -1 : content.indexOf(tail(para), start);
      if (start < 0 || endProbe < 0) {
        parts.add(para);
        continue;
      }
      String printed = line(content, start, endProbe + tail(para).length());
      parts.add(printed.replaceAll("\\s*\\R\\s*", " ").strip());
      from = endProbe + tail(para).length();
    }
    return String.join("\n\n", parts);
  }

  /** The full lines of {@code s} covering {@code [start, end)}. */
  private static String line(String s, int start, int end) {
    int a = s.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
    if (start == 0) {
      a = 0;
    }
    int b = s.indexOf('\n', end);
    return s.substring(a, b < 0 ? s.length() : b).strip();
  }

  private static String head(String p) {
    return p.length() <= PROBE ? p : p.substring(0, PROBE);
  }

  private static String tail(String p) {
    return p.length() <= PROBE ? p : p.substring(p.length() - PROBE);
  }
}
