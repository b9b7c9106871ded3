package io.storyline.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyline.ingest.RawDocument;
import io.storyline.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.junit.jupiter.api.Test;

/**
 * Generality of the text rules on pages they were not written for: each of the Mozilla Readability test pages in
 * {@code ../shared/data/readability-pages} is flattened whole (every block element a line: menus, share bars,
 * comments, footers included) and given to the text extractor as if it had been scraped as text. Measured with
 * the article-extraction benchmark's body protocol (tokens {@code \w+}, 4-gram shingles with counts, per-document
 * precision and recall averaged) against {@code expected.html}: the rules must keep the article (recall stays
 * within 3 points of keeping everything) and take chrome away (precision rises).
 */
class FlattenedPagesTest {

  private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br",
      "section", "article", "header", "footer", "nav", "figure", "figcaption", "blockquote", "tr", "ul", "ol",
      "table", "aside", "form", "main", "dd", "dt", "pre", "hr", "td", "th", "button", "label");
  private static final Pattern TOKEN = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

  @Test
  void textRulesKeepTheArticleOfWholeFlattenedPagesAndDropChrome() throws IOException {
    Path root = SharedData.require("data/readability-pages");
    List<Path> cases;
    try (Stream<Path> s = Files.list(root)) {
      cases = s.filter(c -> Files.isRegularFile(c.resolve("source.html"))).sorted().collect(Collectors.toList());
    }
    Extractor extractor = Extractor.builder().detectLanguage(false).build();
    double rawPrecision = 0;
    double rawRecall = 0;
    double precision = 0;
    double recall = 0;
    for (Path c : cases) {
      Document page = Jsoup.parse(Files.readString(c.resolve("source.html"), StandardCharsets.UTF_8));
      page.select("script,style,noscript,template,svg").remove();
      String flat = flatten(page.body());
      String expected = Jsoup.parse(Files.readString(c.resolve("expected.html"), StandardCharsets.UTF_8)).text();
      Article a = extractor.extract(new RawDocument(c.getFileName() + ".txt", c + "/flattened.txt",
          RawDocument.ContentKind.TEXT, "UTF-8", flat, null, null, null, null));
      String got = (a.title() == null ? "" : a.title() + "\n\n") + a.text();
      double[] before = precisionRecall(flat, expected);
      double[] after = precisionRecall(got, expected);
      rawPrecision += before[0];
      rawRecall += before[1];
      precision += after[0];
      recall += after[1];
    }
    int n = cases.size();
    System.out.printf(Locale.ROOT, "flattened readability pages (%d): keep everything P=%.3f R=%.3f; "
        + "text rules P=%.3f R=%.3f%n", n, rawPrecision / n, rawRecall / n, precision / n, recall / n);
    assertThat(n).isGreaterThan(100);
    assertThat(recall / n).isGreaterThan(rawRecall / n - 0.03);
    assertThat(precision / n).isGreaterThan(rawPrecision / n + 0.02);
  }

  static String flatten(Element body) {
    StringBuilder b = new StringBuilder();
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode) {
          b.append(((TextNode) node).text());
        } else if (node instanceof Element && BLOCKS.contains(((Element) node).tagName())) {
          b.append('\n');
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element && BLOCKS.contains(((Element) node).tagName())) {
          b.append('\n');
        }
      }
    }, body);
    StringBuilder out = new StringBuilder();
    for (String line : b.toString().split("\n")) {
      String l = line.replaceAll("\\s+", " ").strip();
      if (!l.isEmpty()) {
        out.append(l).append("\n\n");
      }
    }
    return out.toString();
  }

  private static Map<String, Integer> shingles(String text) {
    List<String> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      tokens.add(m.group());
    }
    Map<String, Integer> out = new HashMap<>();
    for (int i = 0; i + 4 <= tokens.size(); i++) {
      out.merge(String.join(" ", tokens.subList(i, i + 4)), 1, Integer::sum);
    }
    return out;
  }

  /** Shingle precision and recall of {@code got} against {@code expected}; (1, 1) when both are empty. */
  private static double[] precisionRecall(String got, String expected) {
    Map<String, Integer> g = shingles(got);
    Map<String, Integer> e = shingles(expected);
    Set<String> keys = new HashSet<>(g.keySet());
    keys.addAll(e.keySet());
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (String k : keys) {
      int a = g.getOrDefault(k, 0);
      int x = e.getOrDefault(k, 0);
      tp += Math.min(a, x);
      fp += Math.max(0, a - x);
      fn += Math.max(0, x - a);
    }
    if (tp + fp + fn == 0) {
      return new double[] {1, 1};
    }
    return new double[] {tp + fp == 0 ? 0 : (double) tp / (tp + fp), tp + fn == 0 ? 0 : (double) tp / (tp + fn)};
  }
}
