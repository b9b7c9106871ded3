package io.storyline.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * First cleaning pass, over the whole page (our own parsed copy): removes what is never article text and the page
 * chrome recognisable by tag, ARIA role or class/id name, counting each removal by kind.
 *
 * <ul>
 *   <li>Always: scripts, styles, embedded media and form controls, and nodes hidden for sure (the {@code hidden}
 *       attribute, inline {@code display:none}/{@code visibility:hidden}). Nodes only probably hidden
 *       ({@code aria-hidden="true"}, screen-reader and {@code hidden} classes, which scripts often lift) go unless
 *       they hold the page's dominant prose.</li>
 *   <li>Chrome ({@code nav}, {@code aside}, {@code footer}, {@code header}, {@code form}, {@code dialog}, ARIA roles,
 *       and names from {@link HtmlHints.Chrome}: comments, cookie and subscription banners, share bars, related
 *       links, ads, captions, bylines...), guarded so that a badly named element never takes the article with it.
 *       An element is kept when it is, or contains, the article hint; when it holds the page's dominant prose (at
 *       least {@value #DOMINANT_SHARE} of the page's non-link text at a link density under
 *       {@value #DOMINANT_MAX_LINK_DENSITY}); when it is named like a share bar, an ad, navigation, a sidebar, a
 *       header or footer but holds running prose (at least {@value #PROSE_CHARS} non-link characters in three
 *       paragraphs, link density under 0.25; comments, banners, pop-ups and related lists are exempt as they can be
 *       long); when it is a byline, tools, caption or header box longer than {@value #SHORT_BOX_CHARS} characters;
 *       and when it is "navigation" that is not made of links (link density under
 *       {@value #NAVIGATION_MIN_LINK_DENSITY}, e.g. MathJax's {@code CtxtMenu_Attached} formulas).</li>
 *   <li>Nothing inside {@code <pre>}/{@code <code>} is judged by name (syntax highlighters use classes such as
 *       {@code hljs-comment}).</li>
 * </ul>
 * Measured on the readability pages: the prose guard and slug-id rule ({@link HtmlHints#tokens}) recovered a
 * documentation page whose sections have ids like {@code sharing-with-a-single-developer} (recall 0.16 → 1.0);
 * the navigation link-density guard recovered the formulas of a MathJax page (F1 0.32 → 0.98).
 */
final class HtmlCleaner {

  static final double DOMINANT_SHARE = 0.5;
  static final double DOMINANT_MAX_LINK_DENSITY = 0.35;
  /** Byline, tools and header boxes are only chrome when short; a long one is a mislabelled wrapper. */
  static final int SHORT_BOX_CHARS = 400;

  private static final Set<String> SCRIPT = Set.of("script", "noscript", "template");
  private static final Set<String> STYLE = Set.of("style", "link", "meta");
  private static final Set<String> MEDIA = Set.of("svg", "canvas", "iframe", "object", "embed", "applet", "audio",
      "video", "map", "math-field", "frame", "frameset");
  private static final Set<String> CONTROLS = Set.of("input", "button", "select", "textarea", "option", "optgroup",
      "datalist", "output", "progress", "meter");
  private static final Set<String> CHROME_TAGS = Set.of("nav", "aside", "footer", "header", "form", "menu", "dialog");

  /** Chrome that can be long prose by nature; the others are kept when they turn out to hold prose. */
  private static final Set<HtmlHints.Chrome> PROSE_KINDS = Set.of(HtmlHints.Chrome.COMMENTS,
      HtmlHints.Chrome.COOKIE, HtmlHints.Chrome.SUBSCRIPTION, HtmlHints.Chrome.POPUP, HtmlHints.Chrome.RELATED);
  /** Prose: this much non-link text in at least three paragraphs at a link density under 0.25. */
  static final int PROSE_CHARS = 1000;
  static final double NAVIGATION_MIN_LINK_DENSITY = 0.3;

  private final Map<String, Integer> removed;

  HtmlCleaner(Map<String, Integer> removed) {
    this.removed = removed;
  }

  /** Chrome kind by class attribute, for elements without id or role: pages repeat the same classes a lot. */
  private final Map<String, HtmlHints.Chrome> byClass = new java.util.HashMap<>();

  private HtmlHints.Chrome chromeOf(Element e) {
    if (e.attributesSize() == 0) {
      return null;
    }
    org.jsoup.nodes.Attributes a = e.attributes();
    if (a.hasKey("id") || a.hasKey("role")) {
      return HtmlHints.chrome(e, HtmlHints.tokens(e));
    }
    String cls = a.get("class");
    if (cls.isEmpty()) {
      return null;
    }
    if (byClass.containsKey(cls)) {
      return byClass.get(cls);
    }
    HtmlHints.Chrome c = HtmlHints.chrome(e, HtmlHints.tokens(cls));
    byClass.put(cls, c);
    return c;
  }

  void count(String kind) {
    removed.merge(kind, 1, Integer::sum);
  }

  /**
   * Removes non-content and chrome from {@code body} in a walk of its own ({@link HtmlArticleExtractor} uses
   * {@link Candidates} gathered in the page's one scan instead).
   *
   * @param stats     text statistics of {@code body} before cleaning
   * @param protect   elements never removed by name (the article hint and its ancestors)
   */
  void clean(Element body, HtmlStats stats, Set<Element> protect) {
    Candidates candidates = new Candidates();
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof Element) {
          candidates.head((Element) node);
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element) {
          candidates.tail((Element) node);
        }
      }
    }, body);
    clean(candidates, body, stats, protect);
  }

  /**
   * Removes the candidates that are non-content or chrome, outermost first; a candidate inside a removed one is
   * not judged. The judgement of an element reads only its own subtree's statistics (and the page's total), which
   * no earlier removal changes, so judging after the walk gives what judging during it would.
   */
  void clean(Candidates candidates, Element body, HtmlStats stats, Set<Element> protect) {
    int pageText = stats.get(body).nonLinkChars();
    List<Element> doomed = new ArrayList<>();
    int doomedEnd = -1;
    for (int k = 0; k < candidates.size; k++) {
      if (candidates.start[k] < doomedEnd) {
        continue;
      }
      Element e = candidates.elements.get(k);
      String kind = kindToRemove(e, stats, protect, pageText, candidates.inCode[k]);
      if (kind != null) {
        count(kind);
        stats.subtract(e);
        doomed.add(e);
        doomedEnd = candidates.end[k];
      }
    }
    HtmlRemoval.removeAll(doomed);
  }

  /**
   * The elements of a subtree that {@link #kindToRemove} may remove, gathered during a walk in document order
   * ({@link #head} and {@link #tail} for every element). An element without attributes whose tag is not removed
   * by name is never removed (nothing else is judged), so it is not a candidate: that is most elements. Each
   * candidate keeps the document-order numbers of its first and past-its-last element, so that what lies inside a
   * removed candidate is skipped, and whether it is inside {@code <pre>}/{@code <code>}.
   */
  static final class Candidates {
    final List<Element> elements = new ArrayList<>();
    int[] start = new int[64];
    int[] end = new int[64];
    boolean[] inCode = new boolean[64];
    int size;
    private int seen;
    private int codeDepth;
    /** Candidate slots of the open elements (-1 for an open element that is no candidate). */
    private int[] open = new int[64];
    private int depth;

    void head(Element e) {
      String tag = e.normalName();
      int slot = -1;
      if ((e.attributesSize() > 0 || REMOVED_TAGS.contains(tag)) && !tag.equals("body") && !tag.equals("html")) {
        slot = size++;
        if (slot == start.length) {
          start = java.util.Arrays.copyOf(start, 2 * slot);
          end = java.util.Arrays.copyOf(end, 2 * slot);
          inCode = java.util.Arrays.copyOf(inCode, 2 * slot);
        }
        elements.add(e);
        start[slot] = seen;
        inCode[slot] = codeDepth > 0;
      }
      seen++;
      if (depth == open.length) {
        open = java.util.Arrays.copyOf(open, 2 * depth);
      }
      open[depth++] = slot;
      if (tag.equals("pre") || tag.equals("code")) {
        codeDepth++;
      }
    }

    void tail(Element e) {
      int slot = open[--depth];
      if (slot >= 0) {
        end[slot] = seen;
      }
      if (e.nameIs("pre") || e.nameIs("code")) {
        codeDepth--;
      }
    }
  }

  /** Tags removed whatever their attributes. */
  private static final Set<String> REMOVED_TAGS;

  static {
    Set<String> all = new java.util.HashSet<>();
    for (Set<String> s : List.of(SCRIPT, STYLE, MEDIA, CONTROLS, CHROME_TAGS)) {
      all.addAll(s);
    }
    REMOVED_TAGS = Set.copyOf(all);
  }

  private String kindToRemove(Element e, HtmlStats stats, Set<Element> protect, int pageText,
      boolean inCode) {
    String tag = e.normalName();
    if (SCRIPT.contains(tag)) {
      return "script";
    }
    if (STYLE.contains(tag)) {
      return "style";
    }
    if (MEDIA.contains(tag)) {
      return "media";
    }
    if (CONTROLS.contains(tag)) {
      return "form";
    }
    if (protect.contains(e) || tag.equals("body") || tag.equals("html")) {
      return null;
    }
    HtmlHints.Hidden hidden = HtmlHints.hidden(e);
    if (hidden == HtmlHints.Hidden.SURELY
        || (hidden == HtmlHints.Hidden.PROBABLY && !dominant(e, stats, pageText))) {
      return "hidden";
    }
    if (inCode) {
      return null;
    }
    String kind = null;
    if (tag.equals("header") && stats.get(e).nonLinkChars() > SHORT_BOX_CHARS) {
      return null;
    }
    if (CHROME_TAGS.contains(tag)) {
      kind = switch (tag) {
        case "nav", "menu" -> "navigation";
        case "aside" -> "sidebar";
        case "footer" -> "footer";
        case "header" -> "header";
        case "dialog" -> "popup";
        default -> "form";
      };
    } else {
      HtmlHints.Chrome c = chromeOf(e);
      if (c != null) {
        if ((c == HtmlHints.Chrome.BYLINE || c == HtmlHints.Chrome.TOOLS || c == HtmlHints.Chrome.HEADER
            || c == HtmlHints.Chrome.CAPTION) && stats.get(e).nonLinkChars() > SHORT_BOX_CHARS) {
          return null;
        }
        if (!PROSE_KINDS.contains(c) && prose(stats.get(e))) {
          return null;
        }
        if (c == HtmlHints.Chrome.NAVIGATION && stats.get(e).chars > 0
            && stats.get(e).linkDensity() < NAVIGATION_MIN_LINK_DENSITY) {
          // Named like a menu but not made of links ("CtxtMenu_Attached" on a formula): not navigation.
          return null;
        }
        kind = c.label;
      }
    }
    if (kind == null || dominant(e, stats, pageText)) {
      return null;
    }
    return kind;
  }

  /** Whether an element holds running prose, which no share bar, ad slot or navigation box does. */
  static boolean prose(HtmlStats.Counts c) {
    return c.nonLinkChars() >= PROSE_CHARS && c.paragraphs >= 3 && c.linkDensity() < 0.25;
  }

  /** Whether an element holds the page's dominant prose, so removing it by name would lose the article. */
  static boolean dominant(Element e, HtmlStats stats, int pageText) {
    HtmlStats.Counts c = stats.get(e);
    return pageText > 0 && c.nonLinkChars() >= DOMINANT_SHARE * pageText
        && c.linkDensity() < DOMINANT_MAX_LINK_DENSITY;
  }
}
