package io.storyline.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import opennlp.tools.util.normalizer.AggregateCharSequenceNormalizer;
import opennlp.tools.util.normalizer.CharSequenceNormalizer;
import opennlp.tools.util.normalizer.EmojiCharSequenceNormalizer;
import opennlp.tools.util.normalizer.NumberCharSequenceNormalizer;
import opennlp.tools.util.normalizer.ShrinkCharSequenceNormalizer;
import opennlp.tools.util.normalizer.TwitterCharSequenceNormalizer;
import opennlp.tools.util.normalizer.UrlCharSequenceNormalizer;
import org.junit.jupiter.api.Test;

/** {@link LanguageNormalizer} gives what OpenNLP's language-detector normalisers give, character for character. */
class LanguageNormalizerTest {

  /** The factory's normalisers in the factory's order (LanguageDetectorFactory.getContextGenerator, 2.5.4). */
  private static final CharSequenceNormalizer LIBRARY = new AggregateCharSequenceNormalizer(
      EmojiCharSequenceNormalizer.getInstance(), UrlCharSequenceNormalizer.getInstance(),
      TwitterCharSequenceNormalizer.getInstance(), NumberCharSequenceNormalizer.getInstance(),
      ShrinkCharSequenceNormalizer.getInstance());

  /** Characters the skipped passes look for, their neighbours, and characters around the emoji class's edges. */
  private static final String[] ALPHABET = {
      "a", "e", "i", "o", "u", "A", "E", "O", "h", "H", "j", "J", "r", "R", "t", "T", "x", "X", "d", "D", "p", "P",
      "b", "s", "k", "_", "1", "9", "0", "#", "@", ":", ";", "-", "(", ")", ".", "/", "?", "=", "&", "~", " ", " ",
      " ", "\t", "\n", "\r", "\f", "\u000B", "\u00A0", "\u2003", "é", "É", "ß", "ı", "İ", "ς", "Σ", "\u0663",
      "\u2014", "\u201C", "\uD7FF", "\uD800", "\uD83B", "\uD83C", "\uDC00", "\uDFFF", "\uE000", "\uFB01",
      "\uFF76", "\uFEFF", "\uD83D\uDE00", "\uDBFF\uDC00", "\uDBFF\uDC01", "\uDBFF\uDFFF", "\uD801\uDC00",
      "http://", "https://", "www.", "rt ", "RT:", "rt:", " rt ", "haha", "Hehe", "jajaja", "hahh", ":-)", ";)",
      "xD", "xp", ":-P", "...", "aaa", "aAa", "!!!", "--", "   ", "\n\n", "news@example.org", "#tag", "1999"};

  @Test
  void matchesTheLibraryOnNewsLikeText() {
    for (String text : new String[] {
        "SOCHI, Russia, Nov 26 (Reuters) - Russia said on Wednesday it would support President Bashar al-Assad.",
        "Russia Vows Support For Syria's Bashar Assad\n\nSOCHI, Russia, Nov 26 (Reuters) -- Russia said ...",
        "He expected the export of 1,200 tonnes... \"We can't,\" he said; xD :-) http://example.com/a?b=1 #tag",
        "Follow us @newsroom \u2014 RT: Breaking!!! Sooooo good hahaha",
        "", " ", "   a   ", "-", "\uD83D\uDE00"}) {
      assertThat(ours(text)).as(text).isEqualTo(library(text));
    }
  }

  @Test
  void matchesTheLibraryOnRandomStringsOfTheCharactersItTests() {
    long seed = System.nanoTime();
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder();
      int pieces = random.nextInt(1, 40);
      for (int k = 0; k < pieces; k++) {
        b.append(ALPHABET[random.nextInt(ALPHABET.length)]);
      }
      String text = b.toString();
      assertThat(ours(text)).as("seed %d, text [%s]", seed, text).isEqualTo(library(text));
    }
  }

  @Test
  void failsWhereTheLibraryFails() {
    // the JDK's case-insensitive back reference reads past the end after two equal supplementary characters
    // (U+10FC01 and above survive the emoji pass)
    String text = "ab \uDBFF\uDFFF\uDBFF\uDFFF";
    assertThat(library(text)).startsWith("throws java.lang.StringIndexOutOfBoundsException");
    assertThat(ours(text)).isEqualTo(library(text));
  }

  private static String ours(String text) {
    try {
      return LanguageNormalizer.normalize(text);
    } catch (RuntimeException e) {
      return "throws " + e.getClass().getName();
    }
  }

  private static String library(String text) {
    try {
      return LIBRARY.normalize(text).toString();
    } catch (RuntimeException e) {
      return "throws " + e.getClass().getName();
    }
  }
}
