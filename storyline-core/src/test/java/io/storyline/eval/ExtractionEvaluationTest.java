package io.storyline.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storyline.extract.Article;
import io.storyline.extract.Extractor;
import io.storyline.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractionEvaluationTest {

  /**
   * Body F1 measured on the 130 readability pages when this test was written (0.965, see the README), minus a
   * margin for small changes; a drop below it means the extractor got worse on real pages.
   */
  static final double READABILITY_PAGES_MIN_F1 = 0.955;

  private static final Extractor EXTRACTOR = Extractor.builder().detectLanguage(false).build();

  static void writeCase(Path dir, String name, String source, String expected, String metadata) throws IOException {
    Path c = Files.createDirectories(dir.resolve(name));
    Files.writeString(c.resolve("source.html"), source);
    Files.writeString(c.resolve("expected.html"), expected);
    if (metadata != null) {
      Files.writeString(c.resolve("expected-metadata.json"), metadata);
    }
  }

  @Test
  void scoresBodyAndMetadataOfEachCase(@TempDir Path dir) throws IOException {
    String body = "<p>The council approved the harbour plan on Tuesday after a long debate in the town hall.</p>"
        + "<p>Work on the quay walls starts in September and should take three years to finish.</p>";
    writeCase(dir, "good", "<html><head><title>Harbour plan approved - Example News</title>"
            + "<meta property='og:site_name' content='Example News'><meta name='author' content='Ann Example'>"
            + "<meta property='article:published_time' content='2016-05-17T09:30:00Z'></head><body><article>"
            + body + "</article><div class='comments'><p>First comment with a lot of words in it.</p></div>"
            + "</body></html>", "<div>" + body + "</div>",
        "{\"title\": \"Harbour plan approved - Example News\", \"byline\": \"By Ann Example\","
            + " \"publishedTime\": \"2016-05-17T11:30:00+02:00\"}");
    writeCase(dir, "wrong", "<html><head><title>Other</title></head><body><p>Completely different text that"
        + " is not what the gold expects at all, no overlap.</p></body></html>", "<p>The expected words here.</p>",
        "{\"title\": \"Expected title\", \"byline\": null, \"publishedTime\": null}");
    Files.createDirectories(dir.resolve("incomplete"));
    Files.writeString(dir.resolve("incomplete/source.html"), "<p>x</p>");

    ExtractionEvaluation.Report r = ExtractionEvaluation.using(EXTRACTOR).evaluate(dir);

    assertThat(r.cases()).extracting(ExtractionEvaluation.CaseResult::name).containsExactly("good", "wrong");
    assertThat(r.skipped()).containsExactly("incomplete: no source.html or expected.html");
    ExtractionEvaluation.CaseResult good = r.cases().get(0);
    assertThat(good.status()).isEqualTo(Article.Status.ARTICLE);
    assertThat(good.precision()).isEqualTo(1.0);
    assertThat(good.recall()).isEqualTo(1.0);
    assertThat(good.title()).isEqualTo(ExtractionEvaluation.Check.CORRECT);
    assertThat(good.byline()).isEqualTo(ExtractionEvaluation.Check.CORRECT);
    assertThat(good.date()).isEqualTo(ExtractionEvaluation.Check.CORRECT);
    ExtractionEvaluation.CaseResult wrong = r.cases().get(1);
    assertThat(wrong.recall()).isEqualTo(0.0);
    assertThat(wrong.title()).isEqualTo(ExtractionEvaluation.Check.WRONG);
    assertThat(wrong.byline()).isEqualTo(ExtractionEvaluation.Check.NONE);
    assertThat(r.precision()).isEqualTo(0.5);
    assertThat(r.recall()).isEqualTo(0.5);
    assertThat(r.f1()).isEqualTo(0.5);
    assertThat(r.title()).isEqualTo(new ExtractionEvaluation.Accuracy(1, 2, 0));
  }

  @Test
  void namesTheFolderWhenItDoesNotExist(@TempDir Path dir) {
    assertThatThrownBy(() -> ExtractionEvaluation.using(EXTRACTOR).evaluate(dir.resolve("missing")))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("missing")
        .hasMessageContaining("readability-pages");
  }

  @Test
  void keepsItsBodyF1OnTheReadabilityPages() throws IOException {
    Path pages = SharedData.require("data/readability-pages");

    ExtractionEvaluation.Report r = ExtractionEvaluation.using(EXTRACTOR).evaluate(pages);

    assertThat(r.cases()).hasSizeGreaterThanOrEqualTo(100);
    assertThat(r.f1()).isGreaterThanOrEqualTo(READABILITY_PAGES_MIN_F1);
    assertThat(r.precision()).isGreaterThanOrEqualTo(0.97);
    assertThat(r.title().value()).isGreaterThanOrEqualTo(0.9);
  }
}
