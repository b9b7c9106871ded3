package io.storyline.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyline.stories.StoryClusterer;
import io.storyline.testing.SharedData;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Story clustering quality on the shared dev data with the library defaults (skipped when {@code ../shared} is
 * absent). The floors are the README numbers minus a margin of 0.01 for small changes in extraction upstream.
 */
class StoriesEvaluationIT {

  @Test
  void meterStoriesReachTheMeasuredQuality() throws IOException {
    List<StoriesCorpus.Labeled> docs = StoriesCorpus.load(SharedData.require("data/meter-1999"));
    assertThat(docs).hasSize(1056);
    StoriesScore s = StoriesEvaluation.run(docs, StoryClusterer.builder().build());
    System.out.println("METER, defaults: " + s.line());
    assertThat(s.f1()).isGreaterThanOrEqualTo(METER_F1 - 0.01);
    assertThat(s.ari()).isGreaterThanOrEqualTo(METER_ARI - 0.01);
  }

  @Test
  void headlineStoriesReachTheMeasuredQuality() throws IOException {
    List<StoriesCorpus.Labeled> docs = StoriesCorpus.load(SharedData.require("data/uci-news-headlines/dev.csv"));
    assertThat(docs).hasSize(3285);
    StoriesScore s = StoriesEvaluation.run(docs, StoryClusterer.builder().build());
    System.out.println("UCI headlines, defaults: " + s.line());
    assertThat(s.f1()).isGreaterThanOrEqualTo(HEADLINES_F1 - 0.01);
    assertThat(s.ari()).isGreaterThanOrEqualTo(HEADLINES_ARI - 0.01);
  }

  @Test
  void meterWithoutEmbeddingsStaysAboveTheTfIdfBaseline() throws IOException {
    List<StoriesCorpus.Labeled> docs = StoriesCorpus.load(SharedData.require("data/meter-1999"));
    StoriesScore s = StoriesEvaluation.run(docs, StoryClusterer.builder().embeddings(false).build());
    System.out.println("METER, no embeddings: " + s.line());
    assertThat(s.f1()).isGreaterThanOrEqualTo(METER_NO_EMBEDDINGS_F1 - 0.01);
  }

  // Measured with the defaults (see README, "Evaluation / Stories").
  private static final double METER_F1 = 0.962;
  private static final double METER_ARI = 0.931;
  private static final double METER_NO_EMBEDDINGS_F1 = 0.961;
  private static final double HEADLINES_F1 = 0.862;
  private static final double HEADLINES_ARI = 0.847;
}
