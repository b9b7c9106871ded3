package io.storyline.extract;

/**
 * Bounds the work on one page. Pages above {@link #MAX_CHARS} characters (real news pages are 50 KB–2 MB; what is
 * bigger is inline data, base64 images, or a broken or hostile page) are shrunk before parsing: the bodies of
 * {@code <script>} (except JSON-LD), {@code <style>}, {@code <svg>} and HTML comments are dropped in one linear scan,
 * and if the page is still too big it is cut at the last tag start before the limit. The parser then never sees
 * more than {@link #MAX_CHARS} characters, so time and memory stay bounded (a 50 MB page costs what a 4 MB page
 * costs).
 */
final class HtmlInput {

  static final int MAX_CHARS = 4_000_000;

  private HtmlInput() {}

  /** The page itself when small enough, else a shrunk copy of at most {@code max} characters. */
  static String bound(String html, int max) {
    if (html.length() <= max) {
      return html;
    }
    String s = dropBulk(html);
    if (s.length() <= max) {
      return s;
    }
    int cut = s.lastIndexOf('<', max);
    return s.substring(0, cut > max / 2 ? cut : max);
  }

  private static String dropBulk(String html) {
    StringBuilder out = new StringBuilder(Math.min(html.length(), 64 * 1024 * 1024));
    int i = 0;
    int n = html.length();
    while (i < n) {
      int lt = html.indexOf('<', i);
      if (lt < 0) {
        out.append(html, i, n);
        break;
      }
      out.append(html, i, lt);
      if (html.startsWith("<!--", lt)) {
        int end = html.indexOf("-->", lt + 4);
        i = end < 0 ? n : end + 3;
        continue;
      }
      String close = bulkClose(html, lt);
      if (close != null) {
        int tagEnd = html.indexOf('>', lt);
        int end = indexOfIgnoreCase(html, close, tagEnd < 0 ? n : tagEnd);
        out.append(html, lt, tagEnd < 0 ? n : tagEnd + 1);
        if (end < 0) {
          break;
        }
        i = end;
        continue;
      }
      out.append('<');
      i = lt + 1;
    }
    return out.toString();
  }

  /** The closing tag to skip to when {@code <} at {@code at} opens a bulky element, else null. */
  private static String bulkClose(String html, int at) {
    for (String tag : new String[] {"script", "style", "svg"}) {
      if (html.regionMatches(true, at + 1, tag, 0, tag.length())) {
        int after = at + 1 + tag.length();
        if (after < html.length() && (Character.isWhitespace(html.charAt(after)) || html.charAt(after) == '>')) {
          int tagEnd = html.indexOf('>', at);
          String open = tagEnd < 0 ? "" : html.substring(at, tagEnd);
          if (tag.equals("script") && open.toLowerCase(java.util.Locale.ROOT).contains("ld+json")) {
            return null;
          }
          return "</" + tag;
        }
      }
    }
    return null;
  }

  private static int indexOfIgnoreCase(String s, String needle, int from) {
    int n = needle.length();
    for (int i = Math.max(0, from); i + n <= s.length(); i++) {
      i = s.indexOf('<', i);
      if (i < 0) {
        return -1;
      }
      if (s.regionMatches(true, i, needle, 0, n)) {
        return i;
      }
    }
    return -1;
  }
}
