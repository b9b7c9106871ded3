package io.storyline.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyline.ingest.RawDocument;
import io.storyline.testing.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import opennlp.tools.langdetect.Language;
import org.junit.jupiter.api.Test;

/**
 * {@link LanguageScorer} gives {@code LanguageDetectorME.predictLanguages}' ranked answer: the same languages in
 * the same order with the same probabilities (to a relative 1e-9: only the order of additions differs), and
 * {@link LanguageIdentifier#detect} the same code as the library's ranking decides.
 */
class LanguageScorerTest {

  private static final double SAME = 1e-9;

  private static final String[] SENTENCES = {
      "The government announced on Wednesday that it would cut taxes for small businesses and invest more money.",
      "Die Bundesregierung hat am Mittwoch angekündigt, die Steuern für kleine Unternehmen zu senken.",
      "Le gouvernement a annoncé mercredi qu'il allait baisser les impôts des petites entreprises.",
      "El gobierno anunció el miércoles que bajaría los impuestos a las pequeñas empresas del país.",
      "Il governo ha annunciato mercoledì che taglierà le tasse per le piccole imprese del paese.",
      "O governo anunciou na quarta-feira que vai cortar os impostos das pequenas empresas.",
      "De regering heeft woensdag aangekondigd de belastingen voor kleine bedrijven te verlagen.",
      "Правительство объявило в среду, что снизит налоги для малого бизнеса и вложит больше денег.",
      "Rząd ogłosił w środę, że obniży podatki dla małych firm i zainwestuje więcej w szkoły.",
      "Η κυβέρνηση ανακοίνωσε την Τετάρτη ότι θα μειώσει τους φόρους για τις μικρές επιχειρήσεις.",
      "Hükümet Çarşamba günü küçük işletmeler için vergileri düşüreceğini açıkladı. İSTANBUL ıIİi",
      "政府は水曜日、中小企業の税金を引き下げ、学校や病院にもっと投資すると発表した。",
      "政府周三宣布将为小企业减税，并在全国的学校和医院投入更多资金。",
      "أعلنت الحكومة يوم الأربعاء أنها ستخفض الضرائب على الشركات الصغيرة وتستثمر المزيد في المدارس.",
      "सरकार ने बुधवार को घोषणा की कि वह छोटे व्यवसायों के लिए करों में कटौती करेगी।",
      "정부는 수요일 중소기업에 대한 세금을 인하하고 학교와 병원에 더 많은 돈을 투자하겠다고 발표했다.",
      "See https://example.com/news?id=42&x=1 or write to desk@example.org #breaking @newsroom RT: wow :-) "
          + "hahahaha jajaja!!!!!    sooooo 1999 2016 \uD83D\uDE00\uD83C\uDF89 \uD801\uDC00\uD801\uDC28 \u0000 \uD800 x",
      "ΣΟΦΟΣ ΟΔΟΣ Σ ς σ ΐ ﬁ ß ẞ Ǆ ǅ ǆ K Å Ω " + "word ".repeat(20)};

  @Test
  void ranksLikeTheLibraryOnSentencesOfManyScriptsAndOddCharacters() {
    for (String s : SENTENCES) {
      assertSameAnswer(s);
      assertSameAnswer(s.toUpperCase(java.util.Locale.ROOT));
      assertSameAnswer(s + " " + s);
    }
  }

  @Test
  void ranksLikeTheLibraryOnEveryWindowOfTheFixtures() throws IOException {
    List<String> texts = new ArrayList<>();
    for (String name : new String[] {"seeds/000.paragraphs.txt", "seeds/001.paragraphs.txt",
        "seeds/003.paragraphs.txt", "html/news-article.html", "html/section-front.html",
        "html/broken-markup.html"}) {
      try (InputStream in = LanguageScorerTest.class.getResourceAsStream(name)) {
        assertThat(in).as(name).isNotNull();
        texts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    int samples = 0;
    for (String text : texts) {
      for (int from = 0; from < text.length(); from += 97) {
        String window = text.substring(from, Math.min(text.length(), from + 600));
        if (LanguageIdentifier.sample(window) != null) {
          assertSameAnswer(window);
          samples++;
        }
      }
    }
    assertThat(samples).isGreaterThan(100);
  }

  @Test
  void ranksLikeTheLibraryOnEveryMeterTextAndReadabilityPage() throws IOException {
    Path meter = SharedData.require("data/meter-1999");
    Path pages = SharedData.require("data/readability-pages");
    int samples = 0;
    for (Path f : files(meter, ".txt")) {
      String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
      samples += assertSameAnswerOnSamplesOf(text);
    }
    Extractor extractor = Extractor.builder().detectLanguage(false).build();
    for (Path f : files(pages, "source.html")) {
      String html = Files.readString(f, StandardCharsets.UTF_8);
      Article a = extractor.extract(new RawDocument(f.toString(), f.toString(), RawDocument.ContentKind.HTML,
          "UTF-8", html, null, null, null, null));
      samples += assertSameAnswerOnSamplesOf(a.title() == null ? a.text() : a.title() + "\n\n" + a.text());
      samples += assertSameAnswerOnSamplesOf(html.substring(html.length() / 2));
    }
    assertThat(samples).isGreaterThan(2_000);
  }

  /** The sample the extractor scores and one from the middle of the text; returns how many were compared. */
  private static int assertSameAnswerOnSamplesOf(String text) {
    int compared = 0;
    for (String sample : new String[] {LanguageIdentifier.sample(text),
        LanguageIdentifier.sample(text.substring(text.length() / 2))}) {
      if (sample != null) {
        assertSameAnswer(sample);
        compared++;
      }
    }
    return compared;
  }

  private static void assertSameAnswer(String sample) {
    Language[] expected = LanguageIdentifier.rankedByLibrary(sample);
    Language[] actual = LanguageIdentifier.rankedByScorer(sample);
    assertThat(expected).as("the library's model is on the class path").isNotNull();
    assertThat(actual).as("scorer for: %s", sample).isNotNull().hasSameSizeAs(expected);
    for (int i = 0; i < expected.length; i++) {
      double p = expected[i].getConfidence();
      assertThat(actual[i].getConfidence()).as("rank %d for: %s", i, sample)
          .isCloseTo(p, org.assertj.core.data.Offset.offset(SAME * p));
      boolean tied = i > 0 && expected[i - 1].getConfidence() - p <= SAME * p
          || i + 1 < expected.length && p - expected[i + 1].getConfidence() <= SAME * p;
      if (!tied) {
        assertThat(actual[i].getLang()).as("rank %d for: %s", i, sample).isEqualTo(expected[i].getLang());
      }
    }
    String code = LanguageIdentifier.sample(sample) == null ? null : LanguageIdentifier.decide(expected);
    assertThat(LanguageIdentifier.detect(sample)).as("code for: %s", sample).isEqualTo(code);
  }

  private static List<Path> files(Path root, String suffix) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.toString().endsWith(suffix)).sorted().collect(Collectors.toList());
    }
  }
}
