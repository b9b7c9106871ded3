package io.storyline.extract;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Press Association wire copy as it was kept in 1990s archives (the METER corpus): a header of dash rules around a
 * slug line {@code "23:19 27/01/00: Page 1 (HHH) SHOWBIZ Posh"}, hard-wrapped lines, each paragraph closed by
 * {@code <}, TeX-style {@code ``quotes''}, {@code _} for a dash and {@code #} for the pound sign.
 *
 * <p>{@link #parse} recognises the layout (the slug line, or dash rules plus a majority of {@code <}-closed
 * paragraphs) and gives back paragraphs in plain modern form: straight quotes ({@code "} and {@code '}, the form most
 * flattened news text already uses, so that copies of one story compare equal), {@code -} for the dash, {@code £}
 * before amounts. Wire notes ("(reopens)", "Embargoed to...") and sign-offs ("end", "mfl") stay as paragraphs: the
 * generic classifier removes them like any other chrome.
 */
final class WireCopy {

  /** Slug: time, date (dd/mm/yy), page, priority code and the desk + catchline. */
  private static final Pattern SLUG = Pattern.compile(
      "^\\s*(\\d{1,2}):(\\d{2})\\s+(\\d{1,2})/(\\d{1,2})/(\\d{2}|\\d{4}):\\s+Page\\s+(\\d+)\\s+\\((\\w+)\\)\\s+(.+?)\\s*$");
  private static final Pattern RULE = Pattern.compile("^\\s*[-=_*]{20,}\\s*$");
  private static final Pattern POUND = Pattern.compile("#(?=\\d)");
  private static final Pattern MULTI_SPACE = Pattern.compile(" {2,}");
  private static final Pattern WIRE_DASH = Pattern.compile("(?<=\\s)_(?=\\s)");
  /** PA's clock is London time. */
  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  /** A parsed take of wire copy. */
  record Parsed(List<String> paragraphs, Instant filed, String catchline) {}

  private WireCopy() {}

  /** The wire layout of {@code lines} (normalised text split on newlines), if it is one. */
  static Optional<Parsed> parse(List<String> lines) {
    int slugLine = -1;
    int rules = 0;
    int closed = 0;
    int nonEmpty = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (RULE.matcher(line).matches()) {
        rules++;
      } else if (!line.isBlank()) {
        nonEmpty++;
        if (line.stripTrailing().endsWith("<")) {
          closed++;
        }
        if (slugLine < 0 && nonEmpty <= 3 && SLUG.matcher(line).matches()) {
          slugLine = i;
        }
      }
    }
    boolean wire = slugLine >= 0 || (rules >= 1 && nonEmpty >= 2 && closed * 2 >= nonEmpty);
    if (!wire) {
      return Optional.empty();
    }
    Instant filed = null;
    String catchline = null;
    if (slugLine >= 0) {
      Matcher m = SLUG.matcher(lines.get(slugLine));
      if (m.matches()) {
        filed = slugTime(m);
        catchline = m.group(8).strip();
      }
    }
    List<String> paragraphs = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (i == slugLine || RULE.matcher(line).matches()) {
        flush(current, paragraphs);
        continue;
      }
      if (line.isEmpty()) {
        flush(current, paragraphs);
        continue;
      }
      boolean ends = line.endsWith("<");
      if (ends) {
        line = line.substring(0, line.length() - 1).strip();
      }
      if (current.length() > 0 && !line.isEmpty()) {
        current.append(' ');
      }
      current.append(line);
      if (ends) {
        flush(current, paragraphs);
      }
    }
    flush(current, paragraphs);
    return Optional.of(new Parsed(paragraphs, filed, catchline));
  }

  private static void flush(StringBuilder current, List<String> out) {
    String p = plain(current.toString()).strip();
    if (!p.isEmpty()) {
      out.add(p);
    }
    current.setLength(0);
  }

  /** Wire typography to plain modern text. */
  static String plain(String s) {
    String t = s.replace("``", "\"").replace("''", "\"").replace('`', '\'');
    t = WIRE_DASH.matcher(t).replaceAll("-");
    t = POUND.matcher(t).replaceAll("£");
    return MULTI_SPACE.matcher(t).replaceAll(" ");
  }

  private static Instant slugTime(Matcher m) {
    try {
      int year = Integer.parseInt(m.group(5));
      if (year < 100) {
        year += year >= 70 ? 1900 : 2000; // two-digit wire years: 70-99 are 19xx, 00-69 are 20xx
      }
      LocalDateTime t = LocalDateTime.of(year, Integer.parseInt(m.group(4)), Integer.parseInt(m.group(3)),
          Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
      return t.atZone(LONDON).toInstant();
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }
}
