package io.storyline.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Story clustering quality of one run against gold stories.
 *
 * <p>B-cubed (Bagga and Baldwin 1998; Amigó et al. 2009): for each document, precision is the share of its
 * predicted cluster that shares its gold story and recall the share of its gold story inside its predicted cluster;
 * both averaged over documents, F1 their harmonic mean. ARI: adjusted Rand index (Hubert and Arabie 1985) from the
 * contingency table. Both are the measures used by Miranda et al. (2018) and SCStory (2023).
 *
 * @param documents     number of documents scored
 * @param precision     B-cubed precision
 * @param recall        B-cubed recall
 * @param f1            B-cubed F1
 * @param ari           adjusted Rand index
 * @param clusters      number of predicted clusters
 * @param goldClusters  number of gold stories
 */
public record StoriesScore(int documents, double precision, double recall, double f1, double ari, int clusters,
    int goldClusters) {

  public StoriesScore {
    if (documents < 0) {
      throw new IllegalArgumentException("documents must be >= 0, was " + documents);
    }
  }

  /** Scores predicted labels against gold labels, position by position. */
  public static StoriesScore of(List<String> predicted, List<String> gold) {
    if (predicted.size() != gold.size()) {
      throw new IllegalArgumentException("predicted has " + predicted.size() + " labels but gold has "
          + gold.size());
    }
    int n = predicted.size();
    if (n == 0) {
      return new StoriesScore(0, 0, 0, 0, 0, 0, 0);
    }
    Map<String, Integer> predSize = new HashMap<>();
    Map<String, Integer> goldSize = new HashMap<>();
    Map<String, Integer> both = new HashMap<>();
    for (int i = 0; i < n; i++) {
      predSize.merge(predicted.get(i), 1, Integer::sum);
      goldSize.merge(gold.get(i), 1, Integer::sum);
      both.merge(predicted.get(i) + "\u0000" + gold.get(i), 1, Integer::sum);
    }
    double p = 0;
    double r = 0;
    for (int i = 0; i < n; i++) {
      double overlap = both.get(predicted.get(i) + "\u0000" + gold.get(i));
      p += overlap / predSize.get(predicted.get(i));
      r += overlap / goldSize.get(gold.get(i));
    }
    p /= n;
    r /= n;
    double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
    double sumBoth = 0;
    for (int c : both.values()) {
      sumBoth += pairs(c);
    }
    double sumPred = 0;
    for (int c : predSize.values()) {
      sumPred += pairs(c);
    }
    double sumGold = 0;
    for (int c : goldSize.values()) {
      sumGold += pairs(c);
    }
    double expected = sumPred * sumGold / pairs(n);
    double max = (sumPred + sumGold) / 2;
    double ari = max == expected ? 1.0 : (sumBoth - expected) / (max - expected);
    return new StoriesScore(n, p, r, f1, ari, predSize.size(), goldSize.size());
  }

  private static double pairs(double k) {
    return k * (k - 1) / 2;
  }

  /** One line: "B-cubed P 0.912 R 0.881 F1 0.896  ARI 0.850  clusters 170 (gold 163)  documents 1056". */
  public String line() {
    return String.format(java.util.Locale.ROOT,
        "B-cubed P %.3f R %.3f F1 %.3f  ARI %.3f  clusters %d (gold %d)  documents %d",
        precision, recall, f1, ari, clusters, goldClusters, documents);
  }
}
