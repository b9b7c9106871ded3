package io.storyline.extract;

import java.util.Map;
import opennlp.tools.langdetect.LanguageDetectorFactory;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.util.normalizer.AggregateCharSequenceNormalizer;
import opennlp.tools.util.normalizer.CharSequenceNormalizer;
import opennlp.tools.util.normalizer.EmojiCharSequenceNormalizer;
import opennlp.tools.util.normalizer.NumberCharSequenceNormalizer;
import opennlp.tools.util.normalizer.ShrinkCharSequenceNormalizer;
import opennlp.tools.util.normalizer.TwitterCharSequenceNormalizer;
import opennlp.tools.util.normalizer.UrlCharSequenceNormalizer;

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
 * scattered over a 33 MB heap. This class computes the same numbers with primitive arrays: about 30 µs instead of
 * 500 µs a sample on the development machine (see {@link LanguageIdentifier} for the measured rates).
 *
 * <p>Method, step for step what the library does (2.5.4: {@code DefaultLanguageDetectorContextGenerator},
 * {@code NGramCharModel}, {@code StringUtil.toLowerCaseCharBuffer}, {@code LanguageDetectorME.predict},
 * {@code GISModel.eval}, {@code UniformPrior}):
 * <ol>
 *   <li>normalise with the library's own normalisers, in the factory's order (emoji, URL and e-mail, Twitter tags
 *       and faces, digits, runs of spaces and of repeated characters);
 *   <li>lower-case per code point ({@code Character.toLowerCase(int)}) into a buffer as long as the normalised
 *       text (a code point whose lower case is shorter leaves NUL characters at the end, which the library also
 *       n-grams; one whose lower case is longer makes the library fail, and this class declines);
 *   <li>every character n-gram of 1, 2 and 3 UTF-16 units, each counted once (the library's counts are all set to
 *       1): an n-gram is packed with its length into a {@code long}, looked up in an open-addressing table of the
 *       model's 145,895 predicates (all of 1 to 3 characters; an n-gram the model does not know adds nothing), and
 *       marked seen in a per-thread stamp array;
 *   <li>per outcome, the uniform log prior {@code log(1/103)} plus the weights of the predicates seen, then
 *       {@code StrictMath.exp} and division by the sum — {@code GISModel.eval} exactly.
 * </ol>
 * The one difference is the order in which each outcome's weights are added: the library's follows its
 * {@code HashMap}'s iteration order, this one the n-grams' first occurrence. With |weight| at most 0.362 and at
 * most about 1,800 n-grams a sample, each sum is at most 650 in magnitude and the two orders differ by less than
 * 3e-10 in log space, so probabilities agree to a relative 1e-9: {@link LanguageIdentifier} asks the library
 * itself whenever its decision lies within a relative 1e-6 of a tie or of its threshold.
 *
 * <p>Memory: 15 MB (weights as doubles, 1.27 million of them, outcome numbers as bytes, the predicate table) on
 * top of the library's model, which stays loaded for those close calls. Immutable and shared; each thread scores
 * with its own {@link Workspace}.
 */
final class LanguageScorer {

  private static final int MAX_GRAM = 3;

  private final CharSequenceNormalizer normalizer = new AggregateCharSequenceNormalizer(
      EmojiCharSequenceNormalizer.getInstance(), UrlCharSequenceNormalizer.getInstance(),
      TwitterCharSequenceNormalizer.getInstance(), NumberCharSequenceNormalizer.getInstance(),
      ShrinkCharSequenceNormalizer.getInstance());
  private final String[] outcomes;
  private final double logPrior;
  /** Open-addressing table: packed n-gram (never 0) and its predicate number. */
  private final long[] keys;
  private final int[] predicates;
  private final int mask;
  private final int shift;
  /** Weights of predicate p: outcome numbers {@code outcome[start[p] .. start[p + 1])} and their weights. */
  private final int[] start;
  private final byte[] outcome;
  private final double[] weight;

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
    int total = 0;
    for (Context c : pmap.values()) {
      total += c.getOutcomes().length;
    }
    this.outcome = new byte[total];
    this.weight = new double[total];
    int p = 0;
    int at = 0;
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
      for (int i = 0; i < os.length; i++) {
        outcome[at] = (byte) os[i];
        weight[at] = ws[i];
        at++;
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
    private final int[] seen = new int[start.length - 1];
    private int stamp;
    final double[] probabilities = new double[outcomes.length];
  }

  Workspace workspace() {
    return new Workspace();
  }

  /**
   * Fills {@code ws.probabilities} with the model's probability of each outcome for {@code text}, as
   * {@code LanguageDetectorME.predictLanguages} computes them (up to the summation order, see the class comment).
   * Returns false, leaving them undefined, when the library's lower-casing would fail on the text.
   */
  boolean score(CharSequence text, Workspace ws) {
    String normal = normalizer.normalize(text).toString();
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
    java.util.Arrays.fill(sum, logPrior);
    int stamp = ++ws.stamp;
    if (stamp == 0) {
      java.util.Arrays.fill(ws.seen, 0);
      stamp = ws.stamp = 1;
    }
    int[] seen = ws.seen;
    for (int n = 1; n <= MAX_GRAM; n++) {
      for (int i = 0; i + n <= length; i++) {
        int p = predicate(pack(low, i, n));
        if (p >= 0 && seen[p] != stamp) {
          seen[p] = stamp;
          for (int j = start[p], end = start[p + 1]; j < end; j++) {
            sum[outcome[j]] += weight[j];
          }
        }
      }
    }
    double normalizer = 0;
    for (int o = 0; o < sum.length; o++) {
      sum[o] = StrictMath.exp(sum[o]);
      normalizer += sum[o];
    }
    for (int o = 0; o < sum.length; o++) {
      sum[o] /= normalizer;
    }
    return true;
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
