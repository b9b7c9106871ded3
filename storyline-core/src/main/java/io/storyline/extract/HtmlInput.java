package io.storyline.extract;

/**
 * Prepares a page for the parser: skims out what never becomes text, and bounds the work. Real news pages are
 * 50 KB–2 MB; what is bigger is inline data, base64 images, or a broken or hostile page. A page above
 * {@link #MAX_CHARS} characters is skimmed first and, if still too big, cut at the last tag start before the
 * limit. The parser then never sees more than {@link #MAX_CHARS}
 * characters, so time and memory stay bounded (a 50 MB page costs what a 4 MB page costs).
 *
 * <p>Skimming: one linear scan drops HTML comments and the bodies of {@code <script>} (except JSON-LD, which
 * metadata reads), {@code <style>} and {@code <svg>}; the elements themselves stay (empty), so the tree and the
 * removal counts are those of the whole page. The scan follows the HTML tokeniser where it matters: tags are skipped
 * with their quoted attribute values (a {@code >} or {@code <!--} inside a value is no markup), a script ends at the
 * first {@code </script} outside its escaped {@code <!-- <script> ... -->} sections, the raw-text and RCDATA
 * elements ({@code title}, {@code textarea}, {@code xmp}, {@code iframe}, {@code noembed}, {@code noframes},
 * {@code plaintext}) are copied as they are, {@code <!-->} and {@code --!>} end comments. An SVG body is only
 * dropped when it holds no {@code foreignObject} and no HTML tag that would end the SVG (an unclosed {@code <svg>}
 * followed by {@code <p>}: the parser leaves the SVG there, so must we).
 *
 * <p>Every page is skimmed, and parsed through a reader that serves the kept ranges of the page's own string
 * ({@link #skimmed}). On the 130 readability pages these bodies are 49% of the characters (scripts 29%, styles
 * 16%, SVG 4%, comments 1%); jsoup's parse is about a fifth cheaper without them, the DOM a third smaller, and
 * the bytes allocated per page fell from 1.4 MB to 0.7 MB. Building the skimmed page as a new string (the
 * first version of this class) cost as much as it saved; the reader, a scan that compares tag names only when
 * their length and first letter can match, and a one-pass tag end made it a net gain (2% over the same scan
 * with a copied string, measured in one JVM alternating page by page; one thread, shared development machine).
 * The text of all 130 pages is the same with and without skimming; removal counts differ on two pages, where
 * text around a dropped comment now forms one text node, as a reader sees it.
 */
final class HtmlInput {

  static final int MAX_CHARS = 4_000_000;

  /** HTML start tags that end an SVG (or MathML) element they appear in (HTML "in foreign content" rules). */
  private static final java.util.Set<String> BREAKOUT = java.util.Set.of("b", "big", "blockquote", "body", "br",
      "center", "code", "dd", "div", "dl", "dt", "em", "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i",
      "img", "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span", "strong",
      "strike", "sub", "sup", "table", "tt", "u", "ul", "var", "font", "foreignobject");

  /** Raw-text and RCDATA elements: their content is copied as it is, whatever it looks like. */
  private static final String[] RAW = {"title", "textarea", "xmp", "iframe", "noembed", "noframes"};

  private HtmlInput() {}

  /** The page itself when small enough, else the skimmed page ({@link #skim}) cut to at most {@code max} characters. */
  static String bound(String html, int max) {
    if (html.length() <= max) {
      return html;
    }
    String s = skim(html);
    if (s.length() <= max) {
      return s;
    }
    int cut = s.lastIndexOf('<', max);
    return s.substring(0, cut > max / 2 ? cut : max);
  }

  /** The page without comments and the bodies of scripts (not JSON-LD), styles and SVGs; itself if none. */
  static String skim(String html) {
    Skim s = new Skim(html);
    s.run();
    return s.result();
  }

  /**
   * The page to parse, as a reader: the page bounded to {@link #MAX_CHARS} ({@link #bound}), read without its
   * comments and the bodies of scripts (not JSON-LD), styles and SVGs ({@link #skim}). The reader serves the kept
   * ranges of the page's own string, so nothing is copied but what the parser reads anyway (jsoup wraps a string
   * in a {@code StringReader} itself).
   */
  static java.io.Reader skimmed(String html) {
    String page = bound(html, MAX_CHARS);
    Skim s = new Skim(page);
    s.run();
    return s.reader();
  }

  /** One scan that notes the ranges to drop, in order. */
  private static final class Skim {
    private final String html;
    private final int n;
    /** Dropped ranges: {@code [drops[2i], drops[2i + 1])}. */
    private int[] drops = new int[32];
    private int dropped;

    Skim(String html) {
      this.html = html;
      this.n = html.length();
    }

    String result() {
      if (dropped == 0) {
        return html;
      }
      StringBuilder out = new StringBuilder(n);
      int copied = 0;
      for (int i = 0; i < dropped; i += 2) {
        out.append(html, copied, drops[i]);
        copied = drops[i + 1];
      }
      return out.append(html, copied, n).toString();
    }

    java.io.Reader reader() {
      return dropped == 0 ? new java.io.StringReader(html) : new KeptReader(html, drops, dropped);
    }

    /** Drops {@code [from, to)} of the input. */
    private void drop(int from, int to) {
      if (from >= to) {
        return;
      }
      if (dropped == drops.length) {
        drops = java.util.Arrays.copyOf(drops, 2 * dropped);
      }
      drops[dropped++] = from;
      drops[dropped++] = to;
    }

    void run() {
      int i = 0;
      while (i < n) {
        int lt = html.indexOf('<', i);
        if (lt < 0 || lt + 1 >= n) {
          return;
        }
        char c = html.charAt(lt + 1);
        if (c == '!') {
          if (html.startsWith("<!--", lt)) {
            int end = commentEnd(lt);
            drop(lt, end);
            i = end;
          } else {
            i = bogusEnd(lt); // doctype, CDATA in HTML content: up to the first '>'
          }
        } else if (c == '?') {
          i = bogusEnd(lt);
        } else if (c == '/') {
          i = lt + 2 < n && isAsciiLetter(html.charAt(lt + 2)) ? tagEnd(nameEnd(lt + 2), null) : bogusEnd(lt);
        } else if (isAsciiLetter(c)) {
          i = startTag(lt);
        } else {
          i = lt + 1; // a '<' in text
        }
      }
    }

    /** Handles the start tag at {@code lt}; returns where scanning goes on. */
    private int startTag(int lt) {
      int nameEnd = nameEnd(lt + 1);
      boolean[] selfClosing = this.selfClosing;
      int end = tagEnd(nameEnd, selfClosing);
      if (end >= n) {
        return n;
      }
      int len = nameEnd - lt - 1;
      if (!special(len, html.charAt(lt + 1))) {
        return end;
      }
      if (nameIs(lt, len, "script")) {
        int close = scriptEnd(end);
        if (!jsonLd(nameEnd, end)) {
          drop(end, close);
        }
        return close;
      }
      if (nameIs(lt, len, "style")) {
        int close = closeTag(end, "style");
        drop(end, close);
        return close;
      }
      if (nameIs(lt, len, "svg")) {
        if (selfClosing[0]) {
          return end;
        }
        int close = svgEnd(end);
        if (close < 0) {
          return end; // an HTML tag inside: leave the SVG to the parser
        }
        drop(end, close);
        return close;
      }
      for (String raw : RAW) {
        if (nameIs(lt, len, raw)) {
          return closeTag(end, raw);
        }
      }
      return nameIs(lt, len, "plaintext") ? n : end;
    }

    private final boolean[] selfClosing = new boolean[1];

    /**
     * Whether a tag name of this length and first letter can be one the scan treats specially (script, style,
     * svg, the raw-text and RCDATA elements, plaintext): most tags (a, p, div, span, li, img) are answered here
     * without comparing names.
     */
    private static boolean special(int len, char first) {
      char c = (char) (first | 0x20);
      switch (len) {
        case 3: return c == 's' || c == 'x'; // svg, xmp
        case 5: return c == 's' || c == 't'; // style, title
        case 6: return c == 's' || c == 'i'; // script, iframe
        case 7: return c == 'n'; // noembed
        case 8: return c == 't' || c == 'n'; // textarea, noframes
        case 9: return c == 'p'; // plaintext
        default: return false;
      }
    }

    private boolean nameIs(int lt, int len, String name) {
      return len == name.length() && html.regionMatches(true, lt + 1, name, 0, len);
    }

    /** End of a comment starting at {@code lt} ({@code <!--}): after {@code -->} or {@code --!>}, or the input. */
    private int commentEnd(int lt) {
      if (html.startsWith("<!-->", lt)) {
        return lt + 5;
      }
      if (html.startsWith("<!--->", lt)) {
        return lt + 6;
      }
      for (int k = lt + 4; ; ) {
        int dashes = html.indexOf("--", k);
        if (dashes < 0) {
          return n;
        }
        if (html.startsWith("-->", dashes)) {
          return dashes + 3;
        }
        if (html.startsWith("--!>", dashes)) {
          return dashes + 4;
        }
        k = dashes + 1;
      }
    }

    private int bogusEnd(int lt) {
      int gt = html.indexOf('>', lt + 1);
      return gt < 0 ? n : gt + 1;
    }

    private int nameEnd(int from) {
      int k = from;
      while (k < n) {
        char c = html.charAt(k);
        if (c == '>' || c == '/' || isSpace(c)) {
          break;
        }
        k++;
      }
      return k;
    }

    /**
     * Index after the {@code >} closing a tag whose name ends at {@code from}, or the input's length. A quote
     * right after {@code =} (spaces allowed between) opens an attribute value that is skipped whole (with
     * {@link String#indexOf}): a {@code >} inside it does not close the tag. Sets {@code selfClosing[0]} for
     * {@code />}. Between values the characters are read one by one: tags are short, and one pass was cheaper
     * than looking up the next {@code >} and both quotes at every step.
     */
    private int tagEnd(int from, boolean[] selfClosing) {
      for (int k = from; k < n; k++) {
        char c = html.charAt(k);
        if (c == '>') {
          if (selfClosing != null) {
            selfClosing[0] = k > from && html.charAt(k - 1) == '/';
          }
          return k + 1;
        }
        if ((c == '"' || c == '\'') && opensValue(k)) {
          int close = html.indexOf(c, k + 1);
          if (close < 0) {
            return n;
          }
          k = close;
        }
      }
      return n;
    }

    /** Whether the quote at {@code q} opens an attribute value: {@code =} before it, spaces allowed between. */
    private boolean opensValue(int q) {
      int k = q - 1;
      while (k > 0 && isSpace(html.charAt(k))) {
        k--;
      }
      return html.charAt(k) == '=';
    }

    /** Whether the start tag's attributes ({@code [from, to)}) declare JSON-LD. */
    private boolean jsonLd(int from, int to) {
      // within the tag only: indexOf('+') would run on to the next '+' of the page, for every script tag
      for (int k = from; k < to; k++) {
        if (html.charAt(k) == '+' && k >= 2 && html.regionMatches(true, k - 2, "ld+json", 0, 7)) {
          return true;
        }
      }
      return false;
    }

    /** Where {@code </name} (then a space, {@code /} or {@code >}) starts at or after {@code from}, or the end. */
    private int closeTag(int from, String name) {
      for (int k = html.indexOf("</", from); k >= 0; k = html.indexOf("</", k + 2)) {
        if (endTagAt(k, name)) {
          return k;
        }
      }
      return n;
    }

    private boolean endTagAt(int k, String name) {
      return html.startsWith("</", k) && tagAt(k + 2, name);
    }

    private boolean tagAt(int k, String name) {
      int after = k + name.length();
      if (!html.regionMatches(true, k, name, 0, name.length())) {
        return false;
      }
      if (after >= n) {
        return true;
      }
      char c = html.charAt(after);
      return c == '>' || c == '/' || isSpace(c);
    }

    /**
     * Where a script's body ends: the first {@code </script} outside escaped text, as the HTML tokeniser reads it
     * ({@code <!--} starts escaped text, {@code -->} ends it; inside it {@code <script} starts a double-escaped
     * section where {@code </script} only ends that section).
     */
    private int scriptEnd(int from) {
      final int data = 0;
      final int escaped = 1;
      final int doubleEscaped = 2;
      int state = data;
      int dashes = -1; // the next "-->" at or after k once looked up (escaped states only), n when none
      int k = from;
      while (k < n) {
        int lt = html.indexOf('<', k);
        if (lt < 0) {
          return n;
        }
        if (state != data) {
          if (dashes < k) {
            dashes = html.indexOf("-->", k);
            dashes = dashes < 0 ? n : dashes;
          }
          if (dashes < lt) {
            state = data;
            k = dashes + 3;
            continue;
          }
        }
        if (state != doubleEscaped && endTagAt(lt, "script")) {
          return lt;
        }
        if (state == data && html.startsWith("<!--", lt)) {
          state = escaped;
          k = lt + 4;
        } else if (state == escaped && tagAt(lt + 1, "script")) {
          state = doubleEscaped;
          k = lt + 7;
        } else if (state == doubleEscaped && endTagAt(lt, "script")) {
          state = escaped;
          k = lt + 8;
        } else {
          k = lt + 1;
        }
      }
      return n;
    }

    /**
     * Where the body of the SVG opened just before {@code from} ends (the start of its matching {@code </svg}),
     * or -1 when it holds an HTML tag that would end it early or a {@code foreignObject} (HTML inside: keep).
     */
    private int svgEnd(int from) {
      int depth = 1;
      int k = from;
      while (k < n) {
        int lt = html.indexOf('<', k);
        if (lt < 0 || lt + 1 >= n) {
          return -1;
        }
        char c = html.charAt(lt + 1);
        if (c == '/') {
          if (endTagAt(lt, "svg") && --depth == 0) {
            return lt;
          }
          k = lt + 2;
        } else if (c == '!') {
          k = html.startsWith("<!--", lt) ? commentEnd(lt) : bogusEnd(lt);
        } else if (isAsciiLetter(c)) {
          int nameEnd = nameEnd(lt + 1);
          String name = html.substring(lt + 1, nameEnd).toLowerCase(java.util.Locale.ROOT);
          if (BREAKOUT.contains(name)) {
            return -1;
          }
          boolean[] selfClosing = new boolean[1];
          k = tagEnd(nameEnd, selfClosing);
          if (name.equals("svg") && !selfClosing[0]) {
            depth++;
          }
        } else {
          k = lt + 1;
        }
      }
      return -1;
    }
  }

  /** Reads a string without the given ranges (sorted, disjoint), straight from the string's characters. */
  private static final class KeptReader extends java.io.Reader {
    private final String s;
    private final int[] drops;
    private final int dropped;
    /** Next character to serve, and the index in {@code drops} of the next range to skip. */
    private int pos;
    private int next;

    KeptReader(String s, int[] drops, int dropped) {
      this.s = s;
      this.drops = drops;
      this.dropped = dropped;
    }

    @Override
    public int read(char[] buf, int off, int len) {
      int done = 0;
      while (done < len) {
        while (next < dropped && pos >= drops[next]) {
          pos = Math.max(pos, drops[next + 1]);
          next += 2;
        }
        int end = next < dropped ? drops[next] : s.length();
        if (pos >= end) {
          break;
        }
        int k = Math.min(len - done, end - pos);
        s.getChars(pos, pos + k, buf, off + done);
        pos += k;
        done += k;
      }
      return done == 0 && len > 0 ? -1 : done;
    }

    @Override
    public void close() {
      // nothing to release: the string stays the caller's
    }
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  }
}
