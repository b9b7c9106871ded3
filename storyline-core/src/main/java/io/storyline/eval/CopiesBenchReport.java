package io.storyline.eval;

import io.storyline.copies.CopyIndex;
import java.util.List;
import java.util.Locale;

/**
 * What {@code storyline bench copies} measured.
 *
 * @param documents         documents indexed
 * @param threads           threads adding documents
 * @param cores             processors available to the JVM
 * @param seconds           wall time of indexing
 * @param cpuSeconds        process CPU time of indexing (all threads, GC included)
 * @param corpusBytes       size of the generated texts
 * @param queryP50Ms        median query latency with all documents indexed
 * @param queryP99Ms        99th percentile query latency
 * @param queryMaxMs        slowest query
 * @param queryP99CpuMs     99th percentile of the querying thread's CPU time per query (what the query itself
 *                          costs, without the time the thread waited for a core on a loaded machine)
 * @param queryGcMs         time the collector spent in collections during the queries
 * @param heapBytesPerDoc   heap after GC with the index minus before it, per document, without the bounded
 *                          source cache and the offsets of the texts (kept in a file)
 * @param indexBytesPerDoc  the index's own accounting of its arrays, per document
 * @param stats             the index's sizes
 * @param pairs             pair recall and precision, and SimHash against MinHash
 * @param sourceRecall      share of the copies whose original (or another copy of it) was among the sources of
 *                          a relation other than unique when they were added: exact, near, cut, and partial
 *                          copies taking 2, 3 and 4 paragraphs
 */
public record CopiesBenchReport(int documents, int threads, int cores, double seconds, double cpuSeconds,
    long corpusBytes, double queryP50Ms, double queryP99Ms, double queryMaxMs, double queryP99CpuMs,
    double queryGcMs, long heapBytesPerDoc,
    long indexBytesPerDoc, CopyIndex.Stats stats, Pairs pairs, double[] sourceRecall) {

  public CopiesBenchReport {
    sourceRecall = sourceRecall.clone();
  }

  @Override
  public double[] sourceRecall() {
    return sourceRecall.clone();
  }

  /** Documents indexed per second of wall time. */
  public double documentsPerSecond() {
    return documents / seconds;
  }

  /**
   * Quality on sampled pairs: 2,000 (copy, source) pairs of the generator and 2,000 random pairs; truth is
   * exact Jaccard resemblance of the 4-word shingle sets {@code >= 0.8}.
   */
  public record Pairs(int pairs, int nearDuplicates, double indexRecall, double indexPrecision,
      double indexPrecisionGenerated, double[] minHash32, double[] minHash128, double[] simHash3,
      double[] simHashBest, int simHashBestDistance, double minHashMicros, double simHashMicros) {

    static Pairs of(List<double[]> rows, double minHashMicros, double simHashMicros) {
      int truth = 0;
      int linked = 0;
      int linkedTrue = 0;
      int linkedGenerated = 0;
      for (double[] r : rows) {
        boolean t = r[0] >= 0.8;
        truth += t ? 1 : 0;
        if (r[1] > 0) {
          linked++;
          linkedTrue += t ? 1 : 0;
          linkedGenerated += r[2] > 0 ? 1 : 0;
        }
      }
      int linkedTruth = 0;
      for (double[] r : rows) {
        linkedTruth += r[0] >= 0.8 && r[1] > 0 ? 1 : 0;
      }
      double[] best = null;
      int bestD = 0;
      for (int d = 0; d <= 32; d++) {
        double[] prf = prf(rows, 5, d, true);
        if (best == null || prf[2] > best[2]) {
          best = prf;
          bestD = d;
        }
      }
      return new Pairs(rows.size(), truth, ratio(linkedTruth, truth), ratio(linkedTrue, linked),
          ratio(linkedGenerated, linked), prf(rows, 3, 0.8, false), prf(rows, 4, 0.8, false),
          prf(rows, 5, 3, true), best, bestD, minHashMicros, simHashMicros);
    }

    /** {precision, recall, F1} of "column >= t" (or "<= t" when {@code atMost}) against exact J >= 0.8. */
    private static double[] prf(List<double[]> rows, int column, double t, boolean atMost) {
      int tp = 0;
      int fp = 0;
      int fn = 0;
      for (double[] r : rows) {
        boolean truth = r[0] >= 0.8;
        boolean pred = atMost ? r[column] <= t : r[column] >= t;
        tp += truth && pred ? 1 : 0;
        fp += !truth && pred ? 1 : 0;
        fn += truth && !pred ? 1 : 0;
      }
      double p = ratio(tp, tp + fp);
      double rc = ratio(tp, tp + fn);
      return new double[] {p, rc, p + rc == 0 ? 0 : 2 * p * rc / (p + rc)};
    }

    private static double ratio(long a, long b) {
      return b == 0 ? 0 : (double) a / b;
    }
  }

  /** The report as printed. */
  public String format() {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "copy index benchmark: %,d synthetic documents (%,d MB of text), %d thread%s,"
        + " %d cores%n%n", documents, corpusBytes >> 20, threads, threads == 1 ? "" : "s", cores));
    s.append(String.format(Locale.ROOT, "end to end        %,.0f documents/s (%.1f s wall, %.1f s CPU: %,.0f documents "
        + "per CPU-second)%n", documentsPerSecond(), seconds, cpuSeconds, cpuSeconds > 0 ? documents / cpuSeconds : 0));
    s.append(String.format(Locale.ROOT, "query latency     p50 %.3f ms, p99 %.3f ms, max %.1f ms (%,d indexed);"
        + " thread CPU per query p99 %.3f ms; %.0f ms of GC during the queries%n",
        queryP50Ms, queryP99Ms, queryMaxMs, documents, queryP99CpuMs, queryGcMs));
    s.append(String.format(Locale.ROOT, "heap per document %d bytes measured (heap after GC with the index minus "
        + "before); %d bytes by the index's own count%n", heapBytesPerDoc, indexBytesPerDoc));
    s.append(String.format(Locale.ROOT, "  per document: columns %d, LSH %d, postings %d, relations %d, word "
        + "frequencies %d; plus %d for text offsets and a %d MB source cache%n",
        stats.documentBytes() / documents, stats.lshBytes() / documents, stats.postingBytes() / documents,
        stats.relationBytes() / documents, stats.frequencyBytes() / documents, stats.textStoreBytes() / documents,
        stats.cacheBytes() >> 20));
    s.append(String.format(Locale.ROOT, "original found   exact %.4f, near %.4f, cut %.4f, partial of 2 / 3 / 4 "
        + "paragraphs %.4f / %.4f / %.4f%n", sourceRecall[0], sourceRecall[1], sourceRecall[2], sourceRecall[3],
        sourceRecall[4], sourceRecall[5]));
    s.append(String.format(Locale.ROOT, "%npairs: %,d sampled (half copy-source, half random), %,d near-duplicates "
        + "(exact Jaccard >= 0.8)%n", pairs.pairs(), pairs.nearDuplicates()));
    s.append(String.format(Locale.ROOT, "copy index        recall %.3f   precision %.3f vs Jaccard >= 0.8, %.3f vs "
        + "generated copies%n", pairs.indexRecall(), pairs.indexPrecision(), pairs.indexPrecisionGenerated()));
    s.append(String.format(Locale.ROOT, "MinHash K=32      estimate >= 0.8: precision %.3f recall %.3f F1 %.3f "
        + "(%.1f us per document)%n", pairs.minHash32()[0], pairs.minHash32()[1], pairs.minHash32()[2],
        pairs.minHashMicros()));
    s.append(String.format(Locale.ROOT, "MinHash K=128     estimate >= 0.8: precision %.3f recall %.3f F1 %.3f%n",
        pairs.minHash128()[0], pairs.minHash128()[1], pairs.minHash128()[2]));
    s.append(String.format(Locale.ROOT, "SimHash 64 bits   distance <= 3:   precision %.3f recall %.3f F1 %.3f "
        + "(%.1f us per document)%n", pairs.simHash3()[0], pairs.simHash3()[1], pairs.simHash3()[2],
        pairs.simHashMicros()));
    s.append(String.format(Locale.ROOT, "                  best, <= %d:     precision %.3f recall %.3f F1 %.3f%n",
        pairs.simHashBestDistance(), pairs.simHashBest()[0], pairs.simHashBest()[1], pairs.simHashBest()[2]));
    return s.toString();
  }
}
