package io.storyline.stories;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import opennlp.tools.stemmer.PorterStemmer;

/**
 * Index terms of a text for TF-IDF: lower-cased, accents folded, stop words dropped, Porter-stemmed (Porter 1980,
 * the OpenNLP implementation). Tokens are runs of letters and digits; a possessive {@code 's} is cut first so that
 * "Syria's" and "Syria" meet. Pure numbers shorter than 3 digits are dropped (dates, counts) but longer ones and
 * mixed tokens stay ("mh370", "1999" is dropped as a year-like 4 digit number only when it starts with 19 or 20).
 * Thread-safe: the stemmer is created per call (it keeps state).
 */
final class Terms {
  private static final Set<String> STOP = new HashSet<>(Lexicon.lines("stopwords.txt"));
  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  private Terms() {}

  /** True for a lower-case word in the stop list. */
  static boolean isStopWord(String lower) {
    return STOP.contains(lower);
  }

  /** Stemmed index terms of {@code text}, in order, with repeats. */
  static List<String> of(String text) {
    List<String> out = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
    PorterStemmer stemmer = new PorterStemmer();
    var m = TOKEN.matcher(folded);
    while (m.find()) {
      String w = m.group().toLowerCase(Locale.ROOT);
      int apostrophe = Math.max(w.indexOf('\''), w.indexOf('’'));
      if (apostrophe > 0) {
        w = w.substring(0, apostrophe);
      }
      if (w.length() < 2 || STOP.contains(w) || isNoiseNumber(w)) {
        continue;
      }
      out.add(stemmer.stem(w));
    }
    return out;
  }

  private static boolean isNoiseNumber(String w) {
    for (int i = 0; i < w.length(); i++) {
      if (!Character.isDigit(w.charAt(i))) {
        return false;
      }
    }
    return w.length() < 3 || (w.length() == 4 && (w.startsWith("19") || w.startsWith("20")));
  }
}
