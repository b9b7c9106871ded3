package io.storyline.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one list of wire services (news agencies) the stages share: the names they are credited under in text
 * (extraction reads credits, datelines and bylines with them) and the further names an outlet may carry ("cp",
 * "apnews", "reuters.com"), all mapped to one canonical short name ("Associated Press" and "AP" are both
 * {@code AP}). Only services that sell copy to other outlets are listed: a newspaper or broadcaster credited in a
 * byline is an outlet, not an agency. Not API.
 */
public final class Agencies {

  /** Credited form (lower case) → canonical name; the forms found in running text. */
  private static final Map<String, String> CREDITS = new LinkedHashMap<>();
  /** Every form, credits and outlet names (lower case) → canonical name. */
  private static final Map<String, String> NAMES = new HashMap<>();

  static {
    credit("Reuters", "reuters", "thomson reuters");
    credit("AP", "associated press", "the associated press", "ap");
    credit("AFP", "agence france-presse", "agence france presse", "afp");
    credit("PA", "press association", "pa news", "pa media", "pa");
    credit("DPA", "deutsche presse-agentur", "dpa");
    credit("UPI", "united press international", "upi");
    credit("Bloomberg", "bloomberg news", "bloomberg");
    credit("EFE", "efe");
    credit("ANSA", "ansa");
    credit("Xinhua", "xinhua news agency", "xinhua");
    credit("TASS", "itar-tass", "tass");
    credit("Interfax", "interfax");
    credit("RIA Novosti", "ria novosti");
    credit("Kyodo", "kyodo news", "kyodo");
    credit("Yonhap", "yonhap");
    credit("Anadolu", "anadolu agency", "anadolu");
    credit("AAP", "australian associated press", "aap");
    credit("PTI", "press trust of india", "pti");
    credit("IANS", "ians");
    credit("CP", "the canadian press", "canadian press");
    credit("APA", "apa");
    credit("KNA", "kna");
    credit("EPD", "epd");
    credit("SID", "sid");
    // Names an outlet field may carry but that are too short or too common to be read as a credit in text.
    outletName("Reuters", "reuters news");
    outletName("AP", "apnews", "ap news");
    outletName("AFP", "agence france-press");
    outletName("PA", "pa newswire");
    outletName("DPA", "deutsche presse agentur");
    outletName("EFE", "agencia efe");
    outletName("Xinhua", "xinhuanet");
    outletName("CP", "cp");
    outletName("APA", "austria presse agentur");
    outletName("Yonhap", "yonhap news agency");
    outletName("Anadolu", "aa");
  }

  /** Regex alternation of every credited form (case-insensitive use), longest first. */
  public static final String ALTERNATION = alternation();

  private static final Pattern MENTION = Pattern.compile(
      "(?<![\\p{L}\\d])(?:" + ALTERNATION + ")(?![\\p{L}\\d])", Pattern.CASE_INSENSITIVE);

  private Agencies() {}

  private static void credit(String canonical, String... forms) {
    for (String f : forms) {
      CREDITS.put(f, canonical);
      NAMES.put(f, canonical);
    }
  }

  private static void outletName(String canonical, String... forms) {
    for (String f : forms) {
      NAMES.put(f, canonical);
    }
  }

  private static String alternation() {
    return CREDITS.keySet().stream()
        .sorted((a, b) -> b.length() - a.length())
        .map(Pattern::quote)
        .reduce((a, b) -> a + "|" + b)
        .orElseThrow();
  }

  /**
   * The canonical name of a credited form ("Associated Press" → "AP"), or {@code null} when it is not an agency.
   * Exact match on the credited forms only: a credit is read from text, where "cp" or "aa" mean other things.
   */
  public static String canonicalCredit(String credited) {
    if (credited == null) {
      return null;
    }
    return CREDITS.get(credited.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
  }

  /**
   * The agency an outlet's name denotes, canonical, else {@code null}: any listed form, ignoring case, a leading
   * "the", a leading "www." and a trailing domain suffix ({@code reuters.com}, {@code pa.media}).
   */
  public static String canonicalName(String name) {
    if (name == null) {
      return null;
    }
    String n = name.strip().toLowerCase(Locale.ROOT);
    String hit = NAMES.get(n);
    if (hit != null) {
      return hit;
    }
    if (n.startsWith("the ")) {
      n = n.substring(4);
    }
    if (n.startsWith("www.")) {
      n = n.substring(4);
    }
    hit = NAMES.get(n);
    if (hit == null) {
      int dot = n.indexOf('.');
      if (dot > 0) {
        hit = NAMES.get(n.substring(0, dot));
      }
    }
    return hit;
  }

  /** The credited agency as written out: the canonical name of a known agency, else the credit as given. */
  public static String display(String credited) {
    if (credited == null || credited.isBlank()) {
      return null;
    }
    String c = canonicalName(credited);
    return c != null ? c : credited.strip();
  }

  /** The first agency named in {@code text} as a whole word, canonical; {@code null} when none. */
  public static String firstMention(String text) {
    Matcher m = MENTION.matcher(text);
    while (m.find()) {
      String found = m.group();
      // two-letter forms only in capitals: "pa" or "ap" in running text is not a credit
      if (found.length() <= 3 && !found.equals(found.toUpperCase(Locale.ROOT))
          && !found.equalsIgnoreCase("dpa") && !found.equalsIgnoreCase("afp")) {
        continue;
      }
      return canonicalCredit(found);
    }
    return null;
  }
}
