package io.storyline.extract;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the date formats pages put in metadata: ISO-8601 and its loose variants ({@code 2017-11-03 03:01:00.000000},
 * {@code 2021-11-01T10:52:50+0100}, {@code 20150724}), RFC 1123 ({@code Fri, 24 Jul 2015 05:36:09 GMT}), English
 * month-name dates ({@code March 25, 2015}, {@code 25 March 2015}) and epoch seconds/milliseconds.
 * A date without a time is midnight UTC; a time without an offset is taken as UTC.
 */
final class HtmlDates {

  private static final Pattern ISO = Pattern.compile(
      "(\\d{4})-?(\\d{2})-?(\\d{2})(?:[T ]\\s*(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?)?"
          + "\\s*(Z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?");
  private static final Pattern SLASHED = Pattern.compile("(\\d{4})/(\\d{1,2})/(\\d{1,2})");
  private static final Pattern MONTH_FIRST = Pattern.compile(
      "(?i)\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})");
  private static final Pattern DAY_FIRST = Pattern.compile(
      "(?i)\\b(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?,?\\s+(\\d{4})");
  private static final Pattern EPOCH = Pattern.compile("\\d{10}|\\d{13}");
  private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2),
      Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7),
      Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("oct", 10), Map.entry("nov", 11),
      Map.entry("dec", 12));
  /** Plausible publication years; outside them a number is more likely an id than a date. */
  private static final int MIN_YEAR = 1990;
  private static final int MAX_YEAR = 2100;

  private HtmlDates() {}

  /** The instant a metadata date value denotes, or null when it is not a recognisable date. */
  static Instant parse(String value) {
    if (value == null) {
      return null;
    }
    String s = value.strip();
    if (s.isEmpty() || s.length() > 100) {
      return null;
    }
    try {
      if (EPOCH.matcher(s).matches()) {
        long n = Long.parseLong(s);
        Instant t = s.length() == 13 ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
        return plausible(t.atZone(ZoneOffset.UTC).getYear()) ? t : null;
      }
      Matcher m = ISO.matcher(s);
      if (m.lookingAt() && plausible(Integer.parseInt(m.group(1)))) {
        return iso(m);
      }
      if (Character.isLetter(s.charAt(0)) && s.length() >= 20) {
        try {
          return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
          // not RFC 1123: try the looser forms below
        }
      }
      return loose(s);
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  /** A date written in running text ("March 25, 2015", "25 March 2015", "2015/03/25"), or null. */
  static Instant loose(String s) {
    Matcher m = MONTH_FIRST.matcher(s);
    if (m.find()) {
      return day(Integer.parseInt(m.group(3)), MONTHS.get(m.group(1).toLowerCase(Locale.ROOT)),
          Integer.parseInt(m.group(2)));
    }
    m = DAY_FIRST.matcher(s);
    if (m.find()) {
      return day(Integer.parseInt(m.group(3)), MONTHS.get(m.group(2).toLowerCase(Locale.ROOT)),
          Integer.parseInt(m.group(1)));
    }
    m = SLASHED.matcher(s);
    if (m.find()) {
      return day(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }
    return null;
  }

  private static Instant day(int year, int month, int day) {
    if (!plausible(year)) {
      return null;
    }
    try {
      return LocalDate.of(year, month, day).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static Instant iso(Matcher m) {
    int year = Integer.parseInt(m.group(1));
    int month = Integer.parseInt(m.group(2));
    int day = Integer.parseInt(m.group(3));
    if (m.group(4) == null) {
      return LocalDate.of(year, month, day).atStartOfDay().toInstant(ZoneOffset.UTC);
    }
    LocalDateTime t = LocalDateTime.of(year, month, day, Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
        m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
    return t.toInstant(offset(m.group(7)));
  }

  private static ZoneOffset offset(String zone) {
    if (zone == null || zone.equals("Z") || zone.equals("UTC") || zone.equals("GMT")) {
      return ZoneOffset.UTC;
    }
    String digits = zone.replace(":", "");
    int sign = digits.charAt(0) == '-' ? -1 : 1;
    int hours = Integer.parseInt(digits.substring(1, 3));
    int minutes = digits.length() >= 5 ? Integer.parseInt(digits.substring(3, 5)) : 0;
    return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
  }

  private static boolean plausible(int year) {
    return year >= MIN_YEAR && year <= MAX_YEAR;
  }

  /**
   * Whether a short line is nothing but a date stamp ("17 May 2016", "Updated: March 2, 2015 3:46 PM",
   * "2016-05-17 09:30"), which pages print under the headline and which is metadata, not article text.
   */
  static boolean isDateLine(String line) {
    if (line.length() > 60 || loose(line) == null && !ISO.matcher(line.strip()).lookingAt()) {
      return false;
    }
    String rest = STAMP_WORDS.matcher(line).replaceAll(" ");
    for (int i = 0; i < rest.length(); i++) {
      if (Character.isLetterOrDigit(rest.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static final Pattern STAMP_WORDS = Pattern.compile("(?i)\\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept"
      + "|oct|nov|dec)[a-z]*\\.?|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?|\\d{1,4}(?:st|nd|rd|th)?|am|pm|a\\.m\\.|p\\.m\\."
      + "|gmt|utc|bst|cet|cest|edt|est|pdt|pst|updated?|published|posted|last|modified|on|at|t|z)\\b");

  /** A date in a URL path ({@code /2015/07/24/}), or null. */
  static Instant fromUrl(String url) {
    if (url == null) {
      return null;
    }
    Matcher m = URL_DATE.matcher(url);
    return m.find() ? day(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
        : null;
  }

  private static final Pattern URL_DATE = Pattern.compile("/((?:19|20)\\d{2})[/-]([01]\\d)[/-]([0-3]\\d)(?:/|[^\\d])");
}
