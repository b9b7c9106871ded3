package io.storyline.copies;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Names of news agencies (wire services), to tell whether an outlet IS an agency (its copy is the wire source
 * of a group) and to give credited agencies one spelling. Matching ignores case, a leading "the", a leading
 * "www." and a trailing domain suffix ({@code reuters.com}, {@code pa.media}).
 */
final class Agencies {
  private static final Map<String, String> NAMES = new HashMap<>();

  static {
    add("Reuters", "reuters", "thomson reuters", "reuters news");
    add("AP", "ap", "associated press", "apnews", "ap news");
    add("AFP", "afp", "agence france-presse", "agence france presse", "agence france-press");
    add("PA", "pa", "press association", "pa media", "pa news", "pa newswire");
    add("DPA", "dpa", "deutsche presse-agentur", "deutsche presse agentur");
    add("ANSA", "ansa");
    add("EFE", "efe", "agencia efe");
    add("Kyodo", "kyodo", "kyodo news");
    add("Xinhua", "xinhua", "xinhua news agency", "xinhuanet");
    add("TASS", "tass", "itar-tass");
    add("Interfax", "interfax");
    add("UPI", "upi", "united press international");
    add("Bloomberg", "bloomberg", "bloomberg news");
    add("AAP", "aap", "australian associated press");
    add("Canadian Press", "canadian press", "cp");
    add("ANP", "anp");
    add("Belga", "belga");
    add("APA", "apa", "austria presse agentur");
    add("Yonhap", "yonhap", "yonhap news agency");
    add("Anadolu", "anadolu", "anadolu agency", "aa");
    add("PTI", "pti", "press trust of india");
    add("IANS", "ians");
  }

  private Agencies() {}

  private static void add(String canonical, String... aliases) {
    for (String a : aliases) {
      NAMES.put(a, canonical);
    }
  }

  /** The agency's usual name if {@code name} names an agency, else {@code null}. */
  static String canonical(String name) {
    if (name == null) {
      return null;
    }
    String n = name.strip().toLowerCase(Locale.ROOT);
    if (n.startsWith("the ")) {
      n = n.substring(4);
    }
    if (n.startsWith("www.")) {
      n = n.substring(4);
    }
    String hit = NAMES.get(n);
    if (hit == null) {
      int dot = n.indexOf('.');
      if (dot > 0) {
        hit = NAMES.get(n.substring(0, dot));
      }
    }
    return hit;
  }

  /** The credited agency as written out: the usual name of a known agency, else the credit as given. */
  static String display(String credited) {
    if (credited == null || credited.isBlank()) {
      return null;
    }
    String c = canonical(credited);
    return c != null ? c : credited.strip();
  }
}
