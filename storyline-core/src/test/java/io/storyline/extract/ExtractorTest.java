package io.storyline.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storyline.ingest.RawDocument;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The front door: dispatch, metadata precedence, and bad input that must give a clear status, never a crash. */
class ExtractorTest {

  private static final Extractor EXTRACTOR = Extractor.create();
  private static final String P1 = "The city council voted on Tuesday to close the old library at the end of the year.";

  private static RawDocument text(String content) {
    return new RawDocument("doc.txt", "in/doc.txt", RawDocument.ContentKind.TEXT, "UTF-8", content, null, null,
        null, null);
  }

  @Test
  void emptyAndWhitespaceOnlyTextsAreEmpty() {
    for (String content : new String[] {"", "   \n\n\t \r\n", "\u00a0\u200b\n"}) {
      Article a = EXTRACTOR.extract(text(content));
      assertThat(a.status()).isEqualTo(Article.Status.EMPTY);
      assertThat(a.text()).isEmpty();
      assertThat(a.language()).isNull();
    }
  }

  @Test
  void binaryGarbageIsEmptyAndSaysUnreadable() {
    Random random = new Random(7); // fixed seed: the same garbage on every run
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 50_000; i++) {
      b.append((char) random.nextInt(0x20));
      b.append((char) (0xE000 + random.nextInt(0x1000)));
    }
    Article a = EXTRACTOR.extract(text(b.toString()));
    assertThat(a.status()).isEqualTo(Article.Status.EMPTY);
    assertThat(a.removed()).containsEntry("unreadable", 1);
  }

  @Test
  void hugeTextIsCutAtTheLimitAndStillExtracted() {
    StringBuilder b = new StringBuilder("Library to close\n\n");
    while (b.length() < 30_000_000) {
      b.append(P1).append("\n\n");
    }
    Article a = EXTRACTOR.extract(text(b.toString()));
    assertThat(a.status()).isEqualTo(Article.Status.ARTICLE);
    assertThat(a.removed()).containsEntry("truncated", 1);
    assertThat(a.text().length()).isLessThanOrEqualTo(Extractor.DEFAULT_MAX_CHARS);
    assertThat(a.title()).isEqualTo("Library to close");
  }

  @Test
  void oneEnormousLineWithoutBreaksDoesNotBlowUp() {
    Article a = Extractor.builder().maxChars(5_000_000).build().extract(text("word ".repeat(900_000)));
    assertThat(a.status()).isEqualTo(Article.Status.ARTICLE);
    assertThat(a.removed()).containsEntry("truncated", 1);
  }

  @Test
  void headlineOnlyRecordIsEmptyButKeepsItsTitleAndOutlet() {
    Instant when = Instant.parse("2014-03-10T12:00:00Z");
    Article a = EXTRACTOR.extract(new RawDocument("42", "feed.jsonl:3", RawDocument.ContentKind.NONE, null, "",
        "https://www.example.com/news/42", "Fed official says weak data caused by weather", when, null));
    assertThat(a.status()).isEqualTo(Article.Status.EMPTY);
    assertThat(a.title()).isEqualTo("Fed official says weak data caused by weather");
    assertThat(a.published()).isEqualTo(when);
    assertThat(a.outlet()).isEqualTo("example.com");
  }

  @Test
  void outletIsTheSourceElseTheHost() {
    RawDocument withSource = new RawDocument("a", "a", RawDocument.ContentKind.TEXT, null, P1,
        "https://www.example.com/a", null, null, "Example Times");
    assertThat(EXTRACTOR.extract(withSource).outlet()).isEqualTo("Example Times");
    RawDocument withUrl = new RawDocument("a", "a", RawDocument.ContentKind.TEXT, null, P1,
        "https://news.example.org/a", null, null, null);
    assertThat(EXTRACTOR.extract(withUrl).outlet()).isEqualTo("news.example.org");
  }

  @Test
  void brokenHtmlGivesAClearStatus() {
    for (String html : new String[] {"", "<html><body></body></html>", "<div><p>unclosed <b>tags <i>everywhere",
        "<<<>>>&&&;;", "<html>" + "<div>".repeat(20_000) + "deep" + "</div>".repeat(10)}) {
      Article a = EXTRACTOR.extract(new RawDocument("p.html", "p.html", RawDocument.ContentKind.HTML, "UTF-8",
          html, null, null, null, null));
      assertThat(a.status()).isIn(Article.Status.EMPTY, Article.Status.NOT_ARTICLE, Article.Status.ARTICLE);
      assertThat(a.id()).isEqualTo("p.html");
    }
  }

  @Test
  void htmlParagraphsGetTextMetadataWithoutOverridingThePage() {
    String html = "<html><head><title>Talks resume</title></head><body>"
        + "<p>By Ann Example and Bob Sample</p>"
        + "<p>GENEVA, March 3 (Reuters) - Officials said the talks would continue next week in the capital.</p>"
        + "<p>The delegations met for four hours on Monday and agreed on an agenda.</p>"
        + "</body></html>";
    Article a = EXTRACTOR.extract(new RawDocument("p.html", "p.html", RawDocument.ContentKind.HTML, "UTF-8", html,
        "https://www.example.com/talks", null, Instant.parse("2015-03-04T09:00:00Z"), null));
    assertThat(a.byline()).isEqualTo("Ann Example and Bob Sample");
    assertThat(a.paragraphs()).first().asString().startsWith("GENEVA, March 3 (Reuters)");
    assertThat(a.agency()).isEqualTo("Reuters");
    assertThat(a.dateline()).isEqualTo("GENEVA");
    assertThat(a.published()).isEqualTo(Instant.parse("2015-03-04T09:00:00Z"));
    assertThat(a.language()).isEqualTo("en");
  }

  @Test
  void callerMistakesAreUncheckedAndNamed() {
    assertThatThrownBy(() -> EXTRACTOR.extract(null)).hasMessageContaining("doc");
    assertThatThrownBy(() -> Extractor.builder().maxChars(10)).hasMessageContaining("maxChars")
        .hasMessageContaining("10");
  }

  @Test
  void inputDocumentIsNotModified() {
    String content = "Library to close\n\nSupport Example News!\n\n" + P1 + "\n";
    RawDocument doc = text(content);
    EXTRACTOR.extract(doc);
    assertThat(doc.content()).isEqualTo(content);
  }
}
