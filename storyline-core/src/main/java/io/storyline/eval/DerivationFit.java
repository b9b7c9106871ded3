package io.storyline.eval;

import io.storyline.copies.Derivation;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Fits {@link Derivation}'s thresholds on labelled texts, as {@link Derivation#DEFAULT} was fitted on METER 1999,
 * so that the evaluation can fit on one half of the data and score the other.
 *
 * <p><b>Method.</b> Two binary logistic regressions (Newton's method, L2 penalty {@value #L2} on the weights, not
 * the intercept, on standardised features, classes weighted to balance): <i>derived</i> (wholly or partially) vs
 * not, on {reused share, ln(1 + reused words)} over all texts; <i>wholly</i> vs partially, on {traced share,
 * ln(words / source words)} over the derived texts. Then the two cut points on the scores (-2 to 2 in steps of
 * 0.2, standard units) that give the best macro-F1 on the same texts, since the regressions fit likelihood, not
 * macro-F1 (the cuts chosen on all of METER 1999: -1.0 and 0.2). Each boundary is rewritten as a threshold on the
 * share that moves with the length term: {@code share >= base + slope * term}.
 */
final class DerivationFit {
  static final double L2 = 1.0;
  private static final double INTERCEPT_L2 = 1e-4;
  private static final int CUTS = 21;

  private DerivationFit() {}

  /** The thresholds fitted on {@code train} (texts of every class are needed). */
  static Derivation fit(List<CopiesMeterReport.Item> train) {
    List<CopiesMeterReport.Item> derivedTexts = train.stream().filter(i -> !i.gold().equals("non")).toList();
    Linear derived = Linear.fit(train, i -> i.evidence().reusedShare(), i -> i.evidence().logReusedWords(),
        i -> !i.gold().equals("non"));
    Linear wholly = Linear.fit(derivedTexts, i -> i.evidence().tracedShare(), i -> i.evidence().logLengthRatio(),
        i -> i.gold().equals("wholly"));
    double[] cuts = {0, 0};
    double best = -1;
    double[] s1 = new double[train.size()];
    double[] s2 = new double[train.size()];
    for (int i = 0; i < s1.length; i++) {
      s1[i] = derived.score(train.get(i));
      s2[i] = wholly.score(train.get(i));
    }
    for (int a = 0; a < CUTS; a++) {
      for (int b = 0; b < CUTS; b++) {
        double c1 = cut(a);
        double c2 = cut(b);
        int[][] m = new int[3][3];
        for (int i = 0; i < s1.length; i++) {
          int p = s1[i] < c1 ? 2 : s2[i] >= c2 ? 0 : 1;
          m[CopiesMeterEvaluation.CLASSES.indexOf(train.get(i).gold())][p]++;
        }
        double f = CopiesMeterReport.macro(m);
        if (f > best + 1e-12) {
          best = f;
          cuts = new double[] {c1, c2};
        }
      }
    }
    double[] d = derived.threshold(cuts[0]);
    double[] w = wholly.threshold(cuts[1]);
    return new Derivation(d[0], d[1], w[0], w[1]);
  }

  private static double cut(int step) {
    return Math.round((-2 + 4.0 * step / (CUTS - 1)) * 10) / 10.0;
  }

  /** A logistic regression on a share and a length term, standardised: {@code b0 + b1 z1 + b2 z2}. */
  private static final class Linear {
    private final ToDoubleFunction<CopiesMeterReport.Item> share;
    private final ToDoubleFunction<CopiesMeterReport.Item> term;
    private final double[] mean = new double[2];
    private final double[] sd = new double[2];
    private final double[] b = new double[3];

    private Linear(ToDoubleFunction<CopiesMeterReport.Item> share, ToDoubleFunction<CopiesMeterReport.Item> term) {
      this.share = share;
      this.term = term;
    }

    static Linear fit(List<CopiesMeterReport.Item> items, ToDoubleFunction<CopiesMeterReport.Item> share,
        ToDoubleFunction<CopiesMeterReport.Item> term, Predicate<CopiesMeterReport.Item> positive) {
      Linear l = new Linear(share, term);
      int n = items.size();
      double[][] z = new double[n][2];
      for (int i = 0; i < n; i++) {
        z[i][0] = share.applyAsDouble(items.get(i));
        z[i][1] = term.applyAsDouble(items.get(i));
      }
      for (int j = 0; j < 2; j++) {
        double s = 0;
        double ss = 0;
        for (double[] r : z) {
          s += r[j];
          ss += r[j] * r[j];
        }
        l.mean[j] = n == 0 ? 0 : s / n;
        l.sd[j] = Math.sqrt(Math.max(0, (n == 0 ? 0 : ss / n) - l.mean[j] * l.mean[j])) + 1e-9;
        for (double[] r : z) {
          r[j] = (r[j] - l.mean[j]) / l.sd[j];
        }
      }
      double[] t = new double[n];
      int positives = 0;
      for (int i = 0; i < n; i++) {
        t[i] = positive.test(items.get(i)) ? 1 : 0;
        positives += (int) t[i];
      }
      double wPos = positives == 0 ? 0 : 0.5 * n / positives;
      double wNeg = positives == n ? 0 : 0.5 * n / (n - positives);
      for (int iter = 0; iter < 50; iter++) {
        double[] g = new double[3];
        double[][] h = new double[3][3];
        for (int i = 0; i < n; i++) {
          double[] x = {1, z[i][0], z[i][1]};
          double p = 1 / (1 + Math.exp(-(l.b[0] + l.b[1] * x[1] + l.b[2] * x[2])));
          double w = t[i] == 1 ? wPos : wNeg;
          for (int a = 0; a < 3; a++) {
            g[a] += w * (p - t[i]) * x[a];
            for (int c = 0; c < 3; c++) {
              h[a][c] += w * p * (1 - p) * x[a] * x[c];
            }
          }
        }
        for (int a = 0; a < 3; a++) {
          double penalty = a == 0 ? INTERCEPT_L2 : L2; // a trace on the intercept keeps one-class samples finite
          g[a] += penalty * l.b[a];
          h[a][a] += penalty;
        }
        double[] step = solve(h, g);
        double max = 0;
        for (int a = 0; a < 3; a++) {
          l.b[a] -= step[a];
          max = Math.max(max, Math.abs(step[a]));
        }
        if (max < 1e-10) {
          break;
        }
      }
      return l;
    }

    double score(CopiesMeterReport.Item i) {
      return b[0] + b[1] * (share.applyAsDouble(i) - mean[0]) / sd[0]
          + b[2] * (term.applyAsDouble(i) - mean[1]) / sd[1];
    }

    /** {base, slope} of {@code share >= base + slope * term}, the boundary {@code score = cut}. */
    double[] threshold(double cut) {
      double a1 = b[1] / sd[0];
      double a2 = b[2] / sd[1];
      double a0 = b[0] - cut - b[1] * mean[0] / sd[0] - b[2] * mean[1] / sd[1];
      if (a1 <= 1e-9) {
        return new double[] {10, 0}; // the share does not raise the score (a degenerate sample): never
      }
      return new double[] {clamp(-a0 / a1), clamp(-a2 / a1)};
    }

    private static double clamp(double v) {
      return Math.max(-10, Math.min(10, v));
    }
  }

  /** Solves the 3 x 3 system {@code h x = g} (Gaussian elimination with partial pivoting; h is positive definite). */
  private static double[] solve(double[][] h, double[] g) {
    int n = g.length;
    double[][] a = new double[n][n + 1];
    for (int i = 0; i < n; i++) {
      System.arraycopy(h[i], 0, a[i], 0, n);
      a[i][n] = g[i];
    }
    for (int c = 0; c < n; c++) {
      int p = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(a[r][c]) > Math.abs(a[p][c])) {
          p = r;
        }
      }
      double[] tmp = a[c];
      a[c] = a[p];
      a[p] = tmp;
      for (int r = c + 1; r < n; r++) {
        double f = a[r][c] / a[c][c];
        for (int k = c; k <= n; k++) {
          a[r][k] -= f * a[c][k];
        }
      }
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = a[i][n];
      for (int k = i + 1; k < n; k++) {
        s -= a[i][k] * x[k];
      }
      x[i] = s / a[i][i];
    }
    return x;
  }
}
