package io.storyline.copies;

import io.storyline.fingerprint.Tokens;
import java.util.Arrays;

/**
 * Verification of candidates: how much of a document's text comes from its candidate sources, measured on the
 * words themselves (the index only proposes candidates).
 *
 * <p><b>Measures</b>, for a document {@code d} and sources {@code S}:
 * <ul>
 *   <li><i>containment</i> {@code |Sh(d) ∩ Sh(s)| / |Sh(d)|} and <i>resemblance</i> (Jaccard) on the index's
 *       k-word shingles (Broder 1997), per source: what the output reports.</li>
 *   <li><i>reused share</i>: the share of {@code d}'s words lying in a run of 3 or more consecutive words that
 *       also occurs in a source. This is the coverage that Greedy String Tiling with minimum match length 3
 *       measures (Wise 1993; used for METER by Clough et al. 2002), without the one-to-one tiling constraint, which
 *       changed macro-F1 on METER 1999 by less than 0.01.</li>
 *   <li><i>traced share</i>: the share of {@code d}'s words in sentences that trace back to one passage of a
 *       source (up to 5 consecutive sentences): at least half of the sentence's content words, weighted by rarity
 *       ({@code ln((N+100)/(df+1))}), occur in that passage. Rewriting changes word order and function words and
 *       merges or splits sentences, but keeps names, numbers and most content words; a sentence a journalist wrote
 *       anew has no such counterpart. On METER 1999, passages of 1, 2, 3, 5 and 8 sentences gave macro-F1 0.63,
 *       0.68, 0.69, 0.71 and 0.70.</li>
 * </ul>
 *
 * <p><b>Classification</b> of {@code d} against the union of its sources is {@link Derivation}'s: derived when
 * the reused share clears a threshold that grows with the reused words, wholly derived ({@code near}) when the
 * traced share also clears one that moves with the length ratio to the main source. Sources sharing less than 3%
 * of either text's 3-word runs are dropped first, so that common phrases of unrelated texts do not add up.
 * A traced share is computed for one source alone, or backwards, only where a relation can depend on it.
 */
final class Reuse {
  static final double KEEP = 0.03;
  static final double SENTENCE_TRACED = 0.5;
  /** Consecutive source sentences a document sentence may be traced to (journalists merge and split sentences). */
  static final int PASSAGE = 5;

  private Reuse() {}

  /** Measures of {@code d} against one source, both ways. */
  static final class Pair {
    int index;
    double containment;
    double reverseContainment;
    double resemblance;
    boolean exact;
    double reused;
    double reverseReused;
    double traced;
    double reverseTraced;
    /** Words of the source. */
    int sourceWords;
  }

  /** Measures of {@code d} against all kept sources. */
  static final class Outcome {
    Pair[] sources = new Pair[0];
    double reused;
    double traced;
    /** Words of the document. */
    int words;

    /** What {@link Derivation} reads: the shares against all sources, the source reused most. */
    Derivation.Evidence evidence() {
      Pair best = null;
      for (Pair p : sources) {
        if (best == null || p.reused > best.reused) {
          best = p;
        }
      }
      return best == null ? Derivation.Evidence.none(words)
          : new Derivation.Evidence(reused, traced, words, best.sourceWords);
    }
  }

  /**
   * Verifies {@code d} against {@code candidates}; the kept ones come back in {@link Outcome#sources}. Traced
   * shares of one source alone, and the reverse ones, are computed only where a relation may depend on them
   * (the pair is derived, and a traced share could make it wholly derived); elsewhere they are 0.
   *
   * <p><b>Cost.</b> {@code d} is tabled once ({@link Analysis#prepare}: its distinct shingles, 3-word runs and
   * content words, numbered); each source is then read in one pass over its tokens, a hash-table lookup per
   * shingle, run and content word, marking what it shares with {@code d} in arrays indexed by those numbers.
   * Nothing of the source is tabled, and an exact copy's (same normalised hash) set measures are {@code d}'s own.
   * The values are those of the set definitions above, computed another way.
   */
  static Outcome verify(Analysis d, SourceText[] candidates, int count, DfTable df, Derivation rule) {
    Outcome o = new Outcome();
    o.words = d.tokens.size();
    if (count == 0) {
      return o;
    }
    d.prepareRuns();
    Pair[] kept = new Pair[count];
    Tokens[] keptTokens = new Tokens[count];
    int m = 0;
    int nd = 0;
    int[] shingleMark = null;
    int[] runMark = new int[d.distinctRuns()];
    boolean[] runInKept = new boolean[d.distinctRuns()];
    for (int c = 0; c < count; c++) {
      SourceText s = candidates[c];
      boolean exact = s.sameText(d.fingerprint.normalizedHash(), d.tokens.size());
      int stamp = c + 1;
      double reverseReused = exact ? 1 : runsOf(d, s.tokens, runMark, stamp);
      int runs = exact ? d.distinctRuns() : count(runMark, stamp);
      if (!exact && (runs == 0 || share(runs, d.distinctRuns()) < KEEP
          && share(runs, s.distinctRuns(d.fp)) < KEEP)) { // the source's set size only when it decides
        continue;
      }
      if (shingleMark == null) { // the first kept candidate: the other tables are needed now
        d.prepare();
        nd = d.distinctShingles();
        shingleMark = new int[nd];
      }
      int common = exact ? nd : commonShingles(d, s.tokens, shingleMark, stamp);
      int ns = s.distinctShingles(d.fp);
      Pair p = new Pair();
      p.index = c;
      p.exact = exact;
      p.containment = share(common, nd);
      p.reverseContainment = share(common, ns);
      p.resemblance = share(common, nd + ns - common);
      p.sourceWords = s.tokens.size();
      p.reused = exact ? 1 : coverage(d, runMark, stamp, runInKept);
      p.reverseReused = reverseReused;
      if (exact) {
        Arrays.fill(runInKept, true);
      }
      keptTokens[m] = s.tokens; // an exact copy's own sentences: its punctuation may split them otherwise
      kept[m++] = p;
    }
    o.sources = Arrays.copyOf(kept, m);
    if (m == 0) {
      return o;
    }
    double[] perSource = new double[m];
    o.traced = traced(d, keptTokens, m, df, perSource);
    o.reused = coverage(d, runInKept);
    for (int i = 0; i < m; i++) {
      Pair p = o.sources[i];
      p.traced = p.exact ? 1 : perSource[i];
      boolean forwardNear = nearPair(rule, p.reused, p.traced, o.words, p.sourceWords);
      if (p.exact) {
        p.reverseTraced = 1;
      } else if (!forwardNear && rule.derived(p.reused, o.words)
          && nearPair(rule, p.reverseReused, 1, p.sourceWords, o.words)) {
        Analysis reverse = Analysis.of(d.fp, keptTokens[i]); // only when it can matter
        p.reverseTraced = traced(reverse, new Tokens[] {d.tokens}, 1, df, null);
      }
    }
    return o;
  }

  /**
   * Marks with {@code stamp} the runs of {@code d} that occur in {@code s}, and returns the share of {@code s}'s
   * words inside a run that occurs in {@code d} (the reverse reused share).
   */
  private static double runsOf(Analysis d, Tokens s, int[] runMark, int stamp) {
    int n = s.size();
    int covered = 0;
    int coveredUntil = 0; // tokens before this index are already counted
    for (int i = 0; i + Analysis.RUN <= n; i++) {
      int id = d.runId(d.fp.shingleAt(s, i, Analysis.RUN));
      if (id >= 0) {
        runMark[id] = stamp;
        int from = Math.max(i, coveredUntil);
        int to = i + Analysis.RUN;
        covered += to - from;
        coveredUntil = to;
      }
    }
    return n < Analysis.RUN ? 0 : (double) covered / n;
  }

  /** How many distinct shingles {@code d} and {@code s} share. */
  private static int commonShingles(Analysis d, Tokens s, int[] shingleMark, int stamp) {
    int k = d.fp.shingleSize();
    int common = 0;
    for (int i = 0; i + k <= s.size(); i++) {
      int id = d.shingleId(d.fp.shingleAt(s, i, k));
      if (id >= 0 && shingleMark[id] != stamp) {
        shingleMark[id] = stamp;
        common++;
      }
    }
    return common;
  }

  private static int count(int[] marks, int stamp) {
    int n = 0;
    for (int v : marks) {
      n += v == stamp ? 1 : 0;
    }
    return n;
  }

  /**
   * Share of {@code d}'s words inside a 3-word run marked with {@code stamp} (found in one source), and adds
   * those runs to {@code inKept}.
   */
  private static double coverage(Analysis d, int[] runMark, int stamp, boolean[] inKept) {
    int covered = 0;
    int coveredUntil = 0;
    for (int i = 0; i < d.runPositions(); i++) {
      int id = d.runIdAt(i);
      if (runMark[id] == stamp) {
        inKept[id] = true;
        int from = Math.max(i, coveredUntil);
        int to = i + Analysis.RUN;
        covered += to - from;
        coveredUntil = to;
      }
    }
    return d.runPositions() == 0 ? 0 : (double) covered / d.tokens.size();
  }

  /** Share of {@code d}'s words inside a 3-word run found in one of the kept sources. */
  private static double coverage(Analysis d, boolean[] inKept) {
    int covered = 0;
    int coveredUntil = 0;
    for (int i = 0; i < d.runPositions(); i++) {
      if (inKept[d.runIdAt(i)]) {
        int from = Math.max(i, coveredUntil);
        int to = i + Analysis.RUN;
        covered += to - from;
        coveredUntil = to;
      }
    }
    return d.runPositions() == 0 ? 0 : (double) covered / d.tokens.size();
  }

  /** The relation of a document to its verified sources: exact, near (wholly derived), partial or unique. */
  static Relation relation(Outcome o, Derivation rule) {
    for (Pair p : o.sources) {
      if (p.exact) {
        return Relation.EXACT;
      }
    }
    return rule.relation(o.evidence());
  }

  /** Whether a text of {@code words} words is wholly derived from one source of {@code sourceWords} words. */
  private static boolean nearPair(Derivation rule, double reused, double traced, int words, int sourceWords) {
    return rule.derived(reused, words) && rule.wholly(traced, words, sourceWords);
  }

  /**
   * The {@link EdgeList} flags of each kept source of a document whose relation is {@code r}: exact, near either
   * way (the source may be a cut version of the document), partial either way; a document wholly derived from
   * several sources together joins the one it reuses most; every source contributing to a derivation is partial.
   */
  static int[] linkFlags(Outcome o, Relation r, Derivation rule) {
    Pair best = null;
    boolean pairNear = false;
    int[] flags = new int[o.sources.length];
    for (int i = 0; i < flags.length; i++) {
      Pair p = o.sources[i];
      int f = p.exact ? EdgeList.EXACT : 0;
      boolean forward = rule.derived(p.reused, o.words);
      if (forward && rule.wholly(p.traced, o.words, p.sourceWords)) {
        f |= EdgeList.A_NEAR_B;
      }
      if (forward && nearPair(rule, p.reverseReused, p.reverseTraced, p.sourceWords, o.words)) {
        f |= EdgeList.B_NEAR_A; // the source is a cut version of this document
      }
      if (forward) {
        f |= EdgeList.A_PARTIAL_B;
      }
      if (rule.derived(p.reverseReused, p.sourceWords)) {
        f |= EdgeList.B_PARTIAL_A;
      }
      pairNear |= (f & EdgeList.JOINS) != 0;
      if (best == null || p.reused > best.reused) {
        best = p;
      }
      flags[i] = f;
    }
    for (int i = 0; i < flags.length; i++) {
      Pair p = o.sources[i];
      if (p == best && r == Relation.NEAR && !pairNear) {
        flags[i] |= EdgeList.A_NEAR_B; // wholly derived from several sources together: joins the main one
      }
      if ((r == Relation.NEAR || r == Relation.PARTIAL) && p.reused >= KEEP) {
        flags[i] |= EdgeList.A_PARTIAL_B; // contributes to a derivation from several sources
      }
    }
    return flags;
  }

  /**
   * Share of {@code d}'s words in sentences traced to a passage of one of the sources; when {@code perSource}
   * is given it receives the same share counting each source alone.
   */
  static double traced(Analysis d, Tokens[] sources, int m, DfTable df, double[] perSource) {
    d.prepare();
    Tokens t = d.tokens;
    Occurrences[] occ = new Occurrences[m];
    double[][] acc = new double[m][];
    int[][] touched = new int[m][];
    for (int s = 0; s < m; s++) {
      occ[s] = new Occurrences(d, sources[s]);
      int windows = Math.max(1, sources[s].sentenceCount() - PASSAGE + 1);
      acc[s] = new double[windows];
      touched[s] = new int[windows];
    }
    int[] seenIn = new int[d.wordCount()];
    Arrays.fill(seenIn, -1);
    double logN = df.logDocuments();
    double[] idfOf = new double[d.wordCount()];
    for (int id = 0; id < idfOf.length; id++) { // independent lookups in one loop: their cache misses overlap
      idfOf[id] = df.idf(d.wordHash(id), logN);
    }
    int[] words = new int[64];
    double[] idf = new double[64];
    long countedTokens = 0;
    long tracedTokens = 0;
    long[] perSourceTokens = new long[m];
    for (int k = 0; k < t.sentenceCount(); k++) {
      int start = t.sentenceStart(k);
      int end = t.sentenceEnd(k);
      int n = 0;
      double weight = 0;
      for (int i = start; i < end; i++) {
        if (!t.isContent(i)) {
          continue;
        }
        int id = d.wordId(t.hash(i));
        if (seenIn[id] == k) {
          continue; // each word once per sentence
        }
        seenIn[id] = k;
        if (n == words.length) {
          words = Arrays.copyOf(words, n * 2);
          idf = Arrays.copyOf(idf, n * 2);
        }
        words[n] = id;
        idf[n] = idfOf[id];
        weight += idf[n];
        n++;
      }
      if (weight <= 0) {
        continue; // no content words: says nothing either way
      }
      countedTokens += end - start;
      boolean any = false;
      for (int s = 0; s < m; s++) {
        double best = bestPassage(words, idf, n, occ[s], acc[s], touched[s]) / weight;
        if (best >= SENTENCE_TRACED) {
          perSourceTokens[s] += end - start;
          any = true;
        }
      }
      if (any) {
        tracedTokens += end - start;
      }
    }
    if (perSource != null) {
      for (int s = 0; s < m; s++) {
        perSource[s] = share(perSourceTokens[s], countedTokens);
      }
    }
    return share(tracedTokens, countedTokens);
  }

  /**
   * Where the content words of {@code d} occur in a source, by sentence: for each of {@code d}'s word numbers
   * the source's sentences holding it, in increasing order, as a linked list. Built in one pass over the source's
   * tokens; words of the source that {@code d} lacks are skipped.
   */
  private static final class Occurrences {
    final int[] first;
    final int[] next;
    final int[] sentence;

    Occurrences(Analysis d, Tokens s) {
      int words = d.wordCount();
      first = new int[words];
      Arrays.fill(first, -1);
      int[] last = new int[words];
      int[] lastSentence = new int[words];
      Arrays.fill(lastSentence, -1);
      int[] occSentence = new int[Math.max(8, s.size())];
      int[] occNext = new int[occSentence.length];
      int occ = 0;
      for (int k = 0; k < s.sentenceCount(); k++) {
        for (int i = s.sentenceStart(k), end = s.sentenceEnd(k); i < end; i++) {
          if (!s.isContent(i)) {
            continue;
          }
          int id = d.wordId(s.hash(i));
          if (id < 0 || lastSentence[id] == k) {
            continue; // not a word of d, or already counted in this sentence
          }
          lastSentence[id] = k;
          occSentence[occ] = k;
          occNext[occ] = -1;
          if (first[id] < 0) {
            first[id] = occ;
          } else {
            occNext[last[id]] = occ;
          }
          last[id] = occ;
          occ++;
        }
      }
      next = occNext;
      sentence = occSentence;
    }
  }

  /**
   * The largest weight of a sentence's words found in one passage (window of {@link #PASSAGE} consecutive
   * sentences) of a source. A word counts once per window however many of its sentences hold it: walking the
   * word's sentences in order, each occurrence credits only the windows the previous one did not reach.
   */
  private static double bestPassage(int[] words, double[] idf, int n, Occurrences source, double[] acc,
      int[] touched) {
    int windows = acc.length;
    int nTouched = 0;
    for (int i = 0; i < n; i++) {
      int first = source.first[words[i]];
      if (first < 0) {
        continue;
      }
      double w = idf[i] > 0 ? idf[i] : Double.MIN_VALUE; // keeps a zero-weight window marked as touched
      int covered = -1;
      for (int o = first; o >= 0; o = source.next[o]) {
        int t = source.sentence[o];
        int last = Math.min(t, windows - 1);
        for (int g = Math.max(Math.max(covered + 1, t - PASSAGE + 1), 0); g <= last; g++) {
          if (acc[g] == 0) {
            touched[nTouched++] = g;
          }
          acc[g] += w;
        }
        covered = Math.max(covered, last);
      }
    }
    double best = 0;
    for (int j = 0; j < nTouched; j++) {
      best = Math.max(best, acc[touched[j]]);
      acc[touched[j]] = 0;
    }
    return best;
  }

  private static double share(long part, long whole) {
    return whole <= 0 ? 0 : Math.min(1.0, (double) part / whole);
  }
}
