package io.storyline.extract;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Character-level clean-up of flattened text before it is split into lines. Returns a new string; never throws.
 *
 * <ul>
 *   <li>line ends {@code \r\n} and {@code \r} become {@code \n};
 *   <li>C1 controls (U+0080–U+009F) are read as the Windows-1252 characters they almost always are (text decoded as
 *       Latin-1 that was really cp1252: the METER newspaper files use 0x93/0x94 quotes and 0x97 dashes);
 *   <li>other control characters (PA's 0x19 paragraph marks, NUL...), the BOM and zero-width characters are dropped;
 *   <li>no-break and other Unicode spaces become a plain space, tabs too.
 * </ul>
 */
final class TextNormalizer {

  /** Windows-1252 characters for 0x80..0x9F; 0 where cp1252 leaves the byte undefined (then dropped). */
  private static final char[] CP1252 = {
    '\u20AC', 0, '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
    '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', 0, '\u017D', 0,
    0, '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
    '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', 0, '\u017E', '\u0178'};

  /** A tag of HTML that leaked into text: well-formed, a known element name. */
  private static final Pattern TAG = Pattern.compile(
      "</?(?i:html|head|body|title|p|pre|br|hr|div|span|h[1-6]|center|img|a|b|i|u|em|strong|font|table|tr|td|th|"
          + "ul|ol|li|meta|link|script|style|section|article|header|footer|nav|figure|figcaption|blockquote)"
          + "(?:\\s[^<>]{0,500})?/?>");
  /** A page's own structure: the whole text is an HTML page saved as text. */
  private static final Pattern PAGE_TAG = Pattern.compile("<(?i:html|body|head)\\b[^<>]{0,500}>");
  private static final Pattern BLOCK_TAG = Pattern.compile(
      "</?(?i:html|body|p|pre|br|hr|div|h[1-6]|center|table|tr|li|ul|ol|section|article|header|footer|nav|"
          + "figure|blockquote)\\b[^<>]{0,500}>");
  /** The start of an element removed whole with its content; its end is found by {@link #removeInvisible}. */
  private static final Pattern INVISIBLE = Pattern.compile("(?i)<(head|script|style)\\b[^<>]{0,500}>");
  private static final Map<String, Pattern> INVISIBLE_END = Map.of(
      "head", Pattern.compile("(?i)</head\\s*>"),
      "script", Pattern.compile("(?i)</script\\s*>"),
      "style", Pattern.compile("(?i)</style\\s*>"));

  private TextNormalizer() {}

  /**
   * Text with leaked HTML markup removed (block tags become line breaks, {@code head}, {@code script} and
   * {@code style} elements go whole, common entities are decoded) when it is a whole page saved as text (it has
   * an {@code html}, {@code head} or {@code body} tag); unchanged otherwise.
   */
  static String stripMarkup(String text) {
    if (!PAGE_TAG.matcher(text).find()) {
      return text; // tags in running text (an article quoting code) stay
    }
    String t = removeInvisible(text);
    t = BLOCK_TAG.matcher(t).replaceAll("\n");
    t = TAG.matcher(t).replaceAll("");
    return t.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
        .replace("&#39;", "'").replace("&amp;", "&");
  }

  /**
   * Each {@code head}, {@code script} and {@code style} element, from its start tag to the first matching end tag,
   * replaced by a line break; a start tag without an end tag stays. Linear: a name once found unclosed after some
   * point is not searched for again (a regex {@code <script>.*?</script>} rescans the rest of the text for every
   * unclosed start tag, quadratic on a page of them).
   */
  static String removeInvisible(String text) {
    Matcher start = INVISIBLE.matcher(text);
    Set<String> unclosed = new HashSet<>();
    StringBuilder out = new StringBuilder(text.length());
    int copied = 0;
    int from = 0;
    while (from < text.length() && start.find(from)) {
      String name = start.group(1).toLowerCase(Locale.ROOT);
      Matcher end = unclosed.contains(name) ? null : INVISIBLE_END.get(name).matcher(text);
      if (end == null || !end.find(start.end())) {
        unclosed.add(name);
        from = start.end();
        continue;
      }
      out.append(text, copied, start.start()).append('\n');
      copied = end.end();
      from = end.end();
    }
    return copied == 0 ? text : out.append(text, copied, text.length()).toString();
  }

  static String normalize(String raw) {
    return stripMarkup(characters(raw));
  }

  private static String characters(String raw) {
    StringBuilder out = new StringBuilder(raw.length());
    int n = raw.length();
    for (int i = 0; i < n; i++) {
      char c = raw.charAt(i);
      if (c == '\r') {
        out.append('\n');
        if (i + 1 < n && raw.charAt(i + 1) == '\n') {
          i++;
        }
      } else if (c == '\n') {
        out.append('\n');
      } else if (c == '\t') {
        out.append(' ');
      } else if (c >= 0x80 && c <= 0x9F) {
        char mapped = CP1252[c - 0x80];
        if (mapped != 0) {
          out.append(mapped);
        }
      } else if (c < 0x20 || c == 0x7F || c == '\uFEFF' || (c >= '\u200B' && c <= '\u200D') || c == '\u2060') {
        // dropped: control characters, BOM, zero-width space/joiners
      } else if (c == '\u00A0' || c == '\u2007' || c == '\u202F' || (c >= '\u2000' && c <= '\u200A')
          || c == '\u3000') {
        out.append(' ');
      } else if (c == '\u2028' || c == '\u2029') {
        out.append('\n');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Share of characters in the first 20,000 that are replacement characters or undecodable controls. */
  static double garbageShare(String raw) {
    int n = Math.min(raw.length(), 20_000);
    if (n == 0) {
      return 0;
    }
    int bad = 0;
    for (int i = 0; i < n; i++) {
      char c = raw.charAt(i);
      if (c == '\uFFFD' || (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != 0x19)
          || (c >= '\uE000' && c <= '\uF8FF') || Character.isSurrogate(c) && !validSurrogate(raw, i)) {
        bad++;
      }
    }
    return (double) bad / n;
  }

  private static boolean validSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}
