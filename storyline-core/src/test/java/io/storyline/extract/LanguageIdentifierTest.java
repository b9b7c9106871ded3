package io.storyline.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LanguageIdentifierTest {

  private static final String EN = "The government announced on Wednesday that it would cut taxes for small "
      + "businesses and invest more money in schools and hospitals across the country.";
  private static final String DE = "Die Bundesregierung hat am Mittwoch angekündigt, die Steuern für kleine "
      + "Unternehmen zu senken und mehr Geld in Schulen und Krankenhäuser im ganzen Land zu investieren.";
  private static final String FR = "Le gouvernement a annoncé mercredi qu'il allait baisser les impôts des petites "
      + "entreprises et investir davantage dans les écoles et les hôpitaux de tout le pays.";
  private static final String RU = "Правительство объявило в среду, что снизит налоги для малого бизнеса и "
      + "вложит больше денег в школы и больницы по всей стране.";

  @Test
  void answersIso6391CodesForNewsSentences() {
    assertThat(LanguageIdentifier.detect(EN)).isEqualTo("en");
    assertThat(LanguageIdentifier.detect(DE)).isEqualTo("de");
    assertThat(LanguageIdentifier.detect(FR)).isEqualTo("fr");
    assertThat(LanguageIdentifier.detect(RU)).isEqualTo("ru");
  }

  @Test
  void tooLittleTextOrNoLettersIsUndetermined() {
    assertThat(LanguageIdentifier.detect("hello")).isNull();
    assertThat(LanguageIdentifier.detect("12 34 56 78 90 !!! ??? 12/05/2016 19:42 (03 of 12)")).isNull();
    assertThat(LanguageIdentifier.detect(null)).isNull();
  }

  @Test
  void aTextTheLibraryFailsOnHasNoLanguageInsteadOfAnError() {
    // two equal characters above U+10FC00 make the JDK's case-insensitive back reference read past the end
    assertThat(LanguageIdentifier.detect(EN + " \uDBFF\uDFFF\uDBFF\uDFFF")).isNull();
  }

  @Test
  void isSafeToCallFromManyThreadsAtOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> answers = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String text = i % 2 == 0 ? EN : DE;
        answers.add(pool.submit(() -> LanguageIdentifier.detect(text)));
      }
      for (int i = 0; i < answers.size(); i++) {
        assertThat(answers.get(i).get()).isEqualTo(i % 2 == 0 ? "en" : "de");
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
