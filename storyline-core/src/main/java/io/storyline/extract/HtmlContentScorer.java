package io.storyline.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Finds the element (and the sibling elements) that hold the article, by Readability's block scoring
 * (Mozilla Readability.js {@code _grabArticle}, after Arc90's 2009 readability), with two changes and structured
 * hints.
 *
 * <p>Method: every text block (a {@code p}, {@code pre}, {@code td}, {@code li}, {@code dd}, {@code blockquote}, a
 * block with only inline children, or any element carrying at least {@value #MIN_BLOCK_CHARS} characters of its own
 * inline text) scores {@code 1 + commas + min(3, chars/100)}. The score goes to the block's parent in full, to the
 * grandparent by half and to the next three ancestors divided by {@code 3 × level}; a wrapper around a single
 * element is skipped, not counted as a level (Readability replaces such wrappers by their child). An ancestor
 * starts from a tag prior (div +5; pre, td, blockquote +3; lists, forms -3; headings -5) plus the class weight ±25
 * ({@link HtmlHints#weight}); its final score is multiplied by {@code 1 - link density} and by the teaser discount
 * {@code 1 / (1 + 0.25 × (h - 2))} for {@code h > 2} headline links (links of 20+ characters in or around a
 * heading): a "more stories" stream of headline + blurb items has little link text but many headlines. From the
 * best candidate the selection moves up to a common ancestor when three other near-best candidates (≥ 0.75 of the
 * best) share it, up while the parent's score still rises, and up through only-child wrappers. Then siblings join:
 * those scoring at least {@code max(10, 0.2 × best)} (a sibling with the same class gets 0.2 × best as bonus), and
 * paragraph-like blocks over 80 characters with link density under 0.25, or shorter ones without links that
 * contain a sentence end.
 *
 * <p>Structured hints override the guess: when the page marks its article ({@code [itemprop=articleBody]}, a
 * microdata item of an article type, or one {@code <article>} holding most of the text of all of them) and the hint
 * holds at least {@value #HINT_MIN_SHARE} of the best candidate's non-link text, the hint is the selection.
 *
 * <p>Measured on the 130 readability pages ({@code storyline eval extraction}, body F1 0.965 with everything on):
 * without the teaser discount 0.958; without the structured hints 0.956; hint share 0.3 instead of 0.5 changes
 * nothing. Counting single-child wrappers as levels (plain Readability) cost 0.012 before the other rules existed.
 */
final class HtmlContentScorer {

  static final int MIN_BLOCK_CHARS = 25;
  static final double HINT_MIN_SHARE = 0.5;
  private static final int ANCESTOR_LEVELS = 5;
  private static final int TOP_CANDIDATES = 5;
  private static final Set<String> FULL_BLOCKS = Set.of("p", "pre", "td", "li", "dd", "blockquote");
  static final Set<String> INLINE = Set.of("a", "span", "b", "strong", "i", "em", "font", "small", "big", "sup",
      "sub", "u", "s", "strike", "mark", "abbr", "cite", "q", "time", "code", "kbd", "var", "dfn", "bdi", "bdo",
      "label", "ins", "del", "tt", "wbr", "br", "img", "picture", "samp", "ruby", "rt", "rp", "data", "acronym",
      "nobr");

  private final HtmlStats stats;
  private final Map<Element, double[]> scores = new IdentityHashMap<>();

  private HtmlContentScorer(HtmlStats stats) {
    this.stats = stats;
  }

  /** The article's elements in document order: one element, or siblings of one parent. Never empty. */
  static List<Element> select(Element body, HtmlStats stats, Element hint) {
    return new HtmlContentScorer(stats).run(body, hint);
  }

  private List<Element> run(Element body, Element hint) {
    HtmlWalk.walk(body, new HtmlWalk.Visitor() {
      @Override
      public void head(Node node) {
        if (node instanceof Element) {
          scoreBlock((Element) node);
        }
      }

      @Override
      public void tail(Node node) {
        // scores go up to ancestors from the block itself
      }
    });
    List<Element> ranked = new ArrayList<>(scores.keySet());
    for (Element e : ranked) {
      HtmlStats.Counts c = stats.get(e);
      scores.get(e)[0] *= (1 - c.linkDensity()) * teaserDiscount(c.headlineLinks);
    }
    ranked.sort(Comparator.comparingDouble((Element e) -> -scores.get(e)[0]));
    if (ranked.isEmpty()) {
      return List.of(hint != null ? hint : body);
    }
    Element top = ranked.get(0);
    if (hint != null && stats.get(hint).nonLinkChars() >= HINT_MIN_SHARE * stats.get(top).nonLinkChars()) {
      return List.of(hint);
    }
    if (top == body) {
      return List.of(body);
    }
    top = refine(top, ranked, body);
    return siblings(top, body);
  }

  private void scoreBlock(Element e) {
    String tag = e.normalName();
    int chars;
    int commas;
    if (INLINE.contains(tag)) {
      return;
    }
    if (FULL_BLOCKS.contains(tag) || isLeafBlock(e)) {
      HtmlStats.Counts c = stats.get(e);
      chars = tag.equals("li") ? c.nonLinkChars() : c.chars;
      commas = c.commas;
    } else if (hasOwnText(e)) {
      chars = 0;
      commas = 0;
      for (Node child : e.childNodes()) {
        if (child instanceof TextNode) {
          long measured = HtmlStats.measure(((TextNode) child).getWholeText());
          chars += (int) measured;
          commas += (int) (measured >>> 32);
        } else if (child instanceof Element && INLINE.contains(child.normalName())) {
          HtmlStats.Counts c = stats.get((Element) child);
          if (c.paragraphs == 0) {
            chars += c.chars;
            commas += c.commas;
          }
        }
      }
    } else {
      return;
    }
    if (chars < MIN_BLOCK_CHARS) {
      return;
    }
    double score = 1 + commas + Math.min(3, chars / 100);
    int level = 0;
    for (Element a = e.parent(); a != null && level < ANCESTOR_LEVELS; a = a.parent()) {
      if (a instanceof Document || a.nameIs("html")) {
        break;
      }
      if (!a.nameIs("body") && elementChildren(a, 2) == 1 && !hasOwnText(a)) {
        // A wrapper around one element is not a level of structure (Readability replaces such wrappers).
        continue;
      }
      double[] s = scores.get(a);
      if (s == null) {
        s = new double[] {prior(a)};
        scores.put(a, s);
      }
      s[0] += level == 0 ? score : level == 1 ? score / 2 : score / (level * 3.0);
      level++;
    }
  }

  /**
   * A block none of whose children is a block: what a reader sees as one paragraph. Here and in
   * {@link #elementChildren} the child nodes are read in place: {@code Element.children()} copies a list that
   * jsoup caches on the element (and {@code childrenSize()} builds that cache), which was a twentieth of the
   * HTML stage when asked of every element and its ancestors.
   */
  static boolean isLeafBlock(Element e) {
    for (int i = 0, n = e.childNodeSize(); i < n; i++) {
      Node child = e.childNode(i);
      if (child instanceof Element && !INLINE.contains(child.normalName())) {
        return false;
      }
    }
    return true;
  }

  /** The number of element children of {@code e}, counted up to {@code max}. */
  static int elementChildren(Element e, int max) {
    int count = 0;
    for (int i = 0, n = e.childNodeSize(); i < n && count < max; i++) {
      if (e.childNode(i) instanceof Element) {
        count++;
      }
    }
    return count;
  }

  /**
   * Headlines that link elsewhere mark a list of teasers (a "more stories" stream, a section front); an article
   * has at most one or two. From the third on, each one costs a quarter of the score left.
   */
  static double teaserDiscount(int headlineLinks) {
    return headlineLinks <= 2 ? 1 : 1 / (1 + 0.25 * (headlineLinks - 2));
  }

  private static boolean hasOwnText(Element e) {
    for (int i = 0, n = e.childNodeSize(); i < n; i++) {
      Node child = e.childNode(i);
      if (child instanceof TextNode && !((TextNode) child).isBlank()) {
        return true;
      }
    }
    return false;
  }

  private static double prior(Element e) {
    double base = switch (e.normalName()) {
      case "div", "article", "section", "main" -> 5;
      case "pre", "td", "blockquote" -> 3;
      case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
      case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
      default -> 0;
    };
    return base + HtmlHints.weight(e);
  }

  private double score(Element e) {
    double[] s = scores.get(e);
    return s == null ? 0 : s[0];
  }

  private Element refine(Element top, List<Element> ranked, Element body) {
    double topScore = score(top);
    List<Element> alternatives = new ArrayList<>();
    for (int i = 1; i < Math.min(TOP_CANDIDATES, ranked.size()); i++) {
      if (score(ranked.get(i)) >= 0.75 * topScore) {
        alternatives.add(ranked.get(i));
      }
    }
    if (alternatives.size() >= 3) {
      for (Element p = top.parent(); p != null && p != body; p = p.parent()) {
        int containing = 0;
        for (Element alt : alternatives) {
          if (isAncestor(p, alt)) {
            containing++;
          }
        }
        if (containing >= 3) {
          top = p;
          break;
        }
      }
    }
    double last = score(top);
    double threshold = last / 3;
    for (Element p = top.parent(); p != null && p != body; p = p.parent()) {
      if (!scores.containsKey(p)) {
        continue;
      }
      double ps = score(p);
      if (ps < threshold) {
        break;
      }
      if (ps > last) {
        top = p;
        break;
      }
      last = ps;
    }
    while (top.parent() != null && top.parent() != body && elementChildren(top.parent(), 2) == 1) {
      top = top.parent();
    }
    return top;
  }

  private List<Element> siblings(Element top, Element body) {
    Element parent = top.parent();
    if (parent == null) {
      return List.of(top);
    }
    double topScore = score(top);
    double threshold = Math.max(10, topScore * 0.2);
    String topClass = top.className();
    List<Element> out = new ArrayList<>();
    for (Element s : parent.children()) {
      if (s == top) {
        out.add(s);
        continue;
      }
      double bonus = !topClass.isEmpty() && topClass.equals(s.className()) ? topScore * 0.2 : 0;
      if (scores.containsKey(s) && score(s) + bonus >= threshold) {
        out.add(s);
      } else if (s.nameIs("p") || (!INLINE.contains(s.normalName()) && isLeafBlock(s))) {
        HtmlStats.Counts c = stats.get(s);
        double ld = c.linkDensity();
        if (c.chars > 80 && ld < 0.25) {
          out.add(s);
        } else if (c.chars > 0 && c.chars <= 80 && ld == 0 && SENTENCE_END.matcher(s.text()).find()) {
          out.add(s);
        }
      }
    }
    return out;
  }

  private static final java.util.regex.Pattern SENTENCE_END = java.util.regex.Pattern.compile("\\.( |$)");

  private static boolean isAncestor(Element a, Element e) {
    for (Element p = e.parent(); p != null; p = p.parent()) {
      if (p == a) {
        return true;
      }
    }
    return false;
  }
}
