package io.storyline.extract;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wire services and the names they are credited under, mapped to one canonical short name ("Associated Press" and
 * "AP" are both {@code AP}). Only services that sell copy to other outlets are listed: a newspaper or broadcaster
 * credited in a byline is an outlet, not an agency.
 */
final class Agencies {

  /** Credited form (lower case) → canonical name. Longer forms first so that the alternation prefers them. */
  private static final Map<String, String> NAMES = new LinkedHashMap<>();

  static {
    put("Reuters", "reuters", "thomson reuters");
    put("AP", "associated press", "the associated press", "ap");
    put("AFP", "agence france-presse", "agence france presse", "afp");
    put("PA", "press association", "pa news", "pa media", "pa");
    put("DPA", "deutsche presse-agentur", "dpa");
    put("UPI", "united press international", "upi");
    put("Bloomberg", "bloomberg news", "bloomberg");
    put("EFE", "efe");
    put("ANSA", "ansa");
    put("Xinhua", "xinhua news agency", "xinhua");
    put("TASS", "itar-tass", "tass");
    put("Interfax", "interfax");
    put("RIA Novosti", "ria novosti");
    put("Kyodo", "kyodo news", "kyodo");
    put("Yonhap", "yonhap");
    put("Anadolu", "anadolu agency", "anadolu");
    put("AAP", "australian associated press", "aap");
    put("PTI", "press trust of india", "pti");
    put("IANS", "ians");
    put("CP", "the canadian press", "canadian press");
    put("APA", "apa");
    put("KNA", "kna");
    put("EPD", "epd");
    put("SID", "sid");
  }

  /** Regex alternation of every credited form (case-insensitive use), longest first. */
  static final String ALTERNATION = alternation();

  private static final Pattern MENTION = Pattern.compile(
      "(?<![\\p{L}\\d])(?:" + ALTERNATION + ")(?![\\p{L}\\d])", Pattern.CASE_INSENSITIVE);

  private Agencies() {}

  private static void put(String canonical, String... forms) {
    for (String f : forms) {
      NAMES.put(f, canonical);
    }
  }

  private static String alternation() {
    return NAMES.keySet().stream()
        .sorted((a, b) -> b.length() - a.length())
        .map(Pattern::quote)
        .reduce((a, b) -> a + "|" + b)
        .orElseThrow();
  }

  /** The canonical name of a credited form ("Associated Press" → "AP"), or {@code null} when it is not an agency. */
  static String canonical(String credited) {
    if (credited == null) {
      return null;
    }
    return NAMES.get(credited.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
  }

  /** The first agency named in {@code text} as a whole word, canonical; {@code null} when none. */
  static String firstMention(String text) {
    Matcher m = MENTION.matcher(text);
    while (m.find()) {
      String found = m.group();
      // two-letter forms only in capitals: "pa" or "ap" in running text is not a credit
      if (found.length() <= 3 && !found.equals(found.toUpperCase(Locale.ROOT))
          && !found.equalsIgnoreCase("dpa") && !found.equalsIgnoreCase("afp")) {
        continue;
      }
      return canonical(found);
    }
    return null;
  }
}
