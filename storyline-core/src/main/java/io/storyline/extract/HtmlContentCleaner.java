package io.storyline.extract;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Second cleaning pass, inside the selected article only (Readability's {@code _prepArticle} and
 * {@code _cleanConditionally}, plus caption, gallery, graphic and teaser rules).
 *
 * <p>Elements are judged children first, so a container is judged on what is left in it:
 * <ul>
 *   <li>figures with an image, and every {@code <figcaption>}: captions and credits are not article text;</li>
 *   <li>headings with a chrome name (class weight below zero);</li>
 *   <li>gallery captions: a container whose children open with slide counters ("1/50", "(03 of 12)") counting up
 *       to one total, even when the captions outweigh the article;</li>
 *   <li>containers ({@code div section ul ol dl table td form fieldset header footer ...}), removed when the class
 *       weight is negative; when lists are at least {@value #LINK_LIST_DENSITY} link text and either follow a label
 *       such as "Related" or "Most read" or link mostly within the site (related-story lists; a list of
 *       references or sources links elsewhere and stays: removing every link list cost 0.001 of F1); when
 *       they hold more than two images and fewer paragraphs than half the images (galleries); when at least ten
 *       text blocks average under {@value #FRAGMENT_CHARS} characters (chart labels and axis ticks: an inline
 *       graphic); and, with fewer than 10 commas, as Readability does: more than one image per two paragraphs,
 *       under 25 characters with links and no heading, link density over 0.2 (over 0.5 with a content name).
 *       Only containers with block children are judged on density (a paragraph-like block is text, not a box),
 *       and data tables (headers, caption, ≥ 10 rows or &gt; 4 columns) are kept with what is inside them;</li>
 *   <li>teaser paragraphs: mostly a link and starting with a cue ("Read more", "Related:", "See also",
 *       "Lire aussi", "Lesen Sie auch"...).</li>
 * </ul>
 * A container holding at least half of the article's non-link text is never removed by the density rules.
 * Removals are applied at the end in one linear pass ({@link HtmlRemoval}).
 *
 * <p>Measured on the readability pages: the gallery-counter rule took a 50-slide caption gallery out of a hotel
 * article (precision 0.19 → 0.98); the graphic rule took the axis labels of four charts out of a NYT article
 * (precision 0.86 → 1.0); judging layout {@code td}s dropped a link column beside a children's story. Removing
 * captions costs 0.005 of body F1 on this set, because its gold (Readability's output) keeps them.
 */
final class HtmlContentCleaner {

  static final double LINK_LIST_DENSITY = 0.7;
  /** Text blocks this short on average (chart labels, axis ticks, counters) are a graphic, not prose. */
  static final int FRAGMENT_CHARS = 15;
  private static final Set<String> CONTAINERS = Set.of("div", "section", "ul", "ol", "dl", "table", "form",
      "fieldset", "header", "footer", "article", "aside", "nav", "details", "center", "td");
  private static final Pattern TEASER_CUE = Pattern.compile("(?iu)^\\W*(?:read (?:more|also|next)|more:|related"
      + "|see (?:also|more)|also (?:read|see)|recommended|you (?:may|might) (?:also )?like|watch(?: now)?:|listen:"
      + "|click here|continue reading|more from|more on|sign up|subscribe|follow us|lire aussi|à lire aussi"
      + "|lesen sie auch|mehr zum thema|leer más|lea también|leia (?:mais|também))");

  private static final Evaluator PICTURE = QueryParser.parse("img, picture");
  private static final Evaluator TABLE_HEADINGS = QueryParser.parse("caption, thead, tfoot, colgroup, th");
  private static final Evaluator TABLE = QueryParser.parse("table");
  private static final Evaluator ROW = QueryParser.parse("tr");

  private final HtmlCleaner counter;
  /** Judged for removal; removed all at once at the end (see {@link HtmlRemoval}), skipped by the rules meanwhile. */
  private final Set<Element> gone = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
  private HtmlStats stats;
  private int rootText;

  private final String siteHost;

  /** @param siteHost the page's host (from its canonical or base URL), or null when unknown */
  HtmlContentCleaner(HtmlCleaner counter, String siteHost) {
    this.counter = counter;
    this.siteHost = siteHost == null ? null : stripWww(siteHost.toLowerCase(Locale.ROOT));
  }

  private static String stripWww(String host) {
    return host.startsWith("www.") ? host.substring(4) : host;
  }

  /** Whether most links of a list stay on the site: related stories do, references and sources mostly do not. */
  private boolean mostlyInternal(Element list) {
    int internal = 0;
    int all = 0;
    for (Element a : list.getElementsByTag("a")) {
      String href = a.attr("href").strip();
      if (href.isEmpty() || href.startsWith("#")) {
        continue;
      }
      all++;
      if (internal(href)) {
        internal++;
      }
    }
    return all > 0 && internal >= INTERNAL_SHARE * all;
  }

  private boolean internal(String href) {
    int scheme = href.indexOf("://");
    if (!href.startsWith("//") && (scheme < 0 || scheme > 10)) {
      return !href.regionMatches(true, 0, "mailto:", 0, 7) && !href.regionMatches(true, 0, "javascript:", 0, 11);
    }
    if (siteHost == null) {
      return false;
    }
    int start = href.startsWith("//") ? 2 : scheme + 3;
    int end = start;
    while (end < href.length() && "/?#:".indexOf(href.charAt(end)) < 0) {
      end++;
    }
    String host = stripWww(href.substring(start, end).toLowerCase(Locale.ROOT));
    return host.equals(siteHost) || host.endsWith("." + siteHost) || siteHost.endsWith("." + host);
  }

  /** Whether the block just before a list is a short label such as "Related", "Read more", "Most popular". */
  private static boolean labelledRelated(Element list) {
    Element prev = list.previousElementSibling();
    if (prev == null && list.parent() != null && HtmlContentScorer.elementChildren(list.parent(), 4) <= 3) {
      prev = list.parent().previousElementSibling();
    }
    if (prev == null) {
      return false;
    }
    String t = prev.text();
    return t.length() <= 60 && RELATED_LABEL.matcher(t).find();
  }

  static final double INTERNAL_SHARE = 0.6;
  private static final Pattern RELATED_LABEL = Pattern.compile("(?iu)\\b(?:related|more (?:from|on|in|stories|news|"
      + "articles)|read (?:more|next|also)|see also|recommended|popular|trending|latest|top stories|also on|"
      + "you (?:may|might)|don'?t miss|further reading|other stories|most (?:read|viewed|shared)|lire aussi|"
      + "à lire|lesen sie|mehr zum|weitere|leer más|te puede|leia também|più letti)\\b");

  /** Cleans one selected element; {@code stats} are the page's, kept up to date as elements go. */
  void clean(Element root, HtmlStats pageStats) {
    stats = pageStats;
    rootText = stats.get(root).nonLinkChars();
    Elements all = root.getAllElements();
    gone.clear();
    for (int i = all.size() - 1; i > 0; i--) {
      Element e = all.get(i);
      if (inCode(e, root)) {
        continue;
      }
      String kind = judge(e);
      if (kind != null) {
        stats.subtract(e);
        gone.add(e);
        counter.count(kind);
      }
    }
    HtmlRemoval.removeAll(new java.util.ArrayList<>(gone));
  }

  private static boolean hasAncestor(Element e, String tag) {
    for (Element p = e.parent(); p != null; p = p.parent()) {
      if (p.nameIs(tag)) {
        return true;
      }
    }
    return false;
  }

  private static boolean inCode(Element e, Element root) {
    for (Element p = e.parent(); p != null && p != root; p = p.parent()) {
      if (p.nameIs("pre") || p.nameIs("code")) {
        return true;
      }
    }
    return false;
  }

  private String judge(Element e) {
    String tag = e.normalName();
    HtmlStats.Counts c = stats.get(e);
    switch (tag) {
      case "figcaption":
        return "caption";
      case "figure":
        return c.images > 0 || e.selectFirst(PICTURE) != null || c.chars < MIN_TEXT ? "caption" : null;
      case "h1": case "h2": case "h3": case "h4": case "h5": case "h6":
        return HtmlHints.weight(e) < 0 ? "heading" : null;
      case "p":
        return teaser(e, c) ? "related" : null;
      default:
        break;
    }
    if (!CONTAINERS.contains(tag)) {
      return null;
    }
    if (numberedSlides(e)) {
      return "gallery";
    }
    if (dominant(c)) {
      return null;
    }
    if (!hasBlockChild(e)) {
      return tag.equals("ul") || tag.equals("ol") || tag.equals("table") ? conditional(e, tag, c) : teaserOrNull(e, c);
    }
    return conditional(e, tag, c);
  }

  private static final int MIN_TEXT = 25;

  private String teaserOrNull(Element e, HtmlStats.Counts c) {
    return teaser(e, c) ? "related" : null;
  }

  private static boolean teaser(Element e, HtmlStats.Counts c) {
    return c.chars > 0 && c.chars < 250 && c.linkDensity() >= 0.5 && TEASER_CUE.matcher(e.text()).find();
  }

  private boolean dominant(HtmlStats.Counts c) {
    return rootText > 0 && c.nonLinkChars() >= 0.5 * rootText;
  }

  private String conditional(Element e, String tag, HtmlStats.Counts c) {
    if (tag.equals("table") && dataTable(e)) {
      return null;
    }
    for (Element t = e.parent(); t != null; t = t.parent()) {
      if (t.nameIs("table") && dataTable(t)) {
        return null;
      }
    }
    int weight = HtmlHints.weight(e);
    if (weight < 0) {
      HtmlHints.Chrome k = HtmlHints.chrome(e, HtmlHints.tokens(e));
      return k == null ? "boilerplate" : k.label;
    }
    boolean list = tag.equals("ul") || tag.equals("ol") || (c.chars > 0 && c.listChars > 0.9 * c.chars);
    double ld = c.linkDensity();
    if (list && c.listItems >= 2 && ld >= LINK_LIST_DENSITY && (labelledRelated(e) || mostlyInternal(e))) {
      return "link-list";
    }
    int p = c.paragraphs;
    int img = c.images;
    boolean figure = hasAncestor(e, "figure");
    if (!figure && img > 2 && (double) p / img < 0.5) {
      return "gallery";
    }
    if (!list && c.textBlocks >= 10 && c.chars < FRAGMENT_CHARS * c.textBlocks && e.selectFirst("table") == null) {
      return "graphic";
    }
    if (c.commas >= 10) {
      return null;
    }
    double headingDensity = c.chars == 0 ? 0 : (double) c.headingChars / c.chars;
    if (!figure && img > 1 && (double) p / img < 0.5) {
      return "media";
    }
    if (!list && !figure && headingDensity < 0.9 && c.chars < MIN_TEXT && (img == 0 || img > 2) && ld > 0) {
      return "boilerplate";
    }
    if (!list && weight < 25 && ld > 0.2 + 0) {
      return "links";
    }
    if (weight >= 25 && ld > 0.5) {
      return "links";
    }
    return null;
  }

  /**
   * A photo gallery's captions: at least three children that open with a slide counter ("1/50", "(03 of 12)")
   * counting up to the same total. Removed even when the captions outweigh the article.
   */
  private boolean numberedSlides(Element e) {
    if (HtmlContentScorer.elementChildren(e, 3) < 3) {
      return false;
    }
    int slides = 0;
    int total = -1;
    int last = 0;
    for (int i = 0, size = e.childNodeSize(); i < size; i++) {
      if (!(e.childNode(i) instanceof Element) || gone.contains(e.childNode(i))) {
        continue;
      }
      String first = firstText((Element) e.childNode(i));
      if (first.isEmpty() || (first.charAt(0) != '(' && (first.charAt(0) < '0' || first.charAt(0) > '9'))) {
        continue; // the counter's first character: most children fail here, without a matcher
      }
      Matcher m = SLIDE_COUNTER.matcher(first);
      if (!m.lookingAt()) {
        continue;
      }
      int k = Integer.parseInt(m.group(1));
      int n = Integer.parseInt(m.group(2));
      if ((total != -1 && n != total) || k <= last || k > n) {
        return false;
      }
      total = n;
      last = k;
      slides++;
    }
    return slides >= 3;
  }

  private static final Pattern SLIDE_COUNTER = Pattern.compile("\\(?\\s*(\\d{1,3})\\s*(?:/|of)\\s*(\\d{1,3})\\s*\\)?");

  /** The first non-blank text inside an element, stripped (cheap: stops at the first text node). */
  private static String firstText(Element e) {
    for (org.jsoup.nodes.Node n = e; n != null; ) {
      if (n instanceof org.jsoup.nodes.TextNode && !((org.jsoup.nodes.TextNode) n).isBlank()) {
        org.jsoup.nodes.TextNode t = (org.jsoup.nodes.TextNode) n;
        // a slide counter starts with '(' or a digit: other texts are not normalised and copied (no counter)
        return mayStartCounter(t.getWholeText()) ? t.text().strip() : "";
      }
      if (n.childNodeSize() > 0) {
        n = n.childNode(0);
        continue;
      }
      while (n != e && n.nextSibling() == null) {
        n = n.parent();
      }
      if (n == e) {
        break;
      }
      n = n.nextSibling();
    }
    return "";
  }

  /**
   * Whether the first visible character of {@code s} is '(' or an ASCII digit. Skips more than jsoup's
   * normalising and {@code strip()} remove (any space, format and soft-hyphen character), so it never says no
   * where the normalised text starts with one; a yes is checked on the normalised text.
   */
  private static boolean mayStartCounter(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(' || (c >= '0' && c <= '9')) {
        return true;
      }
      if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '\u00ad'
          && Character.getType(c) != Character.FORMAT) {
        return false;
      }
    }
    return false;
  }

  private boolean hasBlockChild(Element e) {
    for (int i = 0, n = e.childNodeSize(); i < n; i++) {
      org.jsoup.nodes.Node child = e.childNode(i);
      if (child instanceof Element && !HtmlContentScorer.INLINE.contains(child.normalName())
          && !gone.contains(child)) {
        return true;
      }
    }
    return false;
  }

  /** Readability's data-table test: a table that presents data rather than laying out the page. */
  static boolean dataTable(Element table) {
    if ("presentation".equals(table.attr("role").toLowerCase(Locale.ROOT)) || "0".equals(table.attr("datatable"))) {
      return false;
    }
    if (table.hasAttr("summary") || table.selectFirst(TABLE_HEADINGS) != null) {
      return true;
    }
    if (table.select(TABLE).size() > 1) {
      return false;
    }
    List<Element> rows = table.select(ROW);
    int cols = 0;
    for (Element r : rows) {
      int cells = 0;
      for (Element cell : r.children()) {
        cells += cell.nameIs("td") || cell.nameIs("th") ? 1 : 0;
      }
      cols = Math.max(cols, cells);
    }
    return rows.size() >= 10 || cols > 4 || rows.size() * cols > 10;
  }
}
