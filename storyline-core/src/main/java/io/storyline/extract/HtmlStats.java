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

  /** Statistics of {@code root}'s subtree, in a walk of their own ({@link HtmlPageScan} gathers them for pages). */
  static HtmlStats of(Element root) {
    Builder b = new Builder(root);
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        b.head(node);
      }

      @Override
      public void tail(Node node, int depth) {
        b.tail(node);
      }
    }, root);
    return b.build();
  }

  /**
   * Gathers the statistics during a walk of the subtree: {@link #head} and {@link #tail} are called for every node
   * of it, in document order. One Counts per element, entered once; the open elements' Counts are kept on a stack
   * so that text and finished children add to their parent without a map lookup (the lookups were a tenth of the
   * HTML stage).
   */
  static final class Builder {
    private final Map<Element, Counts> map = new IdentityHashMap<>(1024);
    private final java.util.ArrayDeque<Counts> open = new java.util.ArrayDeque<>();
    private final Element root;
    private int anchorDepth;
    private int headingDepth;
    private double anchorWeight = 1;
    /** Text nodes are copied here to be measured: an array loop, without String.charAt's checks per character. */
    private char[] chars = new char[256];

    Builder(Element root) {
      this.root = root;
    }

    HtmlStats build() {
      return new HtmlStats(map, root);
    }

    void head(Node node) {
      if (node instanceof TextNode) {
        Counts c = open.peek();
        if (c == null) {
          return;
        }
        String text = ((TextNode) node).getWholeText();
        int n = text.length();
        if (n > chars.length) {
          chars = new char[Math.max(n, 2 * chars.length)];
        }
        text.getChars(0, n, chars, 0);
        long measured = measure(chars, n);
        int len = (int) measured;
        if (len == 0) {
          return;
        }
        c.chars += len;
        c.commas += (int) (measured >>> 32);
        if (anchorDepth > 0) {
          c.linkChars += (int) Math.round(len * anchorWeight);
        }
      } else if (node instanceof Element) {
        Counts c = new Counts();
        map.put((Element) node, c);
        open.push(c);
        String tag = node.normalName();
        if (isHeading(tag)) {
          headingDepth++;
        } else if (tag.equals("a")) {
          anchorDepth++;
          if (anchorDepth == 1) {
            anchorWeight = HtmlHints.attr((Element) node, "href").startsWith("#") ? 0.3 : 1;
          }
        }
      }
    }

    void tail(Node node) {
      if (!(node instanceof Element)) {
        return;
      }
      Element e = (Element) node;
      Counts c = open.pop();
      String tag = e.normalName();
      switch (tag) {
        case "a":
          anchorDepth--;
          if (c.chars >= HEADLINE_CHARS && (headingDepth > 0 || c.headingChars > 0)
              && !HtmlHints.attr(e, "href").startsWith("#")) {
            c.headlineLinks++;
          }
          break;
        case "p": c.paragraphs++; break;
        case "img": c.images++; break;
        case "li": c.listItems++; break;
        case "h1": case "h2": case "h3": case "h4": case "h5": case "h6":
          headingDepth--;
          c.headingChars = c.chars;
          break;
        case "ul": case "ol": c.listChars = c.chars; break;
        default: break;
      }
      if (c.chars > 0 && c.textBlocks == 0 && !HtmlContentScorer.INLINE.contains(tag)) {
        c.textBlocks = 1;
      }
      Counts parent = open.peek();
      if (parent != null) {
        parent.add(c, 1);
      }
    }
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

  /**
   * The length of a text as displayed (whitespace runs count as one character, leading and trailing ones
   * too) in the low 32 bits, and its commas in Latin, Arabic, CJK and other scripts (Readability's list) in the
   * high ones, in one pass over the text.
   * Every text node of the page goes through here (about 40,000 characters a page on the readability pages, 63%
   * of them whitespace between tags), so ASCII takes a short path (a comparison for space and comma) and only
   * other characters ask {@link Character#isWhitespace} and the comma list: two separate passes with a
   * {@code switch} per character were 7% of the HTML stage (JFR), this one pass is about 4%.
   */
  static long measure(String text) {
    return measure(text.toCharArray(), text.length());
  }

  /** {@link #measure(String)} of the first {@code len} characters of {@code text}. */
  static long measure(char[] text, int len) {
    int n = 0;
    int commas = 0;
    boolean space = false;
    for (int i = 0; i < len; i++) {
      char ch = text[i];
      boolean white;
      if (ch < 0x80) {
        white = ch <= ' ' && (ch == ' ' || (ch >= '\t' && ch <= '\r') || (ch >= '\u001c' && ch <= '\u001f'));
        if (ch == ',') {
          commas++;
        }
      } else if (ch < '\u060C') { // Latin-1, Greek, Cyrillic...: only U+00A0 is a space, no comma but ','
        white = ch == '\u00a0';
      } else {
        white = ch >= '\u1680' && Character.isWhitespace(ch); // no whitespace between U+00A0 and U+1680
        if (isOtherComma(ch)) {
          commas++;
        }
      }
      if (white) {
        space = true;
      } else {
        if (space && n > 0) {
          n++;
        }
        space = false;
        n++;
      }
    }
    return ((long) commas << 32) | n;
  }

  private static boolean isOtherComma(char ch) {
    switch (ch) {
      case '\u060C': case '\uFE50': case '\uFE10': case '\uFE11': case '\u2E41': case '\u2E34': case '\u2E32':
      case '\uFF0C': case '\u3001':
        return true;
      default:
        return false;
    }
  }
}
