package io.storyline.extract;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates written in running text and stamps: "November 26, 2014", "Nov. 18, 2014", "26 November 2014",
 * "2016-05-17T19:42:00Z", "17/05/2016 - 19:42", "17.05.2016", and the month-day of a dateline ("Nov 26").
 *
 * <p>Rules. English month names (full or abbreviated, with or without a dot). Numeric dates are day first
 * ("17/05/2016") unless the second number cannot be a month; that is how most of the world writes them, and a
 * US-style {@code mm/dd} is only taken when the day-first reading is impossible. A time without a zone is dropped
 * (midnight UTC of the written date): guessing a zone could move the date, keeping the date cannot.
 */
final class DateFinder {

  static final String MONTH =
      "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
          + "oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
  private static final int I = Pattern.CASE_INSENSITIVE;
  private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
      "\\b" + MONTH + "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b", I);
  private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
      "\\b(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(?:of\\s+)?" + MONTH + "\\.?,?\\s+(\\d{4})\\b", I);
  private static final Pattern ISO = Pattern.compile(
      "\\b(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2}))?(?:\\.\\d+)?\\s*(Z|[+-]\\d{2}:?\\d{2})?)?");
  private static final Pattern NUMERIC = Pattern.compile("(?<![\\d./])(\\d{1,2})([./])(\\d{1,2})\\2(\\d{4})\\b");
  private static final Pattern MONTH_DAY = Pattern.compile("^" + MONTH + "\\.?\\s+(\\d{1,2})$", I);

  /** A date found in text, with its position. */
  record Found(Instant instant, int start, int end) {
    LocalDate date() {
      return instant.atOffset(ZoneOffset.UTC).toLocalDate();
    }
  }

  private DateFinder() {}

  /** All full dates (with a year) in {@code text}, in order of position; overlapping matches are dropped. */
  static List<Found> find(String text) {
    List<Found> out = new ArrayList<>();
    if (!hasFourDigits(text)) {
      return out; // every pattern needs a four-digit year: skip the regexes for most paragraphs
    }
    Matcher m = MONTH_DAY_YEAR.matcher(text);
    while (m.find()) {
      add(out, date(m.group(3), month(m.group(1)), m.group(2)), m);
    }
    m = DAY_MONTH_YEAR.matcher(text);
    while (m.find()) {
      add(out, date(m.group(3), month(m.group(2)), m.group(1)), m);
    }
    m = ISO.matcher(text);
    while (m.find()) {
      add(out, iso(m), m);
    }
    m = NUMERIC.matcher(text);
    while (m.find()) {
      int a = Integer.parseInt(m.group(1));
      int b = Integer.parseInt(m.group(3));
      int day = a;
      int month = b;
      if (b > 12 && a <= 12) {
        day = b;
        month = a;
      }
      add(out, date(m.group(4), month, Integer.toString(day)), m);
    }
    out.sort((x, y) -> Integer.compare(x.start(), y.start()));
    return out;
  }

  private static boolean hasFourDigits(String s) {
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      run = c >= '0' && c <= '9' ? run + 1 : 0;
      if (run == 4) {
        return true;
      }
    }
    return false;
  }

  /** The month and day of a dateline date ("Nov 26", "November 26"), or {@code null}. */
  static MonthDay monthDay(String s) {
    Matcher m = MONTH_DAY.matcher(s.strip());
    if (!m.matches()) {
      return null;
    }
    try {
      return MonthDay.of(month(m.group(1)), Integer.parseInt(m.group(2)));
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static void add(List<Found> out, Instant instant, Matcher m) {
    if (instant == null) {
      return;
    }
    for (Found f : out) {
      if (m.start() < f.end() && f.start() < m.end()) {
        return;
      }
    }
    out.add(new Found(instant, m.start(), m.end()));
  }

  private static Instant date(String year, int month, String day) {
    try {
      int y = Integer.parseInt(year);
      if (y < 1800 || y > 2200) {
        return null;
      }
      return LocalDate.of(y, month, Integer.parseInt(day)).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  private static Instant iso(Matcher m) {
    Instant day = date(m.group(1), Integer.parseInt(m.group(2)), m.group(3));
    if (day == null || m.group(7) == null) {
      return day;
    }
    String zone = m.group(7).equals("Z") ? "Z" : m.group(7).replaceFirst("(\\d{2})(\\d{2})$", "$1:$2");
    try {
      String seconds = m.group(6) == null ? "00" : m.group(6);
      return OffsetDateTime.parse(m.group(1) + "-" + m.group(2) + "-" + m.group(3) + "T" + m.group(4) + ":"
          + m.group(5) + ":" + seconds + zone).toInstant();
    } catch (DateTimeException e) {
      return day;
    }
  }

  static int month(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    String[] prefixes = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    for (int i = 0; i < prefixes.length; i++) {
      if (n.startsWith(prefixes[i])) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException("not a month name: " + name);
  }
}
