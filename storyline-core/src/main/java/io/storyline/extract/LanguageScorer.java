package io.storyline.extract;

import java.util.Map;
import opennlp.tools.langdetect.LanguageDetectorFactory;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;

/**
 * The OpenNLP language-detection model's own maximum-entropy scores, computed from a compact copy of its
 * parameters instead of through {@code LanguageDetectorME}.
 *
 * <p>Why: on the readability pages {@code LanguageDetectorME.predictLanguages} cost about 0.5 ms a page (600
 * characters), a sixth of the HTML extraction. JFR execution samples of that call (one thread, opennlp-tools
 * 2.5.4): 48% building the context — one {@code CharBuffer} per character n-gram, counted in a {@code HashMap}
 * keyed by {@code CharBuffer} (hashing and {@code equals} through {@code BufferMismatch}), 5% of it the
 * normaliser regexes — and 47% predicting: a second {@code HashMap} of the same n-grams, one {@code String} per
 * n-gram, the model's {@code Map<String, Context>} look-up per n-gram and the sum over {@code Context} objects
 * scattered over a 33 MB heap. This class computes the same numbers with primitive arrays: on the METER texts
 * ({@code storyline bench extract-text}, one thread, shared development machine) detection costs 0.11–0.12 ms of
 * CPU and 5 KB a document instead of 0.55–0.77 ms and 245 KB. What is left: the dense rows (a sample of 600
 * characters uses about 513 predicates with 94 outcomes each on average: 48,000 additions), then the normalisation
 * passes that cannot be skipped and the n-gram look-ups.
 *
 * <p>Method, step for step what the library does (2.5.4: {@code DefaultLanguageDetectorContextGenerator},
 * {@code NGramCharModel}, {@code StringUtil.toLowerCaseCharBuffer}, {@code LanguageDetectorME.predict},
 * {@code GISModel.eval}, {@code UniformPrior}):
 * <ol>
 *   <li>normalise as the library's normalisers do, in the factory's order (emoji, URL and e-mail, Twitter tags
 *       and faces, digits, runs of spaces and of repeated characters): {@link LanguageNormalizer};
 *   <li>lower-case per code point ({@code Character.toLowerCase(int)}) into a buffer as long as the normalised
 *       text (a code point whose lower case is shorter leaves NUL characters at the end, which the library also
 *       n-grams; one whose lower case is longer makes the library fail, and this class declines);
 *   <li>every character n-gram of 1, 2 and 3 UTF-16 units, each counted once (the library's counts are all set to
 *       1): an n-gram is packed with its length into a {@code long}, looked up in an open-addressing table of the
 *       model's 145,895 predicates (all of 1 to 3 characters; an n-gram the model does not know adds nothing), and
 *       marked seen in a per-thread stamp array;
 *   <li>per outcome, the uniform log prior {@code log(1/103)} plus the weights of the predicates seen, then
 *       {@code StrictMath.exp} and division by the sum — {@code GISModel.eval} exactly. A predicate with fewer than
 *       {@value #DENSE} outcomes adds its weights at once; the others (9,485 predicates, 99% of those a news
 *       sample uses) are dense rows of 104 weights, added after the scan eight outcomes at a time in registers
 *       ({@link #addRows}).
 * </ol>
 * The one difference is the order in which each outcome's weights are added: the library's follows its
 * {@code HashMap}'s iteration order, this one the n-grams' first occurrence (sparse predicates, then dense rows). With |weight| at most 0.362 and at
 * most about 1,800 n-grams a sample, each sum is at most 650 in magnitude and the two orders differ by less than
 * 3e-10 in log space, so probabilities agree to a relative 1e-9: {@link LanguageIdentifier} asks the library
 * itself whenever its decision lies within a relative 1e-6 of a tie or of its threshold.
 *
 * <p>Memory: about 18 MB (dense rows 7.9 MB, the 612,360 sparse weights as doubles with outcome numbers as bytes
 * 5.5 MB, the predicate table 3.1 MB) on top of the library's model, which stays loaded for those close calls. Immutable and shared; each thread scores
 * with its own {@link Workspace}.
 */
final class LanguageScorer {

  private static final int MAX_GRAM = 3;
  /** Predicates with at least this many outcomes are stored as dense rows (9,485 of them, 99% of those used). */
  private static final int DENSE = 40;

  private final String[] outcomes;
  private final double logPrior;
  /** Open-addressing table: packed n-gram (never 0) and its predicate number. */
  private final long[] keys;
  private final int[] predicates;
  private final int mask;
  private final int shift;
  /**
   * Weights of predicate p with fewer than {@link #DENSE} outcomes: outcome numbers
   * {@code outcome[start[p] .. start[p + 1])} and their weights; of the others, row {@code row[p]} of
   * {@code rows}: {@link #width} weights, 0 for the outcomes the predicate has none for.
   */
  private final int[] start;
  private final byte[] outcome;
  private final double[] weight;
  private final int[] row;
  private final double[] rows;
  private final int width;

  private LanguageScorer(String[] outcomes, Map<String, Context> pmap) {
    this.outcomes = outcomes.clone();
    this.logPrior = StrictMath.log(1.0 / outcomes.length); // UniformPrior.setLabels
    int n = pmap.size();
    int size = Integer.highestOneBit(Math.max(4, n)) << 1; // load factor 0.56 for the 145,895 predicates
    this.keys = new long[size];
    this.predicates = new int[size];
    this.mask = size - 1;
    this.shift = Long.numberOfLeadingZeros(mask);
    this.start = new int[n + 1];
    this.row = new int[n];
    this.width = (outcomes.length + 7) & ~7; // whole vectors: the dense loop needs no tail
    int sparse = 0;
    int dense = 0;
    for (Context c : pmap.values()) {
      int k = c.getOutcomes().length;
      if (k >= DENSE) {
        dense++;
      } else {
        sparse += k;
      }
    }
    this.outcome = new byte[sparse];
    this.weight = new double[sparse];
    this.rows = new double[dense * width];
    int p = 0;
    int at = 0;
    int r = 0;
    for (Map.Entry<String, Context> e : pmap.entrySet()) {
      String gram = e.getKey();
      if (gram.isEmpty() || gram.length() > MAX_GRAM) {
        continue; // never equal to a 1- to 3-character n-gram: the library never adds it either
      }
      long key = pack(gram, 0, gram.length());
      int slot = slot(key);
      while (keys[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      keys[slot] = key;
      predicates[slot] = p;
      int[] os = e.getValue().getOutcomes();
      double[] ws = e.getValue().getParameters();
      start[p] = at;
      if (os.length >= DENSE) {
        row[p] = r;
        for (int i = 0; i < os.length; i++) {
          rows[r * width + os[i]] = ws[i];
        }
        r++;
      } else {
        row[p] = -1;
        for (int i = 0; i < os.length; i++) {
          outcome[at] = (byte) os[i];
          weight[at] = ws[i];
          at++;
        }
      }
      p++;
    }
    start[p] = at;
  }

  /**
   * The scorer for {@code model}, or {@code null} when the model is not of the form this class reproduces
   * (another factory or context generator, another kind of maximum-entropy model, more than 127 outcomes).
   */
  static LanguageScorer of(LanguageDetectorModel model) {
    if (model.getFactory().getClass() != LanguageDetectorFactory.class
        || !(model.getMaxentModel() instanceof GISModel gis)) {
      return null;
    }
    Object[] data = ((AbstractModel) gis).getDataStructures();
    if (data.length < 3 || !(data[1] instanceof Map<?, ?> map) || !(data[2] instanceof String[] labels)
        || labels.length == 0 || labels.length > Byte.MAX_VALUE) {
      return null;
    }
    @SuppressWarnings("unchecked")
    Map<String, Context> pmap = (Map<String, Context>) map;
    return new LanguageScorer(labels, pmap);
  }

  int outcomes() {
    return outcomes.length;
  }

  String outcome(int index) {
    return outcomes[index];
  }

  /** Per-thread scratch space: the lower-cased sample, stamps of predicates seen, sums and probabilities. */
  final class Workspace {
    private char[] chars = new char[1024];
    private int[] bases = new int[3 * 1024];
    private final int[] seen = new int[start.length - 1];
    private int stamp;
    /** Probability of each outcome, then 0 up to the row width. */
    final double[] probabilities = new double[width];
  }

  Workspace workspace() {
    return new Workspace();
  }

  /**
   * Fills {@code ws.probabilities} with the model's probability of each outcome for {@code text}, as
   * {@code LanguageDetectorME.predictLanguages} computes them (up to the summation order, see the class comment).
   * Returns false, leaving them undefined, when the library's lower-casing would fail on the text.
   */
  boolean score(String text, Workspace ws) {
    String normal = LanguageNormalizer.normalize(text);
    int length = normal.length();
    if (ws.chars.length < length) {
      ws.chars = new char[Math.max(length, ws.chars.length * 2)];
    }
    char[] low = ws.chars;
    int w = 0;
    for (int i = 0; i < length; ) {
      char c = normal.charAt(i);
      int lowerBmp;
      if (!Character.isSurrogate(c) && (lowerBmp = Character.toLowerCase((int) c)) <= Character.MAX_VALUE) {
        low[w++] = (char) lowerBmp;
        i++;
      } else {
        int cp = normal.codePointAt(i);
        int lower = Character.toLowerCase(cp);
        int count = Character.charCount(lower);
        if (w + count > length) {
          return false; // the library's buffer would overflow
        }
        Character.toChars(lower, low, w);
        w += count;
        i += Character.charCount(cp);
      }
    }
    for (; w < length; w++) {
      low[w] = 0; // CharBuffer.allocate's zeros, n-grammed by the library too
    }
    double[] sum = ws.probabilities;
    java.util.Arrays.fill(sum, logPrior); // the padding too: never read
    int stamp = ++ws.stamp;
    if (stamp == 0) {
      java.util.Arrays.fill(ws.seen, 0);
      stamp = ws.stamp = 1;
    }
    int[] seen = ws.seen;
    if (ws.bases.length < MAX_GRAM * length) {
      ws.bases = new int[MAX_GRAM * length];
    }
    int[] bases = ws.bases;
    int dense = 0;
    for (int n = 1; n <= MAX_GRAM; n++) {
      for (int i = 0; i + n <= length; i++) {
        int p = predicate(pack(low, i, n));
        if (p >= 0 && seen[p] != stamp) {
          seen[p] = stamp;
          int r = row[p];
          if (r >= 0) {
            bases[dense++] = r * width;
          } else {
            for (int j = start[p], end = start[p + 1]; j < end; j++) {
              sum[outcome[j]] += weight[j];
            }
          }
        }
      }
    }
    addRows(sum, bases, dense);
    int outcomes = this.outcomes.length;
    double normalizer = 0;
    for (int o = 0; o < outcomes; o++) {
      sum[o] = StrictMath.exp(sum[o]);
      normalizer += sum[o];
    }
    for (int o = 0; o < outcomes; o++) {
      sum[o] /= normalizer;
    }
    java.util.Arrays.fill(sum, outcomes, width, 0);
    return true;
  }

  /**
   * Adds the dense rows at {@code bases[0 .. count)}, eight outcomes at a time held in registers: each row's
   * weights are read once and no sum goes through memory per row (measured on the development machine, 513 rows
   * a sample: 27 µs against 40 µs row by row). Adding a row's 0 for an outcome leaves that sum unchanged.
   */
  private void addRows(double[] sum, int[] bases, int count) {
    double[] rows = this.rows;
    for (int o = 0; o < width; o += 8) {
      double s0 = sum[o];
      double s1 = sum[o + 1];
      double s2 = sum[o + 2];
      double s3 = sum[o + 3];
      double s4 = sum[o + 4];
      double s5 = sum[o + 5];
      double s6 = sum[o + 6];
      double s7 = sum[o + 7];
      for (int i = 0; i < count; i++) {
        int b = bases[i] + o;
        s0 += rows[b];
        s1 += rows[b + 1];
        s2 += rows[b + 2];
        s3 += rows[b + 3];
        s4 += rows[b + 4];
        s5 += rows[b + 5];
        s6 += rows[b + 6];
        s7 += rows[b + 7];
      }
      sum[o] = s0;
      sum[o + 1] = s1;
      sum[o + 2] = s2;
      sum[o + 3] = s3;
      sum[o + 4] = s4;
      sum[o + 5] = s5;
      sum[o + 6] = s6;
      sum[o + 7] = s7;
    }
  }

  private int predicate(long key) {
    int slot = slot(key);
    long k;
    while ((k = keys[slot]) != 0) {
      if (k == key) {
        return predicates[slot];
      }
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  private int slot(long key) {
    return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift); // Fibonacci hashing: the product's top bits
  }

  private static long pack(CharSequence s, int from, int n) {
    long key = (long) n << 48;
    for (int i = 0; i < n; i++) {
      key |= (long) s.charAt(from + i) << (32 - 16 * i);
    }
    return key;
  }

  private static long pack(char[] s, int from, int n) {
    long key = (long) n << 48;
    for (int i = 0; i < n; i++) {
      key |= (long) s[from + i] << (32 - 16 * i);
    }
    return key;
  }
}
