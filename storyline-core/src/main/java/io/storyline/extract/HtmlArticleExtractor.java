package io.storyline.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Main content of an HTML page. INTERIM: takes every {@code <p>}; the real block-scoring algorithm replaces it.
 * Never mutates its input, never throws on broken markup.
 */
final class HtmlArticleExtractor {

  HtmlResult extract(String html, String baseUrl) {
    Document doc = Jsoup.parse(html, baseUrl == null ? "" : baseUrl);
    List<String> paragraphs = new ArrayList<>();
    for (Element p : doc.select("p")) {
      String t = p.text().strip();
      if (!t.isEmpty()) {
        paragraphs.add(t);
      }
    }
    Article.Status status = paragraphs.isEmpty() ? Article.Status.EMPTY : Article.Status.ARTICLE;
    String title = doc.title().isBlank() ? null : doc.title().strip();
    return new HtmlResult(status, paragraphs, title, null, null, null, null, null, Map.of());
  }
}
