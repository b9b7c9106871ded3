package io.storyline.extract;

import java.io.IOException;
import java.io.InputStream;
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
 * <p>The 10 MB model is loaded once, lazily, on first use (holder idiom: thread-safe without locking); each thread
 * gets its own {@link LanguageDetectorME} over the shared, immutable model. Loading takes about 2 s on the
 * development machine, so an extractor that never sees text never pays it.
 *
 * <p>Decision: the first 600 characters of title and body are scored. Cost grows faster than the length (on the
 * METER texts, one thread of the shared development machine: about 1.9 ms a document at 1,000 characters, 1.2 ms
 * at 500); 600 characters (about 100 words) give the same answers on METER and the seeds. A language is
 * reported when the text has at least 30 letters and the best score is at least 1.5 times the second (scores
 * spread over 103 languages, so absolute values are small: 0.12 for a clear English sentence, 0.011 for "hello"). Codes without a two-letter form
 * (Cebuano, Waray, Low German, ...) give {@code null}.
 */
final class LanguageIdentifier {

  private static final String MODEL_RESOURCE = "/langdetect-183.bin";
  private static final int MAX_CHARS = 600;
  private static final int MIN_LETTERS = 30;
  private static final double MIN_RATIO = 1.5;

  private static final Map<String, String> ISO3_TO_1 = iso3To1();

  private static final class Holder {
    static final LanguageDetectorModel MODEL = load();
  }

  private static final ThreadLocal<LanguageDetectorME> DETECTOR = ThreadLocal.withInitial(
      () -> Holder.MODEL == null ? null : new LanguageDetectorME(Holder.MODEL));

  private LanguageIdentifier() {}

  /** ISO 639-1 code of {@code text}, or {@code null} when too short, ambiguous or the model is unavailable. */
  static String detect(String text) {
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
    if (letters < MIN_LETTERS) {
      return null;
    }
    LanguageDetectorME detector = DETECTOR.get();
    if (detector == null) {
      return null;
    }
    Language[] ranked = detector.predictLanguages(sample);
    if (ranked.length == 0) {
      return null;
    }
    if (ranked.length > 1 && ranked[0].getConfidence() < MIN_RATIO * ranked[1].getConfidence()) {
      return null;
    }
    return ISO3_TO_1.get(ranked[0].getLang());
  }

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
