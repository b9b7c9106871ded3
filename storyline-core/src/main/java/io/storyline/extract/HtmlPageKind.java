package io.storyline.extract;

import java.util.List;
import org.jsoup.nodes.Element;

/**
 * Tells an article page from an index page (home page, section front, tag or search listing), where the best block
 * is a list of teasers and returning it would return chrome.
 *
 * <p>Features: a <em>teaser link</em> points to another page (not {@code #...}), has at least
 * {@value #TEASER_LINK_CHARS} characters and is most ({@value #TEASER_LINK_SHARE}) of its block's text; a
 * <em>headline</em> is such a link in or around a heading. A <em>prose block</em> is a paragraph-like block with at
 * least {@value #PROSE_CHARS} non-link characters and link density under 0.3. The page is an index when, in the
 * selection:
 * <ol>
 *   <li>link density is at least 0.5 and there are at least 5 teaser links (a list of headlines), or</li>
 *   <li>there are at least 5 headlines and no more prose blocks than headlines (headline + blurb items; an article
 *       has at most a couple of linked headings, and many more paragraphs), or</li>
 *   <li>the page has at least 10 teaser links, the selection holds under a quarter of the page's non-link text and
 *       no prose block reaches {@value #LONG_PROSE_CHARS} characters (no dominant block: the scorer picked one
 *       teaser among many).</li>
 * </ol>
 * A page that declares itself a collection or item list (JSON-LD) needs half the evidence in rule 2; one that
 * declares itself an article (JSON-LD Article types, {@code og:type=article}) twice as much and is never judged by
 * rule 3. JSON-LD wins over OpenGraph: some sites tag every page, home page included, {@code og:type=article}.
 *
 * <p>Measured on the readability pages: one page is an index (the New York Times en Español home page, 37
 * headlines, declared a CollectionPage) and is the only one called NOT_ARTICLE; before headlines were told from
 * other teaser links, two real articles with link lists (a Firefox newsletter, a Sphinx page) were wrongly called
 * index pages.
 */
final class HtmlPageKind {

  static final int TEASER_LINK_CHARS = 20;
  static final double TEASER_LINK_SHARE = 0.6;
  static final int PROSE_CHARS = 150;
  static final int LONG_PROSE_CHARS = 400;

  private int teasers;
  private int headlines;
  private int prose;
  private int longestProse;

  private HtmlPageKind() {}

  static boolean isIndex(List<Element> selection, Element body, HtmlStats stats, HtmlMetadata meta) {
    HtmlPageKind sel = new HtmlPageKind();
    int chars = 0;
    int linkChars = 0;
    for (Element e : selection) {
      sel.measure(e, stats);
      chars += stats.get(e).chars;
      linkChars += stats.get(e).linkChars;
    }
    double ld = chars == 0 ? 0 : (double) linkChars / chars;
    if (ld >= 0.5 && sel.teasers >= 5) {
      return true;
    }
    double evidence = meta.declaresList() ? 0.5 : meta.declaresArticle() ? 2 : 1;
    if (sel.headlines >= 5 && sel.prose * evidence <= sel.headlines) {
      return true;
    }
    int selText = chars - linkChars;
    int pageText = stats.get(body).nonLinkChars();
    if ((!meta.declaresList() && meta.declaresArticle()) || selText >= 0.25 * pageText
        || sel.longestProse >= LONG_PROSE_CHARS) {
      return false;
    }
    HtmlPageKind page = new HtmlPageKind();
    page.measure(body, stats);
    return page.teasers >= 10;
  }

  private void measure(Element root, HtmlStats stats) {
    for (Element e : root.getAllElements()) {
      String tag = e.normalName();
      if (tag.equals("a")) {
        int len = stats.get(e).chars;
        String href = HtmlHints.attr(e, "href").strip();
        if (len >= TEASER_LINK_CHARS && !href.isEmpty() && !href.startsWith("#") && !href.startsWith("javascript:")) {
          Element block = blockOf(e);
          if (stats.get(e).headlineLinks > 0) {
            headlines++;
            teasers++;
          } else if (block == null || len >= TEASER_LINK_SHARE * stats.get(block).chars) {
            teasers++;
          }
        }
      } else if (!HtmlContentScorer.INLINE.contains(tag) && HtmlContentScorer.isLeafBlock(e)) {
        HtmlStats.Counts c = stats.get(e);
        if (c.nonLinkChars() >= PROSE_CHARS && c.linkDensity() < 0.3) {
          prose++;
          longestProse = Math.max(longestProse, c.nonLinkChars());
        }
      }
    }
  }

  private static Element blockOf(Element e) {
    for (Element p = e.parent(); p != null; p = p.parent()) {
      if (!HtmlContentScorer.INLINE.contains(p.normalName())) {
        return p;
      }
    }
    return null;
  }
}
