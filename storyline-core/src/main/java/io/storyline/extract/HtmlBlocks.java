package io.storyline.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Flattens the selected elements into paragraphs of plain text: one entry per block (paragraph, heading, list item,
 * quote, table row, preformatted block), inline markup dissolved, whitespace collapsed. A single {@code <br>} is a
 * line break inside the paragraph; two in a row end the paragraph. Table cells of one row are joined by spaces.
 * Blocks without a letter or digit (rules, bullets, lone punctuation) are dropped. Output stops at
 * {@code maxChars} characters so a hostile page cannot make it unbounded.
 */
final class HtmlBlocks {

  /** Two line breaks in a row, possibly with spaces between. */
  private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\n[ \t]*\n\\s*");
  private final List<String> out = new ArrayList<>();
  private final StringBuilder buf = new StringBuilder();
  private final int maxChars;
  private int total;
  private int preDepth;

  private HtmlBlocks(int maxChars) {
    this.maxChars = maxChars;
  }

  static List<String> paragraphs(List<Element> roots, int maxChars) {
    HtmlBlocks b = new HtmlBlocks(maxChars);
    for (Element root : roots) {
      b.walk(root);
    }
    b.flush();
    return b.out;
  }

  private void walk(Element root) {
    HtmlWalk.walk(root, new HtmlWalk.Visitor() {
      @Override
      public void head(Node node) {
        if (node instanceof TextNode) {
          text(((TextNode) node).getWholeText());
        } else if (node instanceof Element) {
          String tag = node.normalName();
          if (tag.equals("br")) {
            buf.append('\n');
          } else if (tag.equals("td") || tag.equals("th")) {
            space();
          } else if (!HtmlContentScorer.INLINE.contains(tag)) {
            flush();
            if (tag.equals("pre")) {
              preDepth++;
            }
          }
        }
      }

      @Override
      public void tail(Node node) {
        if (node instanceof Element) {
          String tag = node.normalName();
          if (tag.equals("td") || tag.equals("th")) {
            space();
          } else if (!HtmlContentScorer.INLINE.contains(tag)) {
            flush();
            if (tag.equals("pre")) {
              preDepth--;
            }
          }
        }
      }
    });
  }

  private void text(String t) {
    if (preDepth > 0) {
      buf.append(t.indexOf('\r') < 0 ? t : t.replace("\r\n", "\n").replace('\r', '\n'));
      return;
    }
    // runs of visible characters are appended whole (one append a character was a third of this stage), and a
    // run of whitespace asks for one space once: after it the buffer is empty or ends in a space or line break,
    // so the rest of the run would add nothing (a call a whitespace character was 3.5% of the HTML stage, JFR;
    // text nodes are two-thirds whitespace between tags)
    int run = 0;
    boolean spaced = false;
    for (int i = 0, n = t.length(); i < n; i++) {
      char c = t.charAt(i);
      boolean white = c <= ' ' ? Character.isWhitespace(c)
          : c >= '\u00a0' && (c == '\u00a0' || (c >= '\u1680' && isSpace(c)));
      if (white) {
        if (run < i) {
          buf.append(t, run, i);
          spaced = false;
        }
        if (!spaced) {
          space();
          spaced = true;
        }
        run = i + 1;
      }
    }
    if (run < t.length()) {
      buf.append(t, run, t.length());
    }
  }

  /** Whitespace as this class reads it; below U+1680 only U+00A0 is (the callers test that first). */
  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || c == '\u00a0' || c == '\u2009' || c == '\u202f';
  }

  private void space() {
    int n = buf.length();
    if (n > 0 && buf.charAt(n - 1) != ' ' && buf.charAt(n - 1) != '\n') {
      buf.append(' ');
    }
  }

  private void flush() {
    if (buf.length() == 0) {
      return;
    }
    String raw = buf.toString();
    buf.setLength(0);
    if (total >= maxChars) {
      return;
    }
    for (String para : raw.indexOf('\n') < 0 ? new String[] {raw} : PARAGRAPH_BREAK.split(raw)) {
      String p = cleanLines(para);
      if (!p.isEmpty() && hasWordChar(p)) {
        if (total + p.length() > maxChars) {
          p = p.substring(0, Math.max(0, maxChars - total));
        }
        out.add(p);
        total += p.length() + 2;
      }
    }
  }

  private String cleanLines(String para) {
    if (para.indexOf('\n') < 0) {
      String l = preDepth > 0 ? para.stripTrailing() : para.strip();
      return l.isBlank() ? "" : l;
    }
    StringBuilder sb = new StringBuilder(para.length());
    for (String line : para.split("\n")) {
      String l = preDepth > 0 ? line.stripTrailing() : line.strip();
      if (l.isBlank()) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(l);
    }
    return sb.toString();
  }

  private static boolean hasWordChar(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isLetterOrDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
