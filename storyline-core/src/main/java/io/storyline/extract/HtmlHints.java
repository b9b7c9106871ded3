package io.storyline.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * What an element's {@code class}, {@code id} and {@code role} say about it.
 *
 * <p>Names are split into word tokens first ({@code "articleBody share-bar__item"} → {@code article body share bar
 * item}), so terms match whole words: {@code ad} matches {@code ad-slot} and {@code adUnit} but not {@code read} or
 * {@code header}. A term ending in {@code *} matches a token prefix ({@code share*} → {@code sharebar}); a term with
 * spaces matches consecutive tokens ({@code "read next"}). Matching is a hash lookup per token, so classifying every
 * element of a page costs well under a millisecond. The vocabularies are the ones content extractors converged on
 * (Readability's {@code unlikelyCandidates}, {@code positive} and {@code negative}; boilerpipe's and trafilatura's
 * discard lists), grouped by what the removed thing is so that removals can be counted by kind.
 */
final class HtmlHints {

  /** Kinds of page chrome recognised by name, highest priority first (the first matching kind wins). */
  enum Chrome {
    COMMENTS("comments", "comment", "comments", "comment list", "comment form", "comment area", "comment section",
        "comment thread", "commentlist", "commentform", "commentarea", "disqus*", "respond", "replies", "reply",
        "talkback", "livefyre*", "viafoura", "openweb", "spot im", "spotim", "discussion"),
    COOKIE("cookie", "cookie*", "consent*", "gdpr", "cmp", "onetrust", "truste", "privacy banner", "privacy notice",
        "cc banner", "cc window"),
    SUBSCRIPTION("subscription", "newsletter*", "subscri*", "sign up", "signup*", "paywall*", "regwall", "donate",
        "donation", "donations", "membership", "piano", "tp modal", "tp container", "registration wall",
        "support us", "join us", "inline cta", "inline promo", "cta"),
    SHARE("share", "share*", "sharing", "social*", "addthis*", "sharethis", "sociable", "a2a*", "facebook button",
        "twitter button", "whatsapp button", "follow us", "sns"),
    RELATED("related", "related*", "recommend*", "recirc*", "outbrain*", "taboola*", "zergnet", "more stories",
        "more articles", "more news", "more from", "more like this", "read next", "read more", "readmore", "up next",
        "also read", "you may like", "you might like", "most read", "most popular", "most viewed", "most shared",
        "mostpopular", "popular posts", "popular stories", "trending*", "next article", "next post", "prev post",
        "further reading", "see also", "yarpp*", "teaser", "teasers", "promo list", "promo box"),
    ADVERTISEMENT("advertisement", "ad", "ads", "adv", "advert*", "adsense", "adslot", "adunit", "adbox", "dfp", "gpt",
        "doubleclick", "sponsor*", "commercial", "native ad", "skyscraper", "leaderboard", "billboard", "mpu",
        "banner ad", "promoted", "adblock*"),
    NAVIGATION("navigation", "nav", "navs", "navbar*", "navigation*", "menu*", "breadcrumb*", "pagination", "pager",
        "skip link", "skiplink*", "skip links", "skip to", "jump links", "site nav", "toc nav"),
    POPUP("popup", "popup*", "pop up", "modal*", "overlay", "lightbox", "interstitial", "toast", "alert bar",
        "notification bar"),
    CAPTION("caption", "caption*", "figcaption", "credit", "credits", "legend", "legends", "image credit", "photo credit",
        "picture credit"),
    SIDEBAR("sidebar", "sidebar*", "side bar", "rail", "right rail", "left rail", "aside", "widget*",
        "complementary"),
    HEADER("header", "header", "masthead", "site header", "page header", "top bar", "topbar", "banner"),
    FOOTER("footer", "footer*", "copyright", "colophon"),
    BYLINE("byline", "byline*", "by line", "dateline", "timestamp", "author bio", "author box", "author info",
        "author card", "about author", "about the author", "meta", "post meta", "entry meta", "article meta",
        "publish date", "pub date"),
    TOOLS("tools", "tags", "tag list", "tag cloud", "taglist", "keywords", "print", "utility", "utilities", "tools",
        "toolbar", "toolbox");

    final String label;
    final List<String> terms;

    Chrome(String label, String... terms) {
      this.label = label;
      this.terms = List.of(terms);
    }
  }

  /** A vocabulary: exact tokens, token prefixes and phrases, each mapped to a value. */
  private static final class Vocabulary<T> {
    final Map<String, T> exact = new HashMap<>();
    final Map<String, T> phrases = new HashMap<>();
    /** First words of the phrases: only a token among them is joined with the next ones and looked up. */
    final java.util.Set<String> phraseStarts = new java.util.HashSet<>();
    /** Prefix terms by their first letter (a..z, then everything else), so a token tries only a few. */
    @SuppressWarnings("unchecked")
    final List<String>[] prefixes = new List[27];
    @SuppressWarnings("unchecked")
    final List<T>[] prefixValues = new List[27];

    private static int bucket(String s) {
      char c = s.charAt(0);
      return c >= 'a' && c <= 'z' ? c - 'a' : 26;
    }

    void add(String term, T value) {
      if (term.endsWith("*")) {
        String prefix = term.substring(0, term.length() - 1);
        int b = bucket(prefix);
        if (prefixes[b] == null) {
          prefixes[b] = new ArrayList<>();
          prefixValues[b] = new ArrayList<>();
        }
        prefixes[b].add(prefix);
        prefixValues[b].add(value);
      } else if (term.indexOf(' ') >= 0) {
        phrases.putIfAbsent(term, value);
        phraseStarts.add(term.substring(0, term.indexOf(' ')));
      } else {
        exact.putIfAbsent(term, value);
      }
    }

    /** All values matched by the tokens, in token order (duplicates possible). */
    void match(String[] tokens, List<T> out) {
      for (int i = 0; i < tokens.length; i++) {
        String t = tokens[i];
        T v = exact.get(t);
        if (v != null) {
          out.add(v);
        }
        List<String> candidates = prefixes[bucket(t)];
        if (candidates != null) {
          for (int p = 0; p < candidates.size(); p++) {
            if (t.startsWith(candidates.get(p))) {
              out.add(prefixValues[bucket(t)].get(p));
            }
          }
        }
        if (i + 1 < tokens.length && phraseStarts.contains(t)) {
          String two = t + " " + tokens[i + 1];
          v = phrases.get(two);
          if (v != null) {
            out.add(v);
          }
          if (i + 2 < tokens.length) {
            v = phrases.get(two + " " + tokens[i + 2]);
            if (v != null) {
              out.add(v);
            }
          }
        }
      }
    }
  }

  private static final Vocabulary<Chrome> CHROME = new Vocabulary<>();
  private static final Vocabulary<Integer> WEIGHT = new Vocabulary<>();

  static {
    for (Chrome c : Chrome.values()) {
      for (String term : c.terms) {
        CHROME.add(term, c);
      }
    }
    // Readability's positive and negative class/id names (+25 / -25), by whole token.
    for (String t : List.of("article*", "body", "content", "entry", "hentry", "h entry", "main", "page", "post",
        "text", "blog", "story*", "prose", "column", "richtext", "rich text", "e content")) {
      WEIGHT.add(t, 25);
    }
    for (String t : List.of("hidden", "hid", "banner", "combx", "comment", "comments", "com", "contact", "footer*",
        "masthead", "media", "meta", "outbrain*", "promo*", "related*", "scroll", "share*", "shoutbox", "sidebar*",
        "skyscraper", "sponsor*", "shopping", "tag", "tags", "widget*", "social*", "ad", "ads", "advert*", "popup*",
        "modal*", "nav", "menu*", "byline*", "caption*", "credit", "subscri*", "newsletter*", "cookie*", "consent*",
        "breadcrumb*", "pagination", "aside", "rail", "recommend*")) {
      WEIGHT.add(t, -25);
    }
  }

  private static final Set<String> CHROME_ROLES = Set.of("navigation", "menu", "menubar", "complementary", "banner",
      "contentinfo", "search", "dialog", "alert", "alertdialog", "tablist");

  /**
   * Class names (whole, not tokens: {@code hidden-xs} only hides on phones) of content shown only to screen readers
   * or hidden until a script reveals it.
   */
  private static final Set<String> HIDDEN_CLASSES = Set.of("hidden", "hide", "sr-only", "visually-hidden",
      "visuallyhidden", "screen-reader-text", "screen-reader-only", "offscreen", "element-invisible", "is-hidden",
      "u-hidden", "d-none", "a11y-hidden", "invisible", "sronly");

  private HtmlHints() {}

  /**
   * An attribute's value, "" when absent. Compares the name exactly: jsoup's HTML parser lower-cases attribute
   * names, and {@code Element.attr} compares ignoring case, which was 2–3% of the HTML stage (JFR) for the few
   * attributes read of every element.
   */
  static String attr(Element e, String key) {
    return e.attributesSize() == 0 ? "" : e.attributes().get(key);
  }

  /**
   * The lower-case word tokens of an element's class and id; empty when it has neither. An id of
   * {@value #SLUG_TOKENS} or more words is a slug made from a heading ({@code sharing-with-a-single-developer}),
   * which says what the section is about, not what it is, and is left out.
   */
  static String[] tokens(Element e) {
    String cls = attr(e, "class");
    String id = attr(e, "id");
    if (!id.isEmpty() && slug(id)) {
      id = "";
    }
    if (cls.isEmpty() && id.isEmpty()) {
      return new String[0];
    }
    return tokens(id.isEmpty() ? cls : cls + " " + id);
  }

  static final int SLUG_TOKENS = 4;

  private static boolean slug(String id) {
    int words = 1;
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c == '-' || c == '_' || c == ' ' || c == '.') {
        words++;
      }
    }
    return words >= SLUG_TOKENS;
  }

  /**
   * Word tokens of class/id names, lower case: split at every character that is not a letter or digit and between
   * a lower-case and an upper-case letter ({@code adUnit} → {@code ad unit}). A token already in lower case (most
   * are) is a substring of the names, not built character by character.
   */
  static String[] tokens(String names) {
    List<String> out = new ArrayList<>(8);
    int start = -1;
    boolean upper = false;
    char prev = ' ';
    for (int i = 0, n = names.length(); i < n; i++) {
      char c = names.charAt(i);
      // ASCII answered inline (class names are ASCII; Character's table look-ups were 2% of the HTML stage, JFR)
      boolean ascii = c < 0x80;
      boolean isUpper = ascii ? c >= 'A' && c <= 'Z' : Character.isUpperCase(c);
      if (ascii ? isUpper || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' : Character.isLetterOrDigit(c)) {
        if (isUpper && start >= 0 && (prev < 0x80 ? prev >= 'a' && prev <= 'z' : Character.isLowerCase(prev))) {
          out.add(token(names, start, i, upper));
          start = -1;
        }
        if (start < 0) {
          start = i;
          upper = false;
        }
        upper |= isUpper || !ascii && Character.toLowerCase(c) != c;
      } else if (start >= 0) {
        out.add(token(names, start, i, upper));
        start = -1;
      }
      prev = c;
    }
    if (start >= 0) {
      out.add(token(names, start, names.length(), upper));
    }
    return out.toArray(new String[0]);
  }

  private static String token(String names, int from, int to, boolean upper) {
    if (!upper) {
      return names.substring(from, to);
    }
    char[] lower = new char[to - from];
    for (int i = from; i < to; i++) {
      lower[i - from] = Character.toLowerCase(names.charAt(i));
    }
    return new String(lower);
  }

  /** The chrome kind an element's role or name says it is, or null. */
  static Chrome chrome(Element e, String[] tokens) {
    String role = attr(e, "role");
    if (!role.isEmpty()) {
      role = role.strip().toLowerCase(Locale.ROOT);
      if (CHROME_ROLES.contains(role)) {
        switch (role) {
          case "navigation": case "menu": case "menubar": case "tablist": case "search":
            return Chrome.NAVIGATION;
          case "complementary":
            return Chrome.SIDEBAR;
          case "banner":
            return Chrome.HEADER;
          case "contentinfo":
            return Chrome.FOOTER;
          default:
            return Chrome.POPUP;
        }
      }
    }
    if (tokens.length == 0) {
      return null;
    }
    List<Chrome> found = new ArrayList<>(2);
    CHROME.match(tokens, found);
    Chrome best = null;
    for (Chrome c : found) {
      if (best == null || c.ordinal() < best.ordinal()) {
        best = c;
      }
    }
    return best;
  }

  /** Readability's class weight: +25 for a content name, -25 for a chrome name, on class and id separately. */
  static int weight(Element e) {
    String id = attr(e, "id");
    return weightOf(attr(e, "class")) + (slug(id) ? 0 : weightOf(id));
  }

  private static int weightOf(String names) {
    if (names.isEmpty()) {
      return 0;
    }
    List<Integer> found = new ArrayList<>(2);
    WEIGHT.match(tokens(names), found);
    boolean positive = found.contains(25);
    boolean negative = found.contains(-25);
    return (positive ? 25 : 0) - (negative ? 25 : 0);
  }

  /** How surely an element is hidden from readers. */
  enum Hidden {
    /** Visible. */
    NO,
    /** Hidden by the {@code hidden} attribute or an inline {@code display:none}/{@code visibility:hidden}. */
    SURELY,
    /**
     * Hidden by {@code aria-hidden="true"} or a hiding class ({@code sr-only}, {@code hidden}...): scripts often lift
     * these, so the cleaner keeps such an element when it holds the page's dominant text.
     */
    PROBABLY
  }

  static Hidden hidden(Element e) {
    if (e.attributesSize() == 0) {
      return Hidden.NO;
    }
    org.jsoup.nodes.Attributes a = e.attributes();
    if (a.hasKey("hidden")) {
      return Hidden.SURELY;
    }
    String style = a.get("style");
    if (!style.isEmpty() && hidesByStyle(style)) {
      return Hidden.SURELY;
    }
    if ("true".equalsIgnoreCase(a.get("aria-hidden").strip())) {
      return Hidden.PROBABLY;
    }
    String cls = a.get("class");
    if (cls.isEmpty()) {
      return Hidden.NO;
    }
    int start = -1;
    for (int i = 0; i <= cls.length(); i++) {
      boolean space = i == cls.length() || Character.isWhitespace(cls.charAt(i));
      if (!space && start < 0) {
        start = i;
      } else if (space && start >= 0) {
        if (hidingClass(cls, start, i)) {
          return Hidden.PROBABLY;
        }
        start = -1;
      }
    }
    return Hidden.NO;
  }

  /** Whether {@code cls[from, to)} is one of {@link #HIDDEN_CLASSES} in any case; allocates nothing. */
  private static boolean hidingClass(String cls, int from, int to) {
    int len = to - from;
    if (len < MIN_HIDDEN_CLASS || len > MAX_HIDDEN_CLASS) {
      return false;
    }
    for (String h : HIDDEN_CLASS_ARRAY) {
      if (h.length() == len && cls.regionMatches(true, from, h, 0, len)) {
        return true;
      }
    }
    return false;
  }

  private static final String[] HIDDEN_CLASS_ARRAY = HIDDEN_CLASSES.toArray(new String[0]);
  private static final int MIN_HIDDEN_CLASS = HIDDEN_CLASSES.stream().mapToInt(String::length).min().orElse(0);
  private static final int MAX_HIDDEN_CLASS = HIDDEN_CLASSES.stream().mapToInt(String::length).max().orElse(0);

  /**
   * Inline {@code display:none} or {@code visibility:hidden}, spaces and case aside. Most style attributes say
   * neither word, so those are answered without the lower-cased copy.
   */
  private static boolean hidesByStyle(String style) {
    if (!ChromeRules.containsIgnoreCase(style, "none") && !ChromeRules.containsIgnoreCase(style, "hidden")) {
      return false;
    }
    return hidesByStyleSlow(style);
  }

  private static boolean hidesByStyleSlow(String style) {
    String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
    return s.contains("display:none") || s.contains("visibility:hidden");
  }
}
