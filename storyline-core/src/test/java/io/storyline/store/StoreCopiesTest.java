package io.storyline.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyline.ingest.DocumentReader;
import io.storyline.ingest.Ingest;
import io.storyline.ingest.RawDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store with the real copies and stories stages, on the three seed pages: 000 and 001 carry one Reuters text
 * (one copy group, one story); 003 is another story.
 */
class StoreCopiesTest {
  static final Path SEEDS = Path.of("..", "examples", "seeds");
  static final String MOSCOW_TIMES = "000_07f4cbc89c93d9ec.txt";
  static final String HUFFPOST = "001_ad8f6daf88e7a778.txt";
  static final String DW = "003_0eaa330e43070bbf.txt";
  @TempDir Path dir;

  static List<RawDocument> seeds() throws IOException {
    try (DocumentReader r = Ingest.create().open(SEEDS)) {
      return r.stream().toList();
    }
  }

  @Test
  void theTwoCopiesOfTheReutersStoryShareAGroupAndAStoryWithAWordDiffAndKeepThemAfterReopen() throws IOException {
    try (Store store = Store.open(dir)) {
      List<AddResult> r = store.add(seeds());
      assertThat(r).extracting(AddResult::id).containsExactly(MOSCOW_TIMES, HUFFPOST, DW);
      assertThat(r.get(0).copyGroup()).isNotNull().isEqualTo(r.get(1).copyGroup());
      assertThat(List.of(r.get(0).relation(), r.get(1).relation())).contains("original");
      assertThat(r.get(2).copyGroup()).isNull();
      assertThat(r.get(0).storyId()).isNotNull().isEqualTo(r.get(1).storyId()).isNotEqualTo(r.get(2).storyId());
      StorySummary story = store.story(r.get(0).storyId()).orElseThrow();
      assertThat(story.size()).isEqualTo(2);
      assertThat(story.headline()).contains("Assad");
      assertThat(store.articlesOfStory(story.id())).extracting(StoredArticle::id)
          .containsExactlyInAnyOrder(MOSCOW_TIMES, HUFFPOST);
      CopyGroupView g = store.copyGroup(r.get(0).copyGroup()).orElseThrow();
      assertThat(g.members().get(0).relation()).isEqualTo("original");
      assertThat(g.diffs()).singleElement().satisfies(d -> {
        assertThat(d.changes()).extracting(CopyGroupView.Change::kind).contains(CopyGroupView.Change.Kind.SAME);
        assertThat(d.changes()).extracting(CopyGroupView.Change::kind)
            .containsAnyOf(CopyGroupView.Change.Kind.ADDED, CopyGroupView.Change.Kind.REMOVED);
      });
    }
    try (Store store = Store.open(dir)) {
      store.awaitReady();
      assertThat(store.stats().replayed()).isEqualTo(3);
      String group = store.article(MOSCOW_TIMES).orElseThrow().copyGroup();
      assertThat(group).isNotNull().isEqualTo(store.article(HUFFPOST).orElseThrow().copyGroup());
      assertThat(store.articlesOfGroup(group)).hasSize(2);
      assertThat(store.article(MOSCOW_TIMES).orElseThrow().storyId())
          .isEqualTo(store.article(HUFFPOST).orElseThrow().storyId());
      assertThat(store.stats().stories()).isEqualTo(2);
      assertThat(Files.exists(dir.resolve(Steps.COPY_TEXTS))).as("the copies stage's text file while open").isTrue();
    }
    assertThat(Files.exists(dir.resolve(Steps.COPY_TEXTS))).as("deleted on close").isFalse();
  }
}
