package io.storyline.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits flattened text into <em>units</em>: the paragraph candidates the classifier labels one by one.
 *
 * <p>Method. After {@link TextNormalizer}, PA wire copy is recognised and parsed by {@link WireCopy}. Other text is
 * split into lines; a line is a unit of its own (scraped pages put one block per line, and a gallery's title, counter
 * and caption are adjacent lines), except
 * <ul>
 *   <li>in hard-wrapped text (95th-percentile line length at most 100 characters and at least 60% of the lines that
 *       continue a block filling 70% of that width), where a full line is joined with the next one;
 *   <li>when a line does not end a sentence and the next unit starts in lower case, also across one blank line
 *       (scanned newspaper text such as METER's "Mr Dodd, 62, claimed that he" / "performed many 'dirty tricks'").
 * </ul>
 * Whitespace runs collapse to one space. Units longer than {@link #MAX_UNIT_CHARS} are cut so that no later rule
 * sees an unbounded string.
 */
final class TextLayout {

  static final int MAX_UNIT_CHARS = 20_000;

  /** Units, for wire copy the parsed slug, and how many units were cut at {@link #MAX_UNIT_CHARS}. */
  record Layout(List<String> units, WireCopy.Parsed wire, int cut) {}

  private TextLayout() {}

  static Layout layout(String normalized) {
    List<String> lines = Arrays.asList(normalized.split("\n", -1));
    var wire = WireCopy.parse(lines);
    List<String> units = repairBrokenLines(wire.isPresent() ? wire.get().paragraphs() : units(lines));
    int cut = 0;
    for (int i = 0; i < units.size(); i++) {
      if (units.get(i).length() > MAX_UNIT_CHARS) {
        units.set(i, units.get(i).substring(0, MAX_UNIT_CHARS));
        cut++;
      }
    }
    return new Layout(units, wire.orElse(null), cut);
  }

  private static List<String> units(List<String> rawLines) {
    List<String> lines = new ArrayList<>(rawLines.size());
    for (String l : rawLines) {
      lines.add(collapse(l));
    }
    int width = wrapWidth(lines);
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isEmpty()) {
        flush(current, out);
        continue;
      }
      if (current.length() > 0) {
        current.append(' ');
      }
      current.append(line);
      boolean nextInBlock = i + 1 < lines.size() && !lines.get(i + 1).isEmpty();
      boolean join = nextInBlock
          && (width > 0 ? line.length() >= 0.6 * width : continues(line, lines.get(i + 1)));
      if (!join) {
        flush(current, out);
      }
    }
    flush(current, out);
    return out;
  }

  /** The wrap width of hard-wrapped text, or 0 when lines are not hard-wrapped. */
  private static int wrapWidth(List<String> lines) {
    List<Integer> lengths = new ArrayList<>();
    for (String l : lines) {
      if (!l.isEmpty()) {
        lengths.add(l.length());
      }
    }
    if (lengths.size() < 5) {
      return 0;
    }
    lengths.sort(null);
    int p95 = lengths.get((int) Math.floor(0.95 * (lengths.size() - 1)));
    if (p95 > 100 || p95 < 30) {
      return 0;
    }
    int continuing = 0;
    int full = 0;
    for (int i = 0; i + 1 < lines.size(); i++) {
      if (!lines.get(i).isEmpty() && !lines.get(i + 1).isEmpty()) {
        continuing++;
        if (lines.get(i).length() >= 0.7 * p95) {
          full++;
        }
      }
    }
    return continuing >= 4 && full >= 0.6 * continuing ? p95 : 0;
  }

  /** Whether {@code next} continues the sentence {@code line} left open (lower-case start, no closing mark). */
  static boolean continues(String line, String next) {
    if (line.isEmpty() || next.isEmpty() || !Character.isLowerCase(next.codePointAt(0))) {
      return false;
    }
    char last = line.charAt(line.length() - 1);
    return Character.isLetterOrDigit(last) || last == ',' || last == '-' || last == '\u2013';
  }

  /**
   * Joins a unit that stops mid-sentence with a following unit that starts in lower case. A run of joins is built
   * in one buffer (linear in the text, not quadratic when thousands of units chain).
   */
  private static List<String> repairBrokenLines(List<String> units) {
    List<String> out = new ArrayList<>(units.size());
    StringBuilder joined = new StringBuilder();
    String prev = null;
    boolean prevHasSpace = false;
    for (String u : units) {
      if (prev != null && joined.length() >= 20 && prevHasSpace && continues(prev, u)) {
        joined.append(' ').append(u);
        prev = u;
        prevHasSpace = true;
        continue;
      }
      if (prev != null) {
        out.add(joined.toString());
      }
      joined.setLength(0);
      joined.append(u);
      prev = u;
      prevHasSpace = u.indexOf(' ') > 0;
    }
    if (prev != null) {
      out.add(joined.toString());
    }
    return out;
  }

  private static void flush(StringBuilder current, List<String> out) {
    String s = current.toString().strip();
    if (!s.isEmpty()) {
      out.add(s);
    }
    current.setLength(0);
  }

  private static String collapse(String line) {
    StringBuilder b = new StringBuilder(line.length());
    boolean space = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == ' ') {
        space = b.length() > 0;
      } else {
        if (space) {
          b.append(' ');
          space = false;
        }
        b.append(c);
      }
    }
    return b.toString();
  }
}
