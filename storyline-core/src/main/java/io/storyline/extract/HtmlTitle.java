package io.storyline.extract;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reconciles the title sources of a page and cuts the site name off.
 *
 * <p>Sources, in this order: JSON-LD {@code headline} and {@code name}, Dublin Core title, {@code og:title},
 * {@code twitter:title}, other title metas (Parse.ly, Sailthru), then {@code <title>}, then the first {@code <h1>}.
 * The first metadata title the page backs (found inside {@code <title>}, or equal to, inside or around an
 * {@code <h1>}) wins, else the first one: Wikipedia's JSON-LD headline is a description ("constitutional monarchy
 * in Oceania") while its name, title and h1 say "New Zealand".
 * A title is cut at separators ({@code | - – — · • » / ::}, spaced; {@code |} and CJK {@code _} also unspaced) and
 * the segments at either end that name the site are dropped: equal to, inside, or containing one of the known site
 * names (og:site_name, JSON-LD publisher, application-name, the host name's distinctive label). When no site name is
 * known and the title comes from {@code <title>}, the segment run equal to an {@code <h1>} is taken; failing that a
 * short last segment (at most 3 words) after a title of at least 3 words is dropped, as Readability does.
 */
final class HtmlTitle {

  private static final Pattern SEPARATOR = Pattern.compile(
      "\\s+(?:[|\\-–—·•»/]|::|\\\\)\\s+|\\s*[|｜]\\s*"
          + "|(?<=[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\s）)])\\s*_\\s*|\\s+_\\s*");
  private static final int MAX_SITE_WORDS = 5;
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private HtmlTitle() {}

  /**
   * The cleaned title.
   *
   * @param metaTitles  titles from metadata, best first (blank entries ignored)
   * @param htmlTitle   the {@code <title>} text, may be blank
   * @param headings    {@code <h1>} texts of the page, in order
   * @param siteNames   names the site goes by (may be empty)
   */
  static String choose(List<String> metaTitles, String htmlTitle, List<String> headings, List<String> siteNames) {
    List<String> sites = new ArrayList<>();
    for (String s : siteNames) {
      String n = squash(s);
      if (n.length() >= 2 && !sites.contains(n)) {
        sites.add(n);
      }
    }
    String first = null;
    for (String t : metaTitles) {
      String clean = collapse(t);
      if (clean.isEmpty()) {
        continue;
      }
      first = first == null ? clean : first;
      if (agrees(clean, htmlTitle, headings)) {
        return stripSite(clean, sites, headings, false);
      }
    }
    if (first != null) {
      return stripSite(first, sites, headings, false);
    }
    String t = collapse(htmlTitle);
    if (!t.isEmpty()) {
      return stripSite(t, sites, headings, true);
    }
    for (String h : headings) {
      String clean = collapse(h);
      if (!clean.isEmpty()) {
        return clean;
      }
    }
    return null;
  }

  /** Whether a metadata title is backed by the page: inside its {@code <title>}, or equal to or around an h1. */
  private static boolean agrees(String candidate, String htmlTitle, List<String> headings) {
    String c = squash(candidate);
    if (c.isEmpty()) {
      return false;
    }
    String t = squash(htmlTitle);
    if (!t.isEmpty() && t.contains(c)) {
      return true;
    }
    for (String h : headings) {
      String s = squash(h);
      if (!s.isEmpty() && (s.contains(c) || c.contains(s))) {
        return true;
      }
    }
    return false;
  }

  static String stripSite(String title, List<String> sites, List<String> headings, boolean guess) {
    List<String> parts = new ArrayList<>(Arrays.asList(SEPARATOR.split(title)));
    parts.removeIf(p -> p.isBlank());
    if (parts.size() < 2) {
      return title;
    }
    int from = 0;
    int to = parts.size();
    while (to - from > 1 && namesSite(parts.get(to - 1), sites)) {
      to--;
    }
    while (to - from > 1 && namesSite(parts.get(from), sites)) {
      from++;
    }
    if (from > 0 || to < parts.size()) {
      return substring(title, parts, from, to);
    }
    if (!guess) {
      return title;
    }
    // The headline usually comes first ("Headline - Site"), so runs are tried from the left.
    for (int i = 0; i < parts.size(); i++) {
      for (int j = parts.size(); j > i; j--) {
        String run = squash(String.join(" ", parts.subList(i, j)));
        for (String h : headings) {
          if (!run.isEmpty() && run.equals(squash(h))) {
            return substring(title, parts, i, j);
          }
        }
      }
    }
    String last = parts.get(parts.size() - 1);
    String rest = substring(title, parts, 0, parts.size() - 1);
    if (words(last) <= 3 && words(rest) >= 3) {
      return rest;
    }
    return title;
  }

  /** The original text from the start of segment {@code from} to the end of segment {@code to - 1}. */
  private static String substring(String title, List<String> parts, int from, int to) {
    int start = 0;
    for (int i = 0; i < from; i++) {
      start = title.indexOf(parts.get(i), start) + parts.get(i).length();
    }
    start = title.indexOf(parts.get(from), start);
    int end = start;
    for (int i = from; i < to; i++) {
      end = title.indexOf(parts.get(i), end) + parts.get(i).length();
    }
    return title.substring(start, end).strip();
  }

  private static boolean namesSite(String segment, List<String> sites) {
    String seg = squash(segment);
    if (seg.length() < 2 || words(segment) > MAX_SITE_WORDS) {
      return false;
    }
    for (String site : sites) {
      if (seg.equals(site) || (site.length() >= 3 && seg.contains(site)) || (seg.length() >= 3 && site.contains(seg))) {
        return true;
      }
    }
    return false;
  }

  /** Lower-case letters and digits only: "BBC News" → "bbcnews". */
  static String squash(String s) {
    if (s == null) {
      return "";
    }
    String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder(n.length());
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  static String collapse(String s) {
    return s == null ? "" : WHITESPACE.matcher(s.replace('\u00a0', ' ')).replaceAll(" ").strip();
  }

  private static int words(String s) {
    String t = s.strip();
    if (t.isEmpty()) {
      return 0;
    }
    int cjk = 0;
    for (int i = 0; i < t.length(); i++) {
      Character.UnicodeScript sc = Character.UnicodeScript.of(t.charAt(i));
      if (sc == Character.UnicodeScript.HAN || sc == Character.UnicodeScript.HIRAGANA
          || sc == Character.UnicodeScript.KATAKANA) {
        cjk++;
      }
    }
    // Two CJK characters carry about as much as one word of a spaced script.
    return t.split("\\s+").length + cjk / 2;
  }
}
