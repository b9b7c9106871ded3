package io.storyline.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Page-level metadata read from the head and the markup, before any cleaning: title, byline, publication time,
 * site name, language, canonical URL, and what the page declares itself to be (article or list).
 *
 * <p>Sources per field, first usable wins (JSON-LD first because it is written for machines and most often right):
 * <ul>
 *   <li>byline: JSON-LD author names, Dublin Core creator, {@code author}, Parse.ly/Sailthru author,
 *       {@code article:author} unless a URL, then the markup ({@code [itemprop=author]}, {@code [rel=author]},
 *       {@code .byline}/{@code .author}); "By"/"Par"/"Von"… and trailing dates are cut;</li>
 *   <li>published: JSON-LD {@code datePublished}/{@code dateCreated}, {@code article:published_time} and the other
 *       publication metas, {@code [itemprop=datePublished]}, {@code <time pubdate>}, the first {@code <time datetime>}
 *       inside the article element, a date in the canonical URL. Modification dates are never used: a wrong
 *       "published" is worse than none;</li>
 *   <li>language: {@code <html lang>}, Content-Language, {@code og:locale}, JSON-LD {@code inLanguage}, reduced to the
 *       ISO 639-1 code.</li>
 * </ul>
 */
record HtmlMetadata(String title, String byline, Instant published, String siteName, String language,
    String canonicalUrl, boolean declaresArticle, boolean declaresList, String jsonLdBody, List<String> headings) {

  HtmlMetadata {
    headings = List.copyOf(headings);
  }

  private static final List<String> TITLE_KEYS = List.of("dc:title", "dcterm:title", "dcterms:title", "og:title",
      "weibo:article:title", "weibo:webpage:title", "twitter:title", "title", "parsely-title", "sailthru.title");
  private static final List<String> AUTHOR_KEYS = List.of("dc:creator", "dcterm:creator", "dcterms:creator",
      "author", "parsely-author", "sailthru.author", "article:author", "byl", "citation_author");
  private static final List<String> DATE_KEYS = List.of("article:published_time", "article:published",
      "og:article:published_time", "datepublished", "parsely-pub-date", "sailthru.date", "dc:date:issued",
      "dcterms:issued", "dc:date", "dcterms:date", "dcterms:created", "dc:date:created", "pubdate", "publishdate",
      "publish-date", "publish_date", "publication_date", "date", "article_date_original", "og:pubdate",
      "cxenseparse:recs:publishtime", "citation_publication_date", "citation_date", "originalpublicationdate");
  private static final Set<String> SITE_TYPES = Set.of("website", "organization", "newsmediaorganization");
  private static final Pattern BY_PREFIX = Pattern.compile(
      "^(?i:(?:written|posted|words|text|story|reporting|published)\\s+)?(?i:by|par|von|por|door|av|af)\\s*:?\\s+");
  private static final Pattern BYLINE_TAIL = Pattern.compile(
      "(?i)\\s*(?:[|•·]|\\bupdated\\b|\\bpublished\\b|\\bposted\\b|\\bon\\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
          + "|\\d{1,2}\\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d{4}"
          + "|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2},?\\s+\\d{4}).*$");
  private static final Pattern BYLINE_CLASS = Pattern.compile(
      "(?:^| )(?:byline\\w*|by ?line|author|author ?name|article ?author|post ?author|entry ?author|story ?byline|"
          + "contributor|writer)(?= |$)");
  private static final int MAX_BYLINE_CHARS = 100;
  private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s,;:|–—-]+$");
  private static final Pattern STAMP_WORD = Pattern.compile("(?i)last|updated?|posted|published|on|at|date");
  private static final Evaluator ITEM_NAME = QueryParser.parse("[itemprop=name]");
  private static final Evaluator ARTICLE_AREA = QueryParser.parse("article, [itemprop~=(?i)articleBody]");

  /** Reads the metadata of a parsed page; {@code baseUrl} may be null. */
  static HtmlMetadata read(Document doc, HtmlPageIndex ix, String baseUrl) {
    Map<String, String> meta = metas(ix.metas);
    HtmlJsonLd ld = HtmlJsonLd.read(ix.jsonLd);
    JsonNode article = ld.article();
    String canonical = canonical(ix.canonical, meta, article);
    List<String> siteNames = new ArrayList<>();
    String siteName = firstNonBlank(meta.get("og:site_name"),
        HtmlJsonLd.string(article == null ? null : article.get("publisher"), "name"),
        HtmlJsonLd.string(ld.first(SITE_TYPES), "name"), meta.get("application-name"));
    for (String s : new String[] {siteName, meta.get("og:site_name"), meta.get("application-name"),
        HtmlJsonLd.string(ld.first(SITE_TYPES), "name"), hostLabel(canonical != null ? canonical : baseUrl)}) {
      if (s != null && !s.isBlank()) {
        siteNames.add(s);
      }
    }
    List<String> metaTitles = new ArrayList<>();
    metaTitles.add(HtmlJsonLd.string(article, "headline"));
    metaTitles.add(HtmlJsonLd.string(article, "name"));
    for (String k : TITLE_KEYS) {
      metaTitles.add(meta.getOrDefault(k, ""));
    }
    for (Element e : ix.itemprop("headline")) {
      metaTitles.add(e.hasAttr("content") ? e.attr("content") : e.text());
    }
    List<String> h1 = new ArrayList<>();
    for (Element h : ix.h1) {
      h1.add(h.text());
    }
    String title = HtmlTitle.choose(metaTitles, doc.title(), h1, siteNames);

    Instant published = published(ix, meta, article);
    if (published == null) {
      published = HtmlDates.fromUrl(canonical);
    }
    boolean declaresArticle = article != null
        || ("article".equalsIgnoreCase(meta.getOrDefault("og:type", "")) && !ld.declaresList());
    return new HtmlMetadata(title, byline(ix, meta, article, HtmlTitle.squash(title)), published,
        blankToNull(siteName), language(ix.html, meta, article), canonical, declaresArticle, ld.declaresList(),
        HtmlJsonLd.string(article, "articleBody"), h1);
  }

  private static boolean hasWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** Every meta value by lower-case name, property, itemprop or http-equiv; properties may list several names. */
  private static Map<String, String> metas(List<Element> metas) {
    Map<String, String> out = new HashMap<>();
    for (Element m : metas) {
      String content = m.attr("content").strip();
      if (content.isEmpty()) {
        continue;
      }
      for (String attr : new String[] {"name", "property", "itemprop", "http-equiv"}) {
        String names = m.attr(attr);
        if (names.isEmpty()) {
          continue;
        }
        names = names.toLowerCase(Locale.ROOT);
        // most values are one name: the regex split (a fifth of metadata's time) only when there is a space
        for (String key : hasWhitespace(names) ? names.split("\\s+") : new String[] {names}) {
          if (!key.isEmpty()) {
            out.putIfAbsent(key.replace('.', ':'), content);
            out.putIfAbsent(key, content);
          }
        }
      }
    }
    return out;
  }

  private static String byline(HtmlPageIndex ix, Map<String, String> meta, JsonNode article, String title) {
    List<String> names = HtmlJsonLd.names(article, "author");
    if (!names.isEmpty()) {
      String b = cleanByline(String.join(", ", names));
      if (b != null && !HtmlTitle.squash(b).equals(title)) {
        return b;
      }
    }
    for (String k : AUTHOR_KEYS) {
      String v = meta.get(k);
      if (v != null && !v.startsWith("http") && !v.contains("://")) {
        String b = cleanByline(v);
        if (b != null && !HtmlTitle.squash(b).equals(title)) {
          return b;
        }
      }
    }
    List<Element> all = new ArrayList<>(ix.itemprop("author"));
    all.addAll(ix.authors);
    for (Element e : all) {
      boolean prop = e.attr("itemprop").toLowerCase(Locale.ROOT).contains("author")
          || e.attr("rel").toLowerCase(Locale.ROOT).contains("author");
      if (!prop && !BYLINE_CLASS.matcher(String.join(" ", HtmlHints.tokens(e))).find()) {
        continue;
      }
      if (inOtherContent(e)) {
        continue;
      }
      Element name = e.selectFirst(ITEM_NAME);
      String text = name != null ? name.text() : e.hasAttr("content") ? e.attr("content") : e.text();
      String b = cleanByline(text);
      if (b != null && !HtmlTitle.squash(b).equals(title)) {
        return b;
      }
    }
    return null;
  }

  /** Whether an element sits in comments, a sidebar or a related-stories box, which credit other authors. */
  private static boolean inOtherContent(Element e) {
    for (Element a = e; a != null && !a.nameIs("body") && !a.nameIs("html"); a = a.parent()) {
      HtmlHints.Chrome c = HtmlHints.chrome(a, HtmlHints.tokens(a));
      if (c == HtmlHints.Chrome.COMMENTS || c == HtmlHints.Chrome.RELATED || c == HtmlHints.Chrome.SIDEBAR) {
        return true;
      }
    }
    return false;
  }

  /** A byline without "By" and trailing dates; null when nothing name-like is left or it is too long. */
  static String cleanByline(String raw) {
    if (raw == null) {
      return null;
    }
    String b = HtmlTitle.collapse(raw);
    b = BY_PREFIX.matcher(b).replaceFirst("");
    String tail = BYLINE_TAIL.matcher(b).replaceFirst("").strip();
    boolean cut = tail.length() < b.length();
    b = TRAILING_PUNCTUATION.matcher(tail).replaceAll("").strip();
    if (b.length() < 2 || b.length() > MAX_BYLINE_CHARS || !Character.isLetter(b.codePointAt(0))) {
      return null;
    }
    int words = b.split("\\s+").length;
    boolean list = b.contains(",") || b.contains("&") || b.contains(" and ") || b.contains(" und ")
        || b.contains(" et ") || b.contains(" y ");
    // "Last Updated: ..." leaves "Last"; a headline in an author box leaves a sentence: neither is a name.
    if ((cut && words == 1 && STAMP_WORD.matcher(b).matches()) || words > 12 || (words > 8 && !list)) {
      return null;
    }
    return b;
  }

  private static Instant published(HtmlPageIndex ix, Map<String, String> meta, JsonNode article) {
    for (String field : new String[] {"datePublished", "dateCreated"}) {
      Instant t = HtmlDates.parse(HtmlJsonLd.string(article, field));
      if (t != null) {
        return t;
      }
    }
    for (String k : DATE_KEYS) {
      Instant t = HtmlDates.parse(meta.get(k));
      if (t != null) {
        return t;
      }
    }
    String parsely = meta.get("parsely-page");
    if (parsely != null) {
      Instant t = HtmlDates.parse(jsonField(parsely, "pub_date"));
      if (t != null) {
        return t;
      }
    }
    List<Element> candidates = new ArrayList<>(ix.itemprop("datePublished"));
    for (Element t : ix.times) {
      if (t.hasAttr("pubdate")) {
        candidates.add(t);
      }
    }
    for (Element t : ix.times) {
      if (t.hasAttr("datetime") && !t.hasAttr("pubdate")) {
        candidates.add(t);
      }
    }
    for (Element e : candidates) {
      if (e.nameIs("time") && !e.hasAttr("pubdate") && e.closest(ARTICLE_AREA) == null) {
        continue;
      }
      String v = e.hasAttr("content") ? e.attr("content") : e.hasAttr("datetime") ? e.attr("datetime") : e.text();
      Instant t = HtmlDates.parse(v);
      if (t == null && !e.hasAttr("content") && !e.hasAttr("datetime")) {
        t = HtmlDates.loose(v);
      }
      if (t != null) {
        return t;
      }
    }
    return null;
  }

  private static String jsonField(String json, String field) {
    java.util.regex.Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
    return m.find() ? m.group(1) : null;
  }

  private static String language(Element html, Map<String, String> meta, JsonNode article) {
    for (String v : new String[] {html == null ? null : html.attr("lang"), html == null ? null : html.attr("xml:lang"),
        meta.get("content-language"), meta.get("language"), meta.get("dc:language"), meta.get("og:locale"),
        HtmlJsonLd.string(article, "inLanguage")}) {
      String code = isoLanguage(v);
      if (code != null) {
        return code;
      }
    }
    return null;
  }

  /** "en-US", "en_GB", "EN" → "en"; null for anything that is not a two-letter primary tag. */
  static String isoLanguage(String tag) {
    if (tag == null) {
      return null;
    }
    String t = tag.strip().toLowerCase(Locale.ROOT);
    int cut = t.indexOf(',');
    t = cut >= 0 ? t.substring(0, cut).strip() : t;
    String primary = t.split("[-_]", 2)[0];
    return primary.length() == 2 && Character.isLetter(primary.charAt(0)) && Character.isLetter(primary.charAt(1))
        ? primary : null;
  }

  private static String canonical(Element link, Map<String, String> meta, JsonNode article) {
    String href = link != null ? link.absUrl("href") : "";
    if (href.isEmpty() && link != null && link.attr("href").startsWith("http")) {
      href = link.attr("href");
    }
    if (href.isEmpty()) {
      href = meta.getOrDefault("og:url", "");
    }
    if (href.isEmpty()) {
      String url = HtmlJsonLd.string(article, "url");
      href = url.startsWith("http") ? url : "";
    }
    return href.startsWith("http") ? href.strip() : null;
  }

  /** The distinctive label of a URL's host: www.bbc.co.uk → bbc, edition.cnn.com → cnn. */
  static String hostLabel(String url) {
    if (url == null) {
      return null;
    }
    try {
      String host = URI.create(url.strip()).getHost();
      if (host == null) {
        return null;
      }
      String[] labels = host.toLowerCase(Locale.ROOT).split("\\.");
      int end = labels.length - 1;
      if (end >= 2 && labels[end].length() == 2 && Set.of("co", "com", "org", "net", "gov", "ac", "edu", "ne", "or")
          .contains(labels[end - 1])) {
        end--;
      }
      return end >= 1 ? labels[end - 1] : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return HtmlTitle.collapse(v);
      }
    }
    return null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
