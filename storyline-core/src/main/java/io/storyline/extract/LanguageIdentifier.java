package io.storyline.extract;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Language of a text with the Apache OpenNLP language-detection model ({@code opennlp-models-langdetect} 1.3.0:
 * character n-gram maximum-entropy model over 103 languages, Leipzig corpora), answered as ISO 639-1.
 *
 * <p>The 10 MB model is loaded once, lazily, on first use (holder idiom: thread-safe without locking), with a
 * compact copy of its weights ({@link LanguageScorer}) that computes the model's probabilities five to seven
 * times faster than {@link LanguageDetectorME} ({@code storyline bench extract-text} on METER, one thread of the
 * shared development machine: 0.11–0.12 ms of CPU a document instead of 0.55–0.77 ms; JFR of
 * {@code storyline bench extract}: 4% of the default HTML configuration's time instead of 13%). Its answers are the library's: the same probabilities to a relative 1e-9 (only the order
 * of additions differs), checked against the library on four probe sentences at load (else the library is used)
 * and on every METER text and readability page in {@code LanguageScorerTest}; a decision within a relative 1e-6 of
 * a tie or of the threshold below goes to the library's own {@link LanguageDetectorME} (one per thread). Loading
 * takes about 2 s on the development machine, so an extractor that never sees text never pays it.
 *
 * <p>Decision: the first 600 characters of title and body are scored. Cost grows faster than the length (on the
 * METER texts, one thread of the shared development machine: about 1.9 ms a document at 1,000 characters, 1.2 ms
 * at 500); 600 characters (about 100 words) give the same answers on METER and the seeds. A language is
 * reported when the text has at least 30 letters and the best score is at least 1.5 times the second (scores
 * spread over 103 languages, so absolute values are small: 0.12 for a clear English sentence, 0.011 for
 * "hello"). Codes without a two-letter form (Cebuano, Waray, Low German, ...) give {@code null}.
 */
final class LanguageIdentifier {

  private static final String MODEL_RESOURCE = "/langdetect-183.bin";
  private static final int MAX_CHARS = 600;
  private static final int MIN_LETTERS = 30;
  private static final double MIN_RATIO = 1.5;

  private static final Map<String, String> ISO3_TO_1 = iso3To1();

  /** Relative distance to a tie or to {@link #MIN_RATIO} within which the library itself decides. */
  private static final double CLOSE_CALL = 1e-6;

  /** No language: the best is not {@link #MIN_RATIO} times the second. */
  private static final int NONE = -1;
  /** A decision within {@link #CLOSE_CALL} of a tie or of the threshold: the library decides. */
  private static final int CLOSE = -2;

  private static final class Holder {
    static final LanguageDetectorModel MODEL = load();
    static final LanguageScorer SCORER = MODEL == null ? null : checked(LanguageScorer.of(MODEL), MODEL);
  }

  private static final ThreadLocal<LanguageDetectorME> DETECTOR = ThreadLocal.withInitial(
      () -> Holder.MODEL == null ? null : new LanguageDetectorME(Holder.MODEL));

  private static final ThreadLocal<LanguageScorer.Workspace> WORKSPACE = ThreadLocal.withInitial(
      () -> Holder.SCORER == null ? null : Holder.SCORER.workspace());

  private LanguageIdentifier() {}

  /**
   * ISO 639-1 code of {@code text}, or {@code null} when too short, ambiguous, the model is unavailable or the
   * library fails on the text (the JDK's regular expressions can, on rare supplementary characters).
   */
  static String detect(String text) {
    String sample = sample(text);
    if (sample == null) {
      return null;
    }
    try {
      LanguageScorer.Workspace ws = WORKSPACE.get();
      if (ws != null && Holder.SCORER.score(sample, ws)) {
        int best = best(Holder.SCORER.outcomes(), ws.probabilities);
        if (best != CLOSE) {
          return best == NONE ? null : ISO3_TO_1.get(Holder.SCORER.outcome(best));
        }
      }
      LanguageDetectorME detector = DETECTOR.get();
      return detector == null ? null : decide(detector.predictLanguages(sample));
    } catch (RuntimeException e) {
      return null; // a language is a hint: bad characters must not cost the article
    }
  }

  /**
   * The outcome {@link #decide(Language[])} would answer for the probabilities {@code p[0 .. outcomes)},
   * {@link #NONE} or {@link #CLOSE}.
   */
  private static int best(int outcomes, double[] p) {
    int best = 0;
    for (int o = 1; o < outcomes; o++) {
      best = p[o] > p[best] ? o : best; // first of equals, as the library's stable sort
    }
    int second = -1;
    for (int o = 0; o < outcomes; o++) {
      second = o != best && (second < 0 || p[o] > p[second]) ? o : second;
    }
    double first = p[best];
    double next = second < 0 ? 0 : p[second];
    if (first - next <= CLOSE_CALL * first || Math.abs(first - MIN_RATIO * next) <= CLOSE_CALL * first) {
      return CLOSE;
    }
    return first < MIN_RATIO * next ? NONE : best;
  }

  /** The text scored: its first {@link #MAX_CHARS} characters, or {@code null} when they hold too few letters. */
  static String sample(String text) {
    if (text == null) {
      return null;
    }
    String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    int letters = 0;
    for (int i = 0; i < sample.length() && letters < MIN_LETTERS; i++) {
      if (Character.isLetter(sample.charAt(i))) {
        letters++;
      }
    }
    return letters < MIN_LETTERS ? null : sample;
  }

  /** The ISO 639-1 answer for the library's ranked languages. */
  static String decide(Language[] ranked) {
    if (ranked.length == 0) {
      return null;
    }
    if (ranked.length > 1 && ranked[0].getConfidence() < MIN_RATIO * ranked[1].getConfidence()) {
      return null;
    }
    return ISO3_TO_1.get(ranked[0].getLang());
  }

  /** The scorer's ranked languages for {@code sample} (for tests), or {@code null} without it. */
  static Language[] rankedByScorer(String sample) {
    LanguageScorer.Workspace ws = WORKSPACE.get();
    return ws == null ? null : ranked(Holder.SCORER, sample, ws);
  }

  /** The library's ranked languages for {@code sample} (for tests), or {@code null} without the model. */
  static Language[] rankedByLibrary(String sample) {
    LanguageDetectorME detector = DETECTOR.get();
    return detector == null ? null : detector.predictLanguages(sample);
  }

  private static Language[] ranked(LanguageScorer scorer, String sample, LanguageScorer.Workspace ws) {
    if (!scorer.score(sample, ws)) {
      return null;
    }
    Language[] ranked = new Language[scorer.outcomes()];
    for (int o = 0; o < ranked.length; o++) {
      ranked[o] = new Language(scorer.outcome(o), ws.probabilities[o]);
    }
    Arrays.sort(ranked, (a, b) -> Double.compare(b.getConfidence(), a.getConfidence()));
    return ranked;
  }

  /**
   * {@code scorer} when it agrees with the library on a few sentences of different scripts (a guard against
   * another opennlp-tools version computing the context differently), else {@code null}: the library decides.
   */
  private static LanguageScorer checked(LanguageScorer scorer, LanguageDetectorModel model) {
    if (scorer == null) {
      return null;
    }
    LanguageDetectorME library = new LanguageDetectorME(model);
    LanguageScorer.Workspace ws = scorer.workspace();
    for (String probe : PROBES) {
      Language[] expected = library.predictLanguages(probe);
      Language[] actual = ranked(scorer, probe, ws);
      if (actual == null || actual.length != expected.length) {
        return null;
      }
      for (int i = 0; i < 3; i++) {
        double e = expected[i].getConfidence();
        if (!actual[i].getLang().equals(expected[i].getLang())
            || Math.abs(actual[i].getConfidence() - e) > CLOSE_CALL * e) {
          return null;
        }
      }
    }
    return scorer;
  }

  private static final String[] PROBES = {
      "The council said on Tuesday that its plan for the harbour would go ahead, see https://example.com/a?b=1 :-)",
      "Die Bundesregierung hat am Mittwoch 2016 angekündigt, die Steuern für kleine Unternehmen zu senken!!!",
      "Правительство объявило в среду, что снизит налоги для малого бизнеса #news @user",
      "İstanbul'da yaşayan ΑΘΗΝΑ 東京 مرحبا hahaha   \uD83D\uDE00 x"};

  private static LanguageDetectorModel load() {
    try (InputStream in = LanguageIdentifier.class.getResourceAsStream(MODEL_RESOURCE)) {
      if (in == null) {
        return null;
      }
      return new LanguageDetectorModel(in);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static Map<String, String> iso3To1() {
    Map<String, String> map = new HashMap<>();
    for (String two : Locale.getISOLanguages()) {
      try {
        map.put(new Locale(two).getISO3Language(), two);
      } catch (MissingResourceException e) {
        // no three-letter form known to this JDK: not in the model's vocabulary either
      }
    }
    // individual languages the model names by their ISO 639-3 code, whose macrolanguage has a two-letter code
    map.put("cmn", "zh");
    map.put("pes", "fa");
    map.put("lvs", "lv");
    map.put("ekk", "et");
    map.put("pnb", "pa");
    map.put("plt", "mg");
    map.put("zsm", "ms");
    map.put("swh", "sw");
    map.put("azj", "az");
    map.put("uzn", "uz");
    return Map.copyOf(map);
  }
}
