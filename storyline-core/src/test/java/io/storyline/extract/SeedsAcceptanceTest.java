package io.storyline.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyline.ingest.RawDocument;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 3 acceptance on the three seed pages bundled in {@code examples/seeds}: exact titles, every article
 * paragraph kept (compared paragraph by paragraph with hand-checked lists), no chrome left, and the metadata.
 */
class SeedsAcceptanceTest {

  private static final Path SEEDS = Path.of("..", "examples", "seeds");
  private static final Extractor EXTRACTOR = Extractor.create();

  private static Article extract(String file) throws IOException {
    String content = Files.readString(SEEDS.resolve(file), StandardCharsets.UTF_8);
    return EXTRACTOR.extract(new RawDocument(file, "examples/seeds/" + file, RawDocument.ContentKind.TEXT,
        "UTF-8", content, null, null, null, null));
  }

  private static List<String> expectedParagraphs(String name) throws IOException {
    try (InputStream in = SeedsAcceptanceTest.class.getResourceAsStream("seeds/" + name + ".paragraphs.txt")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      return Arrays.asList(text.split("\n\n"));
    }
  }

  /** Site chrome of the seeds (see ../shared/DATA.md): none of it may remain in any body. */
  private static final List<String> CHROME = List.of(
      "Support The Moscow Times", "Read more", "Our 2024 Coverage Needs You", "Support HuffPost",
      "to keep our news free for all", "Before You Go", "Open Image Modal", "of12)", "(credit:", "Getty Images",
      "AP Photo", "Syria War In November", "Reporting by", "editing by", "By Denis Dyomkin", "Last update",
      "More from World", "Orlando gay nightclub", "Five killed in shooting", "Burundi", "...\n", "HuffPost",
      "free press");

  @Test
  void moscowTimesKeepsEveryParagraphAndDropsTheAppealAndReadMore() throws IOException {
    Article a = extract("000_07f4cbc89c93d9ec.txt");
    assertThat(a.title()).isEqualTo("Russia Vows Support for Syria's Assad to Combat 'Terrorism'");
    assertThat(a.paragraphs()).containsExactlyElementsOf(expectedParagraphs("000"));
    assertThat(a.status()).isEqualTo(Article.Status.ARTICLE);
    assertThat(a.language()).isEqualTo("en");
    assertThat(a.removed()).containsEntry("appeal", 1).containsEntry("navigation", 1);
    assertNoChrome(a);
  }

  @Test
  void huffPostKeepsTheReutersStoryAndDropsFundraisingBoxGalleryAndCredits() throws IOException {
    Article a = extract("001_ad8f6daf88e7a778.txt");
    assertThat(a.title()).isEqualTo("Russia Vows Support For Syria's Bashar Assad");
    assertThat(a.paragraphs()).containsExactlyElementsOf(expectedParagraphs("001"));
    assertThat(a.paragraphs()).doesNotContain("Russia Vows Support For Syria's Assad");
    assertThat(a.byline()).isEqualTo("Denis Dyomkin and Gabriela Baczynska");
    assertThat(a.agency()).isEqualTo("Reuters");
    assertThat(a.dateline()).isEqualTo("SOCHI, Russia");
    assertThat(a.published()).isEqualTo(Instant.parse("2014-11-26T00:00:00Z"));
    assertThat(a.language()).isEqualTo("en");
    assertThat(a.removed()).containsKeys("appeal", "gallery", "caption", "credit", "byline", "title-repeat");
    assertThat(a.removed().get("appeal")).isEqualTo(5);
    assertNoChrome(a);
  }

  @Test
  void dwPageDropsLastUpdateAndTeaserListAndDatesFromTheStamp() throws IOException {
    Article a = extract("003_0eaa330e43070bbf.txt");
    assertThat(a.title()).isEqualTo("Russia seeks distance from Syria's al-Assad amid Vienna peace talks");
    assertThat(a.paragraphs()).containsExactlyElementsOf(expectedParagraphs("003"));
    assertThat(a.published()).isEqualTo(Instant.parse("2016-05-17T00:00:00Z"));
    assertThat(a.language()).isEqualTo("en");
    assertThat(a.agency()).isNull();
    assertThat(a.removed()).containsEntry("timestamp", 1).containsEntry("navigation", 1).containsEntry("teaser", 10);
    assertNoChrome(a);
  }

  @Test
  void theTwoCopiesOfTheReutersStoryShareTheirParagraphsAfterExtraction() throws IOException {
    List<String> moscow = extract("000_07f4cbc89c93d9ec.txt").paragraphs();
    List<String> huff = extract("001_ad8f6daf88e7a778.txt").paragraphs();
    assertThat(moscow).contains("\"We share the view that the main factor driving the situation in the Middle East is "
        + "the terrorist threat,\" Lavrov told a joint news conference with Moualem. \"Russia will continue "
        + "supporting Syria ... in countering this threat.\"");
    assertThat(huff).contains(moscow.get(2), moscow.get(4));
  }

  private static void assertNoChrome(Article a) {
    String body = a.text() + "\n";
    for (String chrome : CHROME) {
      assertThat(body).as("chrome %s in %s", chrome, a.id()).doesNotContain(chrome);
    }
    assertThat(body).doesNotContain("\u00a0");
  }
}
