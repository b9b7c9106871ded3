package io.storyline.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Body-text agreement of one document, as in the article-extraction benchmark (Scrapinghub,
 * {@code article-extraction-benchmark/evaluate.py}, after Moz's 2015 dragnet/readability comparison).
 *
 * <p>Method: tokens are the runs of {@code \w+} (Unicode classes, lower-cased); shingles are the runs of 4
 * consecutive tokens (a text with fewer than 4 tokens is one shingle of all of them), counted as a multiset.
 * TP = Σ min(expected, predicted) over shingles, FP = the predicted surplus, FN = the expected surplus; the
 * three are divided by their sum so a long text weighs no more than a short one. Precision and recall of a
 * document follow the benchmark's edge cases: both 1 when FP = FN = 0; 0 when there is nothing to match.
 *
 * <p>Difference from the Python original: Java's {@code \w} with {@code UNICODE_CHARACTER_CLASS} also counts
 * combining marks as word characters (Python splits at them), which only matters for Indic scripts.
 *
 * @param tp normalised true positives
 * @param fp normalised false positives
 * @param fn normalised false negatives
 */
record ShingleOverlap(double tp, double fp, double fn) {

  static final int SHINGLE_SIZE = 4;
  private static final Pattern TOKEN = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

  ShingleOverlap {
    if (tp < 0 || fp < 0 || fn < 0) {
      throw new IllegalArgumentException("counts must be >= 0: tp=" + tp + " fp=" + fp + " fn=" + fn);
    }
  }

  /** Compares the predicted body with the expected one. */
  static ShingleOverlap of(String expected, String predicted) {
    Map<String, Integer> want = shingles(expected);
    Map<String, Integer> got = shingles(predicted);
    long tp = 0;
    long fp = 0;
    long fn = 0;
    for (Map.Entry<String, Integer> e : want.entrySet()) {
      int g = got.getOrDefault(e.getKey(), 0);
      tp += Math.min(e.getValue(), g);
      fn += Math.max(0, e.getValue() - g);
    }
    for (Map.Entry<String, Integer> e : got.entrySet()) {
      fp += Math.max(0, e.getValue() - want.getOrDefault(e.getKey(), 0));
    }
    double sum = tp + fp + fn;
    return sum == 0 ? new ShingleOverlap(0, 0, 0) : new ShingleOverlap(tp / sum, fp / sum, fn / sum);
  }

  /** Whether this document counts towards the averaged precision (something was predicted). */
  boolean hasPrediction() {
    return tp + fp > 0;
  }

  /** Whether this document counts towards the averaged recall (something was expected). */
  boolean hasExpectation() {
    return tp + fn > 0;
  }

  double precision() {
    if (fp == 0 && fn == 0) {
      return 1;
    }
    return tp == 0 && fp == 0 ? 0 : tp / (tp + fp);
  }

  double recall() {
    if (fp == 0 && fn == 0) {
      return 1;
    }
    return tp == 0 && fn == 0 ? 0 : tp / (tp + fn);
  }

  double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** Lower-cased {@code \w+} tokens of a text. */
  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(text == null ? "" : text);
    while (m.find()) {
      out.add(m.group().toLowerCase(Locale.ROOT));
    }
    return out;
  }

  private static Map<String, Integer> shingles(String text) {
    List<String> tokens = tokens(text);
    Map<String, Integer> counts = new HashMap<>();
    if (tokens.isEmpty()) {
      return counts;
    }
    int last = Math.max(1, tokens.size() - SHINGLE_SIZE + 1);
    for (int i = 0; i < last; i++) {
      String shingle = String.join(" ", tokens.subList(i, Math.min(tokens.size(), i + SHINGLE_SIZE)));
      counts.merge(shingle, 1, Integer::sum);
    }
    return counts;
  }
}
