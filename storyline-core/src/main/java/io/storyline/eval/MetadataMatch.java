package io.storyline.eval;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an extracted title, byline or date is compared with the gold value of {@code expected-metadata.json}.
 *
 * <p>The gold values are what Mozilla Readability printed, with its habits: titles sometimes keep the site name
 * ("… - Breitbart"), bylines sometimes keep "By" or trailing dates. So the comparison is on normalised text:
 * Unicode NFKC, lower case, every run of non-word characters folded to one space. On top of that:
 * <ul>
 *   <li>title: equal, or equal to the gold title once a site-name affix is cut at a separator
 *       ({@code | - – — · :: _ /}) — we strip site names, the gold often keeps them;</li>
 *   <li>byline: a leading "by"/"par"/"von"/"por"/"door"/"di" is dropped from both; equal, or one is a whole-word
 *       run inside the other (gold "By Ana Sandoiu" and "Ana Sandoiu, MPH" both match "Ana Sandoiu");</li>
 *   <li>date: the same calendar day, read in the gold value's own UTC offset (UTC when it has none).</li>
 * </ul>
 */
final class MetadataMatch {

  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern SEPARATOR = Pattern.compile("\\s+(?:\\||-|–|—|·|::|_|/|»|:)\\s+|\\s*[|_]\\s*");
  private static final Pattern BY = Pattern.compile("^(?:by|par|von|por|door|di|de)\\s+");
  private static final Pattern DATE_PREFIX = Pattern.compile(
      "^(\\d{4}-\\d{2}-\\d{2})(?:[T ](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?))?\\s*(Z|[+-]\\d{2}:?\\d{2})?");

  private MetadataMatch() {}

  static String normalise(String s) {
    if (s == null) {
      return "";
    }
    String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return NON_WORD.matcher(n).replaceAll(" ").strip();
  }

  static boolean titleMatches(String expected, String actual) {
    String got = normalise(actual);
    if (got.isEmpty()) {
      return false;
    }
    if (got.equals(normalise(expected))) {
      return true;
    }
    List<String> parts = List.of(SEPARATOR.split(expected.strip()));
    if (parts.size() < 2) {
      return false;
    }
    // Drop affixes from either end, one at a time: "Title | Section | Site" -> "Title | Section" -> "Title".
    for (int from = 0; from < parts.size(); from++) {
      for (int to = parts.size(); to > from; to--) {
        if ((from > 0 || to < parts.size()) && got.equals(normalise(String.join(" ", parts.subList(from, to))))) {
          return true;
        }
      }
    }
    return false;
  }

  static boolean bylineMatches(String expected, String actual) {
    String want = BY.matcher(normalise(expected)).replaceFirst("");
    String got = BY.matcher(normalise(actual)).replaceFirst("");
    if (want.isEmpty() || got.isEmpty()) {
      return false;
    }
    return (" " + want + " ").contains(" " + got + " ") || (" " + got + " ").contains(" " + want + " ");
  }

  static boolean dateMatches(String expected, Instant actual) {
    if (actual == null || expected == null) {
      return false;
    }
    Matcher m = DATE_PREFIX.matcher(expected.strip());
    if (!m.find()) {
      return false;
    }
    ZoneOffset offset = ZoneOffset.UTC;
    if (m.group(3) != null && !m.group(3).equals("Z")) {
      String o = m.group(3).replace(":", "");
      offset = ZoneOffset.ofHoursMinutes(Integer.parseInt(o.substring(0, 3)),
          (o.charAt(0) == '-' ? -1 : 1) * Integer.parseInt(o.substring(3)));
    }
    try {
      LocalDate day = LocalDate.parse(m.group(1));
      return actual.atOffset(offset).toLocalDate().equals(day);
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
