package io.storyline.stories;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyline.eval.StoriesCorpus;
import io.storyline.testing.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Candidate retrieval through the inverted index ({@link OpenIndex}, {@link Postings}) against scoring every open
 * story and every topic, on the shared dev corpora without embeddings (where the index is used): every assignment
 * (story, basis, score), every story summary and every topic must be identical. Skipped without {@code ../shared}.
 */
class OpenIndexIT {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  @ParameterizedTest
  @ValueSource(strings = {"data/meter-1999", "data/uci-news-headlines/dev.csv"})
  void indexedClusteringIsIdenticalToScanningEveryOpenStory(String corpus) throws IOException {
    Path path = SharedData.require(corpus);
    List<StoryInput> batch = StoriesCorpus.load(path).stream().map(StoriesCorpus.Labeled::input).toList();
    StoryClusterer scan = StoryClusterer.builder().embeddings(false).indexed(false).clock(CLOCK).build();
    StoryClusterer indexed = StoryClusterer.builder().embeddings(false).clock(CLOCK).build();
    List<Assignment> a = new ArrayList<>();
    List<Assignment> b = new ArrayList<>();
    for (StoryInput in : StoryClusterer.inPublicationOrder(batch, CLOCK)) {
      a.add(scan.add(in));
      b.add(indexed.add(in));
      assertThat(indexed.openStories()).isEqualTo(scan.openStories());
    }
    assertThat(b).isEqualTo(a);
    scan.flush();
    indexed.flush();
    assertThat(indexed.stories()).isEqualTo(scan.stories());
    assertThat(indexed.topics()).isEqualTo(scan.topics());
    System.out.println("OpenIndexIT " + corpus + ": " + a.size() + " assignments, " + scan.stories().size()
        + " stories, " + scan.topics().size() + " topics identical");
  }

  @Test
  void featuresComputedApartClusterAsArticlesDo() throws IOException {
    List<StoryInput> batch = StoriesCorpus.load(SharedData.require("data/meter-1999")).stream()
        .map(StoriesCorpus.Labeled::input).toList();
    StoryClusterer fromArticles = StoryClusterer.builder().embeddings(false).clock(CLOCK).build();
    StoryClusterer fromFeatures = StoryClusterer.builder().embeddings(false).clock(CLOCK).build();
    for (StoryInput in : StoryClusterer.inPublicationOrder(batch, CLOCK)) {
      assertThat(fromFeatures.add(StoryClusterer.features(in.article(), false), in.copyGroup()))
          .isEqualTo(fromArticles.add(in));
    }
  }
}
