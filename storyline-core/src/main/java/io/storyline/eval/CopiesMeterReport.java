package io.storyline.eval;

import io.storyline.copies.Derivation;
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
 * derived-vs-non F1, the confusion matrix, and out-of-sample macro-F1 of the decision ({@link Derivation}),
 * refitted on one half and tested on the other ({@link DerivationFit}): by domain (each domain left out once), and
 * over random halves of the stories; the same for the two fixed thresholds the decision replaced, for comparison.
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
   * @param evidence    what the relation was decided from (the match's shares and word counts)
   */
  public record Item(String id, String domain, String story, String gold, String predicted,
      Derivation.Evidence evidence) {
    public Item {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(evidence, "evidence");
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

  /** The decision fitted on all items ({@link DerivationFit}); the shipped default is it, rounded. */
  public Derivation fitted() {
    return DerivationFit.fit(items);
  }

  /**
   * Macro-F1 on each domain with the decision refitted on the other: {courts→showbiz, showbiz→courts}; with two
   * domains this is leave-one-domain-out.
   */
  public double[] crossDomainMacroF1() {
    return crossDomainMacroF1(false);
  }

  /** Mean and standard deviation of test macro-F1 over random story halves, each half used once for fitting. */
  public double[] crossStoryMacroF1() {
    return crossStoryMacroF1(false);
  }

  /** As {@link #crossDomainMacroF1()} for the two fixed thresholds the decision replaced ({@link #bestThresholds}). */
  public double[] crossDomainMacroF1Baseline() {
    return crossDomainMacroF1(true);
  }

  /** As {@link #crossStoryMacroF1()} for the two fixed thresholds the decision replaced. */
  public double[] crossStoryMacroF1Baseline() {
    return crossStoryMacroF1(true);
  }

  private double[] crossDomainMacroF1(boolean baseline) {
    return new double[] {
        transfer(i -> i.domain().equals("courts"), i -> i.domain().equals("showbiz"), baseline),
        transfer(i -> i.domain().equals("showbiz"), i -> i.domain().equals("courts"), baseline)};
  }

  private double[] crossStoryMacroF1(boolean baseline) {
    List<String> stories = new ArrayList<>(new TreeSet<>(items.stream().map(Item::story).toList()));
    Random rnd = new Random(SPLIT_SEED);
    List<Double> scores = new ArrayList<>();
    for (int s = 0; s < SPLITS; s++) {
      java.util.Collections.shuffle(stories, rnd);
      Set<String> half = Set.copyOf(stories.subList(0, stories.size() / 2));
      scores.add(transfer(i -> half.contains(i.story()), i -> !half.contains(i.story()), baseline));
      scores.add(transfer(i -> !half.contains(i.story()), i -> half.contains(i.story()), baseline));
    }
    double mean = scores.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    double var = scores.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / Math.max(1, scores.size() - 1);
    return new double[] {mean, Math.sqrt(var)};
  }

  /**
   * The best two fixed thresholds {traced, reused} on a subset, and its macro-F1: the decision before
   * {@link Derivation} (wholly when traced and reused clear theirs, partially when reused does).
   */
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

  private double transfer(Predicate<Item> train, Predicate<Item> test, boolean baseline) {
    List<Item> tested = items.stream().filter(test).toList();
    if (baseline) {
      return macro(confusion(tested, bestThresholds(train)));
    }
    Derivation d = DerivationFit.fit(items.stream().filter(train).toList());
    int[][] m = new int[3][3];
    for (Item i : tested) {
      m[CLASSES.indexOf(i.gold())][CLASSES.indexOf(CopiesMeterEvaluation.predicted(d.relation(i.evidence())))]++;
    }
    return macro(m);
  }

  private static int[][] confusion(List<Item> items, double[] thresholds) {
    int[][] m = new int[3][3];
    for (Item i : items) {
      double reused = i.evidence().reusedShare();
      String p = thresholds == null ? i.predicted() : i.evidence().tracedShare() >= thresholds[0]
          && reused >= thresholds[1] ? "wholly" : reused >= thresholds[1] ? "partially" : "non";
      m[CLASSES.indexOf(i.gold())][CLASSES.indexOf(p)]++;
    }
    return m;
  }

  static double macro(int[][] m) {
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

  /**
   * One tab-separated line per newspaper text, after a header: id, domain, story, gold and predicted class, and
   * the evidence the decision read (reused and traced share, words, words of the source reused most), for error
   * analysis ({@code storyline eval copies --details FILE}). Ids are paths and hold no tabs or line breaks.
   */
  public String details() {
    StringBuilder s = new StringBuilder("id\tdomain\tstory\tgold\tpredicted\treused\ttraced\twords\tsource_words\n");
    for (Item i : items) {
      Derivation.Evidence e = i.evidence();
      s.append(String.format(Locale.ROOT, "%s\t%s\t%s\t%s\t%s\t%.4f\t%.4f\t%d\t%d%n", i.id(), i.domain(),
          i.story(), i.gold(), i.predicted(), e.reusedShare(), e.tracedShare(), e.words(), e.sourceWords()));
    }
    return s.toString();
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
    s.append(String.format(Locale.ROOT, "decision             %s%n", Derivation.DEFAULT));
    s.append(String.format(Locale.ROOT, "refitted on all       %s%n", fitted()));
    double[] cd = crossDomainMacroF1();
    double[] cs = crossStoryMacroF1();
    double[] bd = crossDomainMacroF1Baseline();
    double[] bs = crossStoryMacroF1Baseline();
    s.append(String.format(Locale.ROOT,
        "out-of-sample macro-F1 (fitted on one half, tested on the other)   decision   two fixed thresholds%n"
            + "  courts -> showbiz                                                   %.3f      %.3f%n"
            + "  showbiz -> courts                                                   %.3f      %.3f%n"
            + "  leave-one-domain-out (mean of the two)                              %.3f      %.3f%n"
            + "  random story halves (%d splits x 2)                          %.3f +- %.3f  %.3f +- %.3f%n",
        cd[0], bd[0], cd[1], bd[1], (cd[0] + cd[1]) / 2, (bd[0] + bd[1]) / 2, SPLITS, cs[0], cs[1], bs[0], bs[1]));
    s.append(String.format(Locale.ROOT, "%nconfusion (rows gold, columns predicted)%n%-10s %8s %10s %6s%n", "",
        "wholly", "partially", "non"));
    for (int c = 0; c < 3; c++) {
      s.append(String.format(Locale.ROOT, "%-10s %8d %10d %6d%n", CLASSES.get(c), m[c][0], m[c][1], m[c][2]));
    }
    return s.toString();
  }
}
