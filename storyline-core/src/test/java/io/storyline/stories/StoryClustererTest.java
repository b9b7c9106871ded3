package io.storyline.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storyline.extract.Article;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoryClustererTest {
  /** Fixed so that "in the future" and arrival times do not depend on when the tests run. */
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2020-01-01T00:00:00Z"), ZoneOffset.UTC);

  private static Article headline(String id, String title, String time) {
    return new Article(id, null, title, "", null, time == null ? null : Instant.parse(time), "outlet-" + id, null,
        null, "en", Article.Status.EMPTY, Map.of());
  }

  @ParameterizedTest(name = "embeddings {0}")
  @ValueSource(booleans = {true, false})
  void seedsFormTwoStoriesOfOneTopicFrom2014To2016(boolean embeddings) {
    StoryClusterer c = StoryClusterer.builder().embeddings(embeddings).clock(CLOCK).build();
    List<StoryInput> batch = List.of(new StoryInput(Seeds.dw(), null), new StoryInput(Seeds.huffPost(), null),
        new StoryInput(Seeds.moscowTimes(), null));
    Map<String, String> story = new HashMap<>();
    for (StoryInput in : StoryClusterer.inPublicationOrder(batch, CLOCK)) {
      story.put(in.article().id(), c.add(in).storyId());
    }
    c.flush();
    story.replaceAll((doc, s) -> c.currentStory(s));
    String sochi = story.get("000_07f4cbc89c93d9ec.txt");
    String vienna = story.get("003_0eaa330e43070bbf.txt");
    assertThat(story.get("001_ad8f6daf88e7a778.txt")).isEqualTo(sochi);
    assertThat(vienna).isNotEqualTo(sochi);
    assertThat(c.topicOf(sochi)).isPresent().isEqualTo(c.topicOf(vienna));
    List<Topic> topics = c.topics();
    assertThat(topics).hasSize(1);
    assertThat(topics.get(0).storyIds()).containsExactly(sochi, vienna);
    assertThat(topics.get(0).firstSeen()).isEqualTo(Instant.parse("2014-11-26T14:00:00Z"));
    assertThat(topics.get(0).lastSeen()).isEqualTo(Instant.parse("2016-05-17T18:00:00Z"));
    Story first = c.stories().stream().filter(s -> s.id().equals(sochi)).findFirst().orElseThrow();
    assertThat(first.size()).isEqualTo(2);
    assertThat(first.outlets()).containsExactlyInAnyOrder("The Moscow Times", "HuffPost");
    assertThat(first.entities()).anyMatch(e -> e.contains("Assad")).anyMatch(e -> e.contains("Moualem"));
  }

  @Test
  void groupsHeadlineOnlyArticlesByStory() {
    StoryClusterer c = StoryClusterer.builder().clock(CLOCK).build();
    String[] titles = {
        "Flappy Bird creator considers bringing the game back",
        "Sbarro files for bankruptcy protection for the second time",
        "Flappy Bird could return, says the game's creator Dong Nguyen",
        "Pizza chain Sbarro seeks Chapter 11 bankruptcy again",
        "Dong Nguyen hints at a Flappy Bird comeback",
        "Sbarro bankruptcy: pizza chain files for Chapter 11"};
    List<String> stories = new ArrayList<>();
    for (int i = 0; i < titles.length; i++) {
      Assignment a = c.add(headline("h" + i, titles[i], "2014-03-10T1" + i + ":00:00Z"), null);
      stories.add(a.storyId());
    }
    stories.replaceAll(c::currentStory);
    assertThat(stories.get(2)).isEqualTo(stories.get(0));
    assertThat(stories.get(4)).isEqualTo(stories.get(0));
    assertThat(stories.get(3)).isEqualTo(stories.get(1));
    assertThat(stories.get(5)).isEqualTo(stories.get(1));
    assertThat(stories.get(0)).isNotEqualTo(stories.get(1));
  }

  @Test
  void undatedArticleTakesThePreviousDocumentsTimeAndSaysWhy() {
    StoryClusterer c = StoryClusterer.builder().clock(CLOCK).build();
    Assignment dated = c.add(Seeds.moscowTimes(), null);
    Article undated = withDate(Seeds.huffPost(), null);
    Assignment a = c.add(undated, null);
    assertThat(a.dateSource()).isEqualTo(DateSource.PREVIOUS_DOCUMENT);
    assertThat(a.time()).isEqualTo(dated.time());
    assertThat(a.dateNote()).isEqualTo("no publication date");
    assertThat(c.currentStory(a.storyId())).isEqualTo(c.currentStory(dated.storyId()));
  }

  @Test
  void firstUndatedArticleTakesTheArrivalTime() {
    StoryClusterer c = StoryClusterer.builder().clock(CLOCK).embeddings(false).build();
    Assignment a = c.add(withDate(Seeds.dw(), null), null);
    assertThat(a.dateSource()).isEqualTo(DateSource.ARRIVAL);
    assertThat(a.time()).isEqualTo(CLOCK.instant());
    assertThat(a.storyId()).isNotBlank();
  }

  @Test
  void misdatedArticlesFallBackAndSayWhy() {
    StoryClusterer c = StoryClusterer.builder().clock(CLOCK).embeddings(false).build();
    Assignment first = c.add(Seeds.moscowTimes(), null);
    Assignment future = c.add(withDate(Seeds.huffPost(), Instant.parse("2031-05-01T00:00:00Z")), null);
    assertThat(future.dateSource()).isEqualTo(DateSource.PREVIOUS_DOCUMENT);
    assertThat(future.dateNote()).contains("2031-05-01").contains("future");
    assertThat(future.time()).isEqualTo(first.time());
    Assignment epoch = c.add(withDate(Seeds.dw(), Instant.EPOCH), null);
    assertThat(epoch.dateNote()).contains("epoch");
  }

  @Test
  void neverSplitsACopyGroupEvenAfterItsStoryCloses() {
    StoryClusterer c = StoryClusterer.builder().clock(CLOCK).embeddings(false).build();
    Assignment a = c.add(Seeds.moscowTimes(), "g1");
    Assignment unrelated = c.add(headline("x", "Titanfall review roundup", "2014-11-26T15:00:00Z"), "g1");
    assertThat(unrelated.storyId()).isEqualTo(a.storyId());
    assertThat(unrelated.basis()).isEqualTo(Assignment.Basis.COPY_GROUP);
    c.add(Seeds.dw(), null); // 2016: the 2014 story closes
    Assignment late = c.add(headline("y", "Completely different words", "2016-05-18T00:00:00Z"), "g1");
    assertThat(late.storyId()).isEqualTo(a.storyId());
    c.flush();
    assertThat(c.stories().stream().filter(s -> s.id().equals(a.storyId())).findFirst().orElseThrow().size())
        .isEqualTo(3);
  }

  @Test
  void partitionDoesNotDependOnInputOrderBeyondTimestamps() {
    long seed = new Random().nextLong();
    System.out.println("partitionDoesNotDependOnInputOrderBeyondTimestamps seed " + seed);
    List<StoryInput> batch = new ArrayList<>();
    String[] titles = {"Flappy Bird creator considers bringing the game back", "Sbarro files for bankruptcy again",
        "Flappy Bird could return, creator says", "Sbarro seeks Chapter 11 protection",
        "Titanfall review roundup", "Titanfall reviews are in", "Dong Nguyen may bring Flappy Bird back"};
    for (int i = 0; i < titles.length; i++) {
      // Three distinct times only: most documents share a timestamp with another.
      batch.add(new StoryInput(headline("d" + i, titles[i], "2014-03-10T0" + (i % 3) + ":00:00Z"), null));
    }
    batch.add(new StoryInput(Seeds.moscowTimes(), null));
    batch.add(new StoryInput(Seeds.huffPost(), null));
    Set<Set<String>> expected = partition(batch);
    List<StoryInput> shuffled = new ArrayList<>(batch);
    Collections.shuffle(shuffled, new Random(seed));
    assertThat(partition(shuffled)).as("seed %d", seed).isEqualTo(expected);
  }

  private static Set<Set<String>> partition(List<StoryInput> batch) {
    StoryClusterer c = StoryClusterer.builder().clock(CLOCK).build();
    Map<String, Set<String>> byStory = new HashMap<>();
    Map<String, String> storyOf = new HashMap<>();
    for (StoryInput in : StoryClusterer.inPublicationOrder(batch, CLOCK)) {
      storyOf.put(in.article().id(), c.add(in).storyId());
    }
    storyOf.forEach((doc, s) -> byStory.computeIfAbsent(c.currentStory(s), k -> new TreeSet<>()).add(doc));
    return Set.copyOf(byStory.values());
  }

  @Test
  void ordersABatchByTimeThenIdAndKeepsUndatedDocumentsAfterTheirPredecessor() {
    Article late = headline("b", "late", "2014-03-11T00:00:00Z");
    Article early = headline("a", "early", "2014-03-10T00:00:00Z");
    Article sameTime = headline("0", "same time as early, smaller id", "2014-03-10T00:00:00Z");
    Article undated = headline("u", "no date", null);
    Article leading = headline("z", "undated before any dated", null);
    List<StoryInput> in = List.of(new StoryInput(leading, null), new StoryInput(late, null),
        new StoryInput(undated, null), new StoryInput(early, null), new StoryInput(sameTime, null));
    assertThat(StoryClusterer.inPublicationOrder(in, CLOCK)).extracting(s -> s.article().id())
        .containsExactly("0", "z", "a", "b", "u");
  }

  @Test
  void rejectsOptionsSetTwiceOrOutOfRange() {
    assertThatThrownBy(() -> StoryClusterer.builder().threshold(0.3).threshold(0.4))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("threshold");
    assertThatThrownBy(() -> StoryClusterer.builder().threshold(1.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.5");
    assertThatThrownBy(() -> StoryClusterer.builder().weights(0, 0, 1).embeddings(false).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("embeddings are off");
  }

  private static Article withDate(Article a, Instant published) {
    return new Article(a.id(), a.url(), a.title(), a.text(), a.byline(), published, a.outlet(), a.agency(),
        a.dateline(), a.language(), a.status(), a.removed());
  }
}
