package io.storyline.extract;

import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Text statistics of every element of a subtree, computed bottom-up in one pass (linear in the page) so that the
 * scoring and cleaning rules never re-read a subtree's text.
 *
 * <p>Lengths are in characters with each whitespace run counted as one (what a reader sees). Link text inside an
 * in-page anchor ({@code href="#..."}) weighs 0.3, as in Readability: tables of contents and footnote markers are
 * navigation within the article, not away from it.
 */
final class HtmlStats {

  /** Counts of one element's subtree. */
  static final class Counts {
    int chars;
    int linkChars;
    int commas;
    int paragraphs;
    int images;
    int listItems;
    int headingChars;
    int listChars;
    int headlineLinks;
    int textBlocks;

    void add(Counts o, int sign) {
      chars += sign * o.chars;
      linkChars += sign * o.linkChars;
      commas += sign * o.commas;
      paragraphs += sign * o.paragraphs;
      images += sign * o.images;
      listItems += sign * o.listItems;
      headingChars += sign * o.headingChars;
      listChars += sign * o.listChars;
      headlineLinks += sign * o.headlineLinks;
      textBlocks += sign * o.textBlocks;
    }

    double linkDensity() {
      return chars == 0 ? 0 : Math.min(1.0, (double) linkChars / chars);
    }

    int nonLinkChars() {
      return Math.max(0, chars - linkChars);
    }
  }

  private static final Counts NONE = new Counts();
  private final Map<Element, Counts> counts;
  private final Element root;

  private HtmlStats(Map<Element, Counts> counts, Element root) {
    this.counts = counts;
    this.root = root;
  }

  static HtmlStats of(Element root) {
    Map<Element, Counts> map = new IdentityHashMap<>();
    NodeTraversor.traverse(new NodeVisitor() {
      int anchorDepth;
      int headingDepth;
      double anchorWeight = 1;

      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode) {
          Element parent = (Element) node.parent();
          if (parent == null) {
            return;
          }
          String text = ((TextNode) node).getWholeText();
          int len = visibleLength(text);
          if (len == 0) {
            return;
          }
          Counts c = map.computeIfAbsent(parent, k -> new Counts());
          c.chars += len;
          c.commas += commas(text);
          if (anchorDepth > 0) {
            c.linkChars += (int) Math.round(len * anchorWeight);
          }
        } else if (node instanceof Element && isHeading(node.normalName())) {
          headingDepth++;
        } else if (node instanceof Element && node.nameIs("a")) {
          anchorDepth++;
          if (anchorDepth == 1) {
            anchorWeight = node.attr("href").startsWith("#") ? 0.3 : 1;
          }
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (!(node instanceof Element)) {
          return;
        }
        Element e = (Element) node;
        Counts c = map.computeIfAbsent(e, k -> new Counts());
        if (e.nameIs("a")) {
          anchorDepth--;
          if (c.chars >= HEADLINE_CHARS && (headingDepth > 0 || c.headingChars > 0) && !e.attr("href").startsWith("#")) {
            c.headlineLinks++;
          }
        } else if (isHeading(e.normalName())) {
          headingDepth--;
        }
        switch (e.normalName()) {
          case "p": c.paragraphs++; break;
          case "img": c.images++; break;
          case "li": c.listItems++; break;
          case "h1": case "h2": case "h3": case "h4": case "h5": case "h6": c.headingChars = c.chars; break;
          case "ul": case "ol": c.listChars = c.chars; break;
          default: break;
        }
        if (c.chars > 0 && c.textBlocks == 0 && !HtmlContentScorer.INLINE.contains(e.normalName())) {
          c.textBlocks = 1;
        }
        Element parent = e.parent();
        if (parent != null && e != root) {
          map.computeIfAbsent(parent, k -> new Counts()).add(c, 1);
        }
      }
    }, root);
    return new HtmlStats(map, root);
  }

  /** A link this long inside (or around) a heading is a headline pointing to another page: a teaser. */
  static final int HEADLINE_CHARS = 20;

  static boolean isHeading(String tag) {
    return tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6';
  }

  Counts get(Element e) {
    Counts c = counts.get(e);
    return c == null ? NONE : c;
  }

  /** Takes an element that is about to be removed out of its ancestors' counts (up to the root of these stats). */
  void subtract(Element removed) {
    Counts c = counts.get(removed);
    if (c == null) {
      return;
    }
    for (Element a = removed.parent(); a != null; a = a.parent()) {
      Counts ac = counts.get(a);
      if (ac != null && ac != c) {
        ac.add(c, -1);
      }
      if (a == root) {
        break;
      }
    }
  }

  /** Length of a text as displayed: whitespace runs count as one character, leading/trailing ones too. */
  static int visibleLength(String text) {
    int n = 0;
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (Character.isWhitespace(ch) || ch == '\u00a0') {
        if (!space) {
          space = true;
        }
      } else {
        if (space && n > 0) {
          n++;
        }
        space = false;
        n++;
      }
    }
    return n;
  }

  /** Commas in Latin, Arabic, CJK and other scripts (Readability's list). */
  static int commas(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      switch (text.charAt(i)) {
        case ',': case '\u060C': case '\uFE50': case '\uFE10': case '\uFE11': case '\u2E41': case '\u2E34':
        case '\u2E32': case '\uFF0C': case '\u3001':
          n++;
          break;
        default:
          break;
      }
    }
    return n;
  }
}
