package io.storyline.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Scores of copy detection on METER: per-class precision, recall and F1, macro-F1 over the three classes,
 * derived-vs-non F1, the confusion matrix, and cross-validated macro-F1 of the two thresholds (chosen on one half,
 * tested on the other: by domain, and over random halves of the stories).
 *
 * @param wireTexts number of PA texts indexed
 * @param items     one per annotated newspaper text
 */
public record CopiesMeterReport(int wireTexts, List<Item> items) {
  private static final List<String> CLASSES = CopiesMeterEvaluation.CLASSES;
  /**
   * Fixed seed of the random story halves, so that the cross-validated number is reproducible; any seed gives a
   * similar mean (the standard deviation over splits is printed).
   */
  private static final long SPLIT_SEED = 1999;
  private static final int SPLITS = 10;

  public CopiesMeterReport {
    items = List.copyOf(items);
  }

  /**
   * One newspaper text.
   *
   * @param id          path relative to the METER folder
   * @param domain      {@code courts} or {@code showbiz}
   * @param story       {@code domain/date/catchline}
   * @param gold        annotated class: wholly, partially or non
   * @param predicted   class from the detector's relation
   * @param reusedShare the match's reused share
   * @param tracedShare the match's traced share
   */
  public record Item(String id, String domain, String story, String gold, String predicted, double reusedShare,
      double tracedShare) {
    public Item {
      Objects.requireNonNull(id, "id");
      if (!CLASSES.contains(gold) || !CLASSES.contains(predicted)) {
        throw new IllegalArgumentException("classes must be wholly/partially/non, got " + gold + "/" + predicted);
      }
    }
  }

  /** Confusion matrix: {@code [gold][predicted]} in the order wholly, partially, non. */
  public int[][] confusion() {
    return confusion(items, null);
  }

  /** F1 of one class. */
  public double f1(String cls) {
    return f1(confusion(), CLASSES.indexOf(cls));
  }

  /** Mean F1 of the three classes. */
  public double macroF1() {
    return macro(confusion());
  }

  /** F1 of "derived" (wholly or partially) against "non". */
  public double derivedF1() {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (Item i : items) {
      boolean g = !i.gold().equals("non");
      boolean p = !i.predicted().equals("non");
      tp += g && p ? 1 : 0;
      fp += !g && p ? 1 : 0;
      fn += g && !p ? 1 : 0;
    }
    return f(tp, fp, fn);
  }

  /** Macro-F1 on each domain with the thresholds chosen on the other: {courts→showbiz, showbiz→courts}. */
  public double[] crossDomainMacroF1() {
    return new double[] {
        transfer(i -> i.domain().equals("courts"), i -> i.domain().equals("showbiz")),
        transfer(i -> i.domain().equals("showbiz"), i -> i.domain().equals("courts"))};
  }

  /** Mean and standard deviation of test macro-F1 over random story halves, each half used once for choosing. */
  public double[] crossStoryMacroF1() {
    List<String> stories = new ArrayList<>(new TreeSet<>(items.stream().map(Item::story).toList()));
    Random rnd = new Random(SPLIT_SEED);
    List<Double> scores = new ArrayList<>();
    for (int s = 0; s < SPLITS; s++) {
      java.util.Collections.shuffle(stories, rnd);
      Set<String> half = Set.copyOf(stories.subList(0, stories.size() / 2));
      scores.add(transfer(i -> half.contains(i.story()), i -> !half.contains(i.story())));
      scores.add(transfer(i -> !half.contains(i.story()), i -> half.contains(i.story())));
    }
    double mean = scores.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    double var = scores.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / Math.max(1, scores.size() - 1);
    return new double[] {mean, Math.sqrt(var)};
  }

  /** The best thresholds {traced, reused} on a subset, and its macro-F1. */
  double[] bestThresholds(Predicate<Item> subset) {
    List<Item> train = items.stream().filter(subset).toList();
    double[] best = {0, 0, -1};
    for (int t = 50; t <= 100; t++) {
      for (int r = 5; r <= 60; r++) {
        double m = macro(confusion(train, new double[] {t / 100.0, r / 100.0}));
        if (m > best[2] + 1e-12) {
          best = new double[] {t / 100.0, r / 100.0, m};
        }
      }
    }
    return best;
  }

  private double transfer(Predicate<Item> train, Predicate<Item> test) {
    double[] t = bestThresholds(train);
    return macro(confusion(items.stream().filter(test).toList(), t));
  }

  private static int[][] confusion(List<Item> items, double[] thresholds) {
    int[][] m = new int[3][3];
    for (Item i : items) {
      String p = thresholds == null ? i.predicted() : i.tracedShare() >= thresholds[0]
          && i.reusedShare() >= thresholds[1] ? "wholly" : i.reusedShare() >= thresholds[1] ? "partially" : "non";
      m[CLASSES.indexOf(i.gold())][CLASSES.indexOf(p)]++;
    }
    return m;
  }

  private static double macro(int[][] m) {
    return (f1(m, 0) + f1(m, 1) + f1(m, 2)) / 3;
  }

  static double precision(int[][] m, int c) {
    int col = m[0][c] + m[1][c] + m[2][c];
    return col == 0 ? 0 : (double) m[c][c] / col;
  }

  static double recall(int[][] m, int c) {
    int row = m[c][0] + m[c][1] + m[c][2];
    return row == 0 ? 0 : (double) m[c][c] / row;
  }

  private static double f1(int[][] m, int c) {
    double p = precision(m, c);
    double r = recall(m, c);
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  private static double f(int tp, int fp, int fn) {
    return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
  }

  /** The report as printed by {@code storyline eval copies}. */
  public String format() {
    StringBuilder s = new StringBuilder();
    int[][] m = confusion();
    s.append(String.format(Locale.ROOT, "METER copy detection: %d newspaper texts against %d PA wire texts%n%n",
        items.size(), wireTexts));
    s.append(String.format(Locale.ROOT, "%-10s %9s %9s %9s %7s%n", "class", "precision", "recall", "F1", "gold"));
    for (int c = 0; c < 3; c++) {
      s.append(String.format(Locale.ROOT, "%-10s %9.3f %9.3f %9.3f %7d%n", CLASSES.get(c), precision(m, c),
          recall(m, c), f1(m, c), m[c][0] + m[c][1] + m[c][2]));
    }
    s.append(String.format(Locale.ROOT, "%nmacro-F1             %.3f   (published best about 0.66, Clough et al. 2002)%n",
        macroF1()));
    s.append(String.format(Locale.ROOT, "derived-vs-non F1    %.3f%n", derivedF1()));
    double[] cd = crossDomainMacroF1();
    double[] cs = crossStoryMacroF1();
    s.append(String.format(Locale.ROOT,
        "cross-validated macro-F1 (thresholds chosen on one half, tested on the other):%n"
            + "  courts -> showbiz  %.3f%n  showbiz -> courts  %.3f%n"
            + "  random story halves %.3f +- %.3f (%d splits x 2)%n", cd[0], cd[1], cs[0], cs[1], SPLITS));
    s.append(String.format(Locale.ROOT, "%nconfusion (rows gold, columns predicted)%n%-10s %8s %10s %6s%n", "",
        "wholly", "partially", "non"));
    for (int c = 0; c < 3; c++) {
      s.append(String.format(Locale.ROOT, "%-10s %8d %10d %6d%n", CLASSES.get(c), m[c][0], m[c][1], m[c][2]));
    }
    return s.toString();
  }
}
