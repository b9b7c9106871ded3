package io.storyline.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Main content and metadata of one HTML page. Parses its own copy of the markup (the caller's string is never
 * touched), never throws on broken markup, and bounds its work on huge pages ({@link HtmlInput}).
 *
 * <p>Pipeline:
 * <ol>
 *   <li>{@link HtmlInput}: the page skimmed of script, style and SVG bodies and comments, parsed by jsoup;</li>
 *   <li>{@link HtmlPageScan}: one walk gathers the page index, the body's text statistics and the elements the
 *       cleaner will judge;</li>
 *   <li>{@link HtmlMetadata}: title, byline, date, site, language, canonical URL, declared page type;</li>
 *   <li>article hint: {@code [itemprop=articleBody]}, else a microdata item of an article type, else the one
 *       {@code <article>} holding most of the text of all {@code <article>} elements;</li>
 *   <li>{@link HtmlCleaner}: scripts, styles, media, hidden nodes and named chrome out of the whole page;</li>
 *   <li>{@link HtmlContentScorer}: Readability block scoring picks the article element(s);</li>
 *   <li>{@link HtmlPageKind}: an index page (teaser lists, no dominant block) stops here as NOT_ARTICLE;</li>
 *   <li>{@link HtmlContentCleaner}: captions, link lists, link-dense and low-content boxes out of the article;</li>
 *   <li>{@link HtmlBlocks}: one paragraph per block; then the title repeated at the top, the byline line when the
 *       metadata has the byline (else it stays for the front door's text pass to read), stock labels ("Advertisement", "Share this article") and
 *       lines that are only a date stamp are dropped;</li>
 *   <li>when the page's JSON-LD {@code articleBody} is more than twice as long as what the markup gave (pages
 *       that render the article with scripts), the JSON-LD text is the body.</li>
 * </ol>
 */
final class HtmlArticleExtractor {

  /** Output cap: no real article is longer (the longest readability test page, Wikipedia, is ~100 K characters). */
  static final int MAX_TEXT_CHARS = 1_000_000;
  /** An articleBody hint shorter than this is a summary or a fragment, not the article. */
  static final int MIN_HINT_CHARS = 200;
  private static final int MIN_ARTICLE_HINT_CHARS = 500;
  private static final Pattern BYLINE_LINE = Pattern.compile(
      "^(?:(?i:written|posted|words|story)\\s+)?(?:By|BY|by|Par|PAR|Von|VON|Por|POR)\\s*:?\\s+\\p{Lu}.{1,80}$");
  private static final Set<String> LABELS = Set.of("advertisement", "advertisements", "advertising", "ad",
      "sponsored", "sponsored content", "story continues below", "story continues below advertisement",
      "article continues below", "article continues below advertisement", "continue reading below",
      "skip advertisement", "continue reading", "read more", "read more below", "share", "share this",
      "share this article", "share this story", "share on facebook", "share on twitter", "share via email",
      "tweet", "email", "print", "comments", "click to expand", "loading", "image", "photo", "video", "related",
      "related articles", "related stories", "related content", "more", "back to top", "scroll to top",
      "see more", "show more", "expand", "close", "copy link", "link copied", "listen to this article",
      "anzeige", "publicité", "publicidad", "pubblicità", "werbung");

  private static final int MAX_LABEL_CHARS = 50;
  private static final Pattern LABEL_TRIM = Pattern.compile("^[\\p{Punct}\\s]+|[\\s\\p{Punct}…:]+$");
  private static final org.jsoup.select.Evaluator ARTICLE = org.jsoup.select.QueryParser.parse("article");

  /** Extracts one page; {@code baseUrl} (may be null) resolves relative links such as the canonical URL. */
  HtmlResult extract(String html, String baseUrl) {
    Objects.requireNonNull(html, "html");
    Document doc = org.jsoup.parser.Parser.htmlParser()
        .parseInput(HtmlInput.skimmed(html), baseUrl == null ? "" : baseUrl);
    Element body = doc.body();
    HtmlPageScan scan = HtmlPageScan.of(doc, body);
    HtmlPageIndex index = scan.index;
    HtmlMetadata meta = HtmlMetadata.read(doc, index, baseUrl);
    Map<String, Integer> removed = new TreeMap<>();
    HtmlStats stats = scan.stats;
    Element hint = hint(index, stats);
    Set<Element> protect = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Element e = hint; e != null; e = e.parent()) {
      protect.add(e);
    }
    HtmlCleaner cleaner = new HtmlCleaner(removed);
    cleaner.clean(scan.candidates, body, stats, protect);
    List<Element> selection = HtmlContentScorer.select(body, stats, hint);
    if (HtmlPageKind.isIndex(selection, body, stats, meta)) {
      return result(Article.Status.NOT_ARTICLE, List.of(), meta, removed);
    }
    HtmlContentCleaner contentCleaner = new HtmlContentCleaner(cleaner, host(meta.canonicalUrl(), baseUrl));
    for (Element e : selection) {
      contentCleaner.clean(e, stats);
    }
    List<String> paragraphs = new ArrayList<>(HtmlBlocks.paragraphs(selection, MAX_TEXT_CHARS));
    tidy(paragraphs, meta, cleaner);
    List<String> fromJsonLd = jsonLdBody(meta.jsonLdBody());
    if (length(fromJsonLd) > 2 * length(paragraphs) && length(fromJsonLd) >= MIN_HINT_CHARS) {
      paragraphs = fromJsonLd;
    }
    Article.Status status = paragraphs.isEmpty() ? Article.Status.EMPTY : Article.Status.ARTICLE;
    return result(status, paragraphs, meta, removed);
  }

  private static HtmlResult result(Article.Status status, List<String> paragraphs, HtmlMetadata meta,
      Map<String, Integer> removed) {
    return new HtmlResult(status, paragraphs, meta.title(), meta.byline(), meta.published(), meta.siteName(),
        meta.language(), meta.canonicalUrl(), removed);
  }

  /** The element the page itself marks as its article, or null. */
  static Element hint(HtmlPageIndex index, HtmlStats stats) {
    Element best = null;
    for (Element e : index.itemprops) {
      if (e.attr("itemprop").toLowerCase(Locale.ROOT).contains("articlebody")
          && stats.get(e).nonLinkChars() >= MIN_HINT_CHARS
          && (best == null || stats.get(e).nonLinkChars() > stats.get(best).nonLinkChars())) {
        best = e;
      }
    }
    if (best != null) {
      return best;
    }
    for (Element e : index.itemscopes) {
      String type = e.attr("itemtype");
      String simple = type.substring(Math.max(type.lastIndexOf('/'), type.lastIndexOf(':')) + 1).strip();
      if (HtmlJsonLd.isArticleType(simple) && stats.get(e).nonLinkChars() >= MIN_ARTICLE_HINT_CHARS
          && stats.get(e).linkDensity() < 0.3
          && (best == null || stats.get(e).nonLinkChars() > stats.get(best).nonLinkChars())) {
        best = e;
      }
    }
    if (best != null) {
      return best;
    }
    int total = 0;
    for (Element a : index.articles) {
      if (a.parent() == null || a.parent().closest(ARTICLE) != null) {
        continue;
      }
      int t = stats.get(a).nonLinkChars();
      total += t;
      if (best == null || t > stats.get(best).nonLinkChars()) {
        best = a;
      }
    }
    if (best == null) {
      return null;
    }
    HtmlStats.Counts c = stats.get(best);
    return c.nonLinkChars() >= MIN_ARTICLE_HINT_CHARS && c.nonLinkChars() >= 0.6 * total && c.linkDensity() < 0.3
        ? best : null;
  }

  /**
   * Drops the title repeated at the top, the byline line near the top when the metadata already has the byline
   * (a "By ..." line the metadata lacks stays: the front door's text pass reads bylines from paragraphs), and
   * stock labels.
   */
  private static void tidy(List<String> paragraphs, HtmlMetadata meta, HtmlCleaner cleaner) {
    String byline = meta.byline();
    Set<String> titles = new java.util.HashSet<>();
    titles.add(HtmlTitle.squash(meta.title()));
    for (String h : meta.headings()) {
      titles.add(HtmlTitle.squash(h));
    }
    titles.remove("");
    for (int i = 0; i < Math.min(3, paragraphs.size()); i++) {
      if (titles.contains(HtmlTitle.squash(paragraphs.get(i)))) {
        paragraphs.remove(i);
        cleaner.count("title");
        break;
      }
    }
    for (int i = 0; byline != null && i < Math.min(4, paragraphs.size()); i++) {
      String p = paragraphs.get(i);
      boolean repeatsByline = p.length() < 2 * byline.length() + 10
          && HtmlTitle.squash(p).endsWith(HtmlTitle.squash(byline));
      if (repeatsByline || (BYLINE_LINE.matcher(p).matches() && p.contains(byline.split("[ ,]")[0]))) {
        paragraphs.remove(i);
        cleaner.count("byline");
        break;
      }
    }
    paragraphs.removeIf(p -> {
      if (p.length() > MAX_LABEL_CHARS) {
        return false;
      }
      String key = LABEL_TRIM.matcher(p.toLowerCase(Locale.ROOT)).replaceAll("");
      if (LABELS.contains(key)) {
        cleaner.count("label");
        return true;
      }
      if (HtmlDates.isDateLine(p)) {
        cleaner.count("date");
        return true;
      }
      return false;
    });
  }

  private static List<String> jsonLdBody(String body) {
    if (body == null || body.isBlank()) {
      return List.of();
    }
    String text = body.indexOf('<') >= 0 ? Jsoup.parse(body).wholeText() : body;
    List<String> out = new ArrayList<>();
    for (String p : text.split("\\s*\\n\\s*")) {
      String t = HtmlTitle.collapse(p);
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }

  /** The host of the canonical URL, else of the base URL, else null. */
  static String host(String canonical, String baseUrl) {
    for (String u : new String[] {canonical, baseUrl}) {
      if (u != null) {
        try {
          String h = java.net.URI.create(u.strip()).getHost();
          if (h != null) {
            return h;
          }
        } catch (IllegalArgumentException e) {
          // not a URL: try the next one
        }
      }
    }
    return null;
  }

  private static int length(List<String> paragraphs) {
    int n = 0;
    for (String p : paragraphs) {
      n += p.length();
    }
    return n;
  }
}
