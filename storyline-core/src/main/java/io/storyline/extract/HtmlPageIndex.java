package io.storyline.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The elements metadata and hint detection look at, gathered in one walk over the page (a dozen CSS selects would
 * walk it a dozen times; this keeps metadata under a tenth of the extraction time).
 */
final class HtmlPageIndex {

  final List<Element> metas = new ArrayList<>();
  final List<Element> jsonLd = new ArrayList<>();
  final List<Element> h1 = new ArrayList<>();
  final List<Element> itemprops = new ArrayList<>();
  final List<Element> itemscopes = new ArrayList<>();
  final List<Element> times = new ArrayList<>();
  final List<Element> articles = new ArrayList<>();
  /** Elements whose rel, class or id mentions an author or byline. */
  final List<Element> authors = new ArrayList<>();
  Element canonical;
  Element html;

  HtmlPageIndex() {}

  /** The index of a page in a walk of its own (the extractor gathers it in {@link HtmlPageScan}). */
  static HtmlPageIndex of(Document doc) {
    HtmlPageIndex ix = new HtmlPageIndex();
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof Element) {
          ix.visit((Element) node);
        }
      }
    }, doc);
    return ix;
  }

  /** Takes note of one element; called for every element of the page in document order. */
  void visit(Element e) {
    switch (e.normalName()) {
      case "meta":
        if (e.hasAttr("content")) {
          metas.add(e);
        }
        return;
      case "link":
        if (canonical == null && e.attr("rel").toLowerCase(Locale.ROOT).contains("canonical") && e.hasAttr("href")) {
          canonical = e;
        }
        return;
      case "script":
        if (e.attr("type").strip().equalsIgnoreCase("application/ld+json")) {
          jsonLd.add(e);
        }
        return;
      case "html":
        html = html == null ? e : html;
        break;
      case "h1":
        if (h1.size() < 5) {
          h1.add(e);
        }
        break;
      case "time":
        times.add(e);
        break;
      case "article":
        articles.add(e);
        break;
      default:
        break;
    }
    if (e.attributesSize() == 0) {
      return;
    }
    // exact-case reads: jsoup's HTML parser lower-cases attribute names, and Element.attr/hasAttr compare
    // ignoring case, which cost more than the tests here
    org.jsoup.nodes.Attributes a = e.attributes();
    if (a.hasKey("itemprop")) {
      itemprops.add(e);
    }
    if (a.hasKey("itemscope") && a.hasKey("itemtype")) {
      itemscopes.add(e);
    }
    if (mentionsAuthor(a.get("rel")) || mentionsAuthor(a.get("class")) || mentionsAuthor(a.get("id"))) {
      authors.add(e);
    }
  }

  /**
   * Whether a rel, class or id value mentions author, byline, by-line, contributor or writer (any case). Runs on
   * every element with attributes: a word is only compared where the first two letters match (comparing all five
   * words at each a, b, c or w was 4% of the HTML stage, JFR).
   */
  private static boolean mentionsAuthor(String value) {
    int n = value.length() - 5; // the shortest word, "byline", has six letters
    for (int i = 0; i < n; i++) {
      char c = (char) (value.charAt(i) | 0x20); // ASCII lower case: the words are ASCII
      char d = (char) (value.charAt(i + 1) | 0x20);
      if (c == 'a' && d == 'u') {
        if (asciiAt(value, i, "author")) {
          return true;
        }
      } else if (c == 'b' && d == 'y') {
        if (asciiAt(value, i, "byline") || asciiAt(value, i, "by-line")) {
          return true;
        }
      } else if (c == 'c' && d == 'o') {
        if (asciiAt(value, i, "contributor")) {
          return true;
        }
      } else if (c == 'w' && d == 'r' && asciiAt(value, i, "writer")) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code word} (lower-case ASCII letters and '-') is at {@code i} of {@code s}, ASCII case aside. */
  private static boolean asciiAt(String s, int i, String word) {
    if (i + word.length() > s.length()) {
      return false;
    }
    for (int k = 0; k < word.length(); k++) {
      char w = word.charAt(k);
      char c = s.charAt(i + k);
      if (c != w && (w == '-' || (c | 0x20) != w)) {
        return false;
      }
    }
    return true;
  }

  /** The itemprop elements whose itemprop lists the given name (case-insensitive). */
  List<Element> itemprop(String name) {
    List<Element> out = new ArrayList<>();
    for (Element e : itemprops) {
      for (String p : e.attr("itemprop").split(" ")) {
        if (p.equalsIgnoreCase(name)) {
          out.add(e);
          break;
        }
      }
    }
    return out;
  }
}
