package io.storyline.copies;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyline.extract.Article;
import io.storyline.extract.Extractor;
import io.storyline.ingest.DocumentReader;
import io.storyline.ingest.Ingest;
import io.storyline.ingest.RawDocument;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Acceptance on the three seed pages, read and extracted as the CLI does. Needs the text extractor to read the
 * Reuters credit from 001's dateline ("SOCHI, Russia, Nov 26 (Reuters) -"); until it does, the tests are skipped
 * with that reason.
 */
class SeedsCopiesTest {
  private static final Path SEEDS = Path.of("..", "examples", "seeds");
  private static final String A = "000_07f4cbc89c93d9ec.txt";
  private static final String B = "001_ad8f6daf88e7a778.txt";
  private static final String C = "003_0eaa330e43070bbf.txt";
  private final Map<String, RawDocument> raw = new LinkedHashMap<>();
  private final Map<String, Article> articles = new LinkedHashMap<>();
  private final CopyDetector detector = CopyDetector.builder().build();

  @BeforeEach
  void readSeeds() throws IOException {
    Extractor extractor = Extractor.create();
    try (DocumentReader r = Ingest.create().open(SEEDS)) {
      for (Optional<RawDocument> d = r.next(); d.isPresent(); d = r.next()) {
        raw.put(d.get().id(), d.get());
        articles.put(d.get().id(), extractor.extract(d.get()));
      }
    }
    assertThat(articles).containsKeys(A, B, C);
    Assumptions.assumeTrue("Reuters".equals(articles.get(B).agency()),
        "skipped: extraction does not yet read the Reuters credit of seed 001 (the text-extraction issue adds it)");
  }

  @Test
  void theTwoReutersCopiesFormOneGroupAndTheOtherStoryStaysAlone() {
    CopyIndex index = detector.newIndex();
    articles.values().forEach(a -> index.add(CopyDocument.of(a)));
    CopyResult a = index.result(A);
    CopyResult b = index.result(B);
    CopyResult c = index.result(C);
    assertThat(a.group()).isEqualTo(b.group());
    assertThat(a.relation()).isEqualTo(Relation.NEAR);
    assertThat(b.relation()).isEqualTo(Relation.ORIGINAL);
    assertThat(a.origin()).isEqualTo(B);
    assertThat(a.agency()).as("inherited from 001's credit").isEqualTo("Reuters");
    assertThat(a.sources()).extracting(Source::id).containsExactly(B);
    assertThat(c.group()).isNotEqualTo(a.group());
    assertThat(c.relation()).isEqualTo(Relation.UNIQUE);
    assertThat(c.sources()).isEmpty();
  }

  @Test
  void theDiffShowsSpellingChangesAndTheBylineAndCreditsOnlyIn001() {
    TextDiff d = detector.diff(raw.get(A), articles.get(A), raw.get(B), articles.get(B));
    assertThat(d.changes()).anySatisfy(s -> {
      assertThat(s.before()).contains("al-Qaida");
      assertThat(s.after()).contains("al Qaeda");
    }).anySatisfy(s -> {
      assertThat(s.before()).contains("criticised");
      assertThat(s.after()).contains("criticized");
    }).anySatisfy(s -> assertThat(s.after()).contains("By Denis Dyomkin and Gabriela Baczynska"))
        .anySatisfy(s -> assertThat(s.after()).contains("(Reuters)"))
        .anySatisfy(s -> assertThat(s.after()).contains("editing by Ralph Boulton"));
    assertThat(d.segments()).noneSatisfy(s -> assertThat(s.before()).contains("Reuters"));
  }
}
