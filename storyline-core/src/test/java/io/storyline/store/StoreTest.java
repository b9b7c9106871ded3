package io.storyline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storyline.ingest.RawDocument;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {
  @TempDir Path dir;

  static RawDocument doc(String id, String title, String text, String published, String source) {
    return new RawDocument(id, id + ".jsonl:1", RawDocument.ContentKind.TEXT, null, text, "https://example.org/" + id,
        title, published == null ? null : Instant.parse(published), source);
  }

  /** The store without stages: what these tests check does not depend on them (and opens fast). */
  private Store openPlain() throws IOException {
    return Store.builder().directory(dir).steps(Steps.NONE).open();
  }

  private Store openWithFakes() throws IOException {
    return Store.builder().directory(dir).steps(new FakeSteps()).open();
  }

  @Test
  void addedArticleIsReadBackWithEveryFieldAfterReopen() throws IOException {
    RawDocument d = doc("a1", "Russia vows support for Assad", "SOCHI, Russia - Russia will support Syria.\n\n"
        + "Second paragraph.", "2014-11-26T10:00:00Z", "Reuters");
    try (Store store = openPlain()) {
      AddResult r = store.add(d);
      assertThat(r.outcome()).isEqualTo(AddResult.Outcome.ADDED);
      assertThat(r.copyGroup()).isNull();
      assertThat(r.storyId()).isNull();
    }
    try (Store store = openPlain()) {
      StoredArticle s = store.article("a1").orElseThrow();
      assertThat(s.article().title()).isEqualTo("Russia vows support for Assad");
      assertThat(s.article().paragraphs()).containsExactly("SOCHI, Russia - Russia will support Syria.",
          "Second paragraph.");
      assertThat(s.article().published()).isEqualTo(Instant.parse("2014-11-26T10:00:00Z"));
      assertThat(s.article().outlet()).isEqualTo("Reuters");
      assertThat(s.article().url()).isEqualTo("https://example.org/a1");
      assertThat(s.contentHash()).hasSize(64);
      assertThat(s.seq()).isEqualTo(1);
      assertThat(store.stats().articles()).isEqualTo(1);
    }
  }

  @Test
  void sameDocumentAgainIsUnchangedAndChangedContentIsAnUpdate() throws IOException {
    try (Store store = openPlain()) {
      store.add(doc("a1", "Title", "First version.", null, null));
    }
    try (Store store = openPlain()) {
      assertThat(store.add(doc("a1", "Title", "First version.", null, null)).outcome())
          .isEqualTo(AddResult.Outcome.UNCHANGED);
      AddResult updated = store.add(doc("a1", "Title", "Second version.", null, null));
      assertThat(updated.outcome()).isEqualTo(AddResult.Outcome.UPDATED);
      assertThat(store.add(doc("a1", "Title", "Second version.", null, null)).outcome())
          .isEqualTo(AddResult.Outcome.UNCHANGED);
      assertThat(store.stats().articles()).isEqualTo(1);
      StoredArticle s = store.article("a1").orElseThrow();
      assertThat(s.article().text()).isEqualTo("Second version.");
      assertThat(s.seq()).isEqualTo(2);
    }
  }

  @Test
  void duplicateIdWithinOneBatchIsStoredOnce() throws IOException {
    try (Store store = openPlain()) {
      List<AddResult> r = store.add(List.of(doc("a1", "T", "Body.", null, null), doc("a1", "T", "Body.", null, null),
          doc("a1", "T", "Other body.", null, null)));
      assertThat(r).extracting(AddResult::outcome).containsExactly(AddResult.Outcome.ADDED,
          AddResult.Outcome.UNCHANGED, AddResult.Outcome.UPDATED);
      assertThat(store.stats().articles()).isEqualTo(1);
    }
  }

  @Test
  void aBatchMeetsTheStagesInPublicationOrderAndIsAnsweredInInputOrder() throws IOException {
    try (Store store = openPlain()) {
      List<AddResult> r = store.add(List.of(doc("first-undated", "F", "x", null, null),
          doc("late", "L", "x", "2016-05-17T09:00:00Z", null),
          doc("undated", "U", "x", null, null), doc("early", "E", "x", "2014-11-26T10:00:00Z", null)));
      assertThat(r).extracting(AddResult::id).containsExactly("first-undated", "late", "undated", "early");
      assertThat(store.article("early").orElseThrow().seq()).isEqualTo(1);
      assertThat(store.article("first-undated").orElseThrow().seq()).as("right after the earliest dated one")
          .isEqualTo(2);
      assertThat(store.article("late").orElseThrow().seq()).isEqualTo(3);
      assertThat(store.article("undated").orElseThrow().seq()).as("stays after the one before it").isEqualTo(4);
    }
  }

  @Test
  void documentWithNothingUsableIsSkippedWithAReasonAndNotStored() throws IOException {
    try (Store store = openPlain()) {
      AddResult r = store.add(doc("empty", null, "   \n\n  ", null, null));
      assertThat(r.outcome()).isEqualTo(AddResult.Outcome.SKIPPED);
      assertThat(r.reason()).contains("no text and no title");
      assertThat(store.article("empty")).isEmpty();
      RawDocument headline = new RawDocument("h1", "feed.jsonl:3", RawDocument.ContentKind.NONE, null, "", null,
          "Headline only", null, null);
      assertThat(store.add(headline).outcome()).isEqualTo(AddResult.Outcome.ADDED);
    }
  }

  @Test
  void searchMatchesInflectedWordsRanksTitlesAndAcceptsAnyText() throws IOException {
    try (Store store = openPlain()) {
      store.add(List.of(doc("a", "Moscow supports Damascus", "Talks went on.", null, null),
          doc("b", "Weather", "Russia says it supported the talks in Moscow.", null, null),
          doc("c", "Football", "A match.", null, null)));
      assertThat(store.search("support moscow", 10)).extracting(h -> h.article().id()).containsExactly("a", "b");
      assertThat(store.search("\"match", 10)).extracting(h -> h.article().id()).containsExactly("c");
      assertThat(store.search(")(*&^ OR AND ~ \" -", 10)).isEmpty();
      assertThat(store.search("the", 10)).isEmpty();
    }
  }

  @Test
  void copiesAndStoriesFromTheStagesAreStoredAndTheOriginJoinsItsGroup() throws IOException {
    try (Store store = openWithFakes()) {
      List<AddResult> r = store.add(List.of(
          doc("moscow-times", "Russia Vows Support", "Text A.", "2014-11-26T10:00:00Z", "The Moscow Times"),
          doc("huffpost", "Russia Vows Support", "Text A, edited.", "2014-11-26T12:00:00Z", "HuffPost"),
          doc("dw", "Russia seeks distance", "Text B.", "2016-05-17T09:00:00Z", "DW")));
      assertThat(r.get(1).copyGroup()).isEqualTo("c-moscow-times");
      assertThat(r.get(1).relation()).isEqualTo("copy");
      assertThat(r.get(1).sources()).containsExactly("moscow-times");
      assertThat(r).extracting(AddResult::storyId).containsOnly("s-russia");
      assertThat(store.article("moscow-times").orElseThrow().copyGroup()).isEqualTo("c-moscow-times");
      assertThat(store.article("moscow-times").orElseThrow().relation()).isEqualTo("original");
      CopyGroupView g = store.copyGroup("c-moscow-times").orElseThrow();
      assertThat(g.members()).extracting(StoredArticle::id).containsExactly("moscow-times", "huffpost");
      assertThat(g.diffs()).singleElement().satisfies(d -> {
        assertThat(d.fromId()).isEqualTo("moscow-times");
        assertThat(d.changes()).extracting(CopyGroupView.Change::kind)
            .containsExactly(CopyGroupView.Change.Kind.REMOVED, CopyGroupView.Change.Kind.ADDED);
      });
      StorySummary s = store.story("s-russia").orElseThrow();
      assertThat(s.size()).isEqualTo(3);
      assertThat(s.outlets()).containsExactly("The Moscow Times", "HuffPost", "DW");
      assertThat(store.articlesOfStory("s-russia")).extracting(StoredArticle::id)
          .containsExactly("moscow-times", "huffpost", "dw");
      assertThat(store.copyGroup("nope")).isEmpty();
    }
  }

  @Test
  void storiesAreListedByLatestActivityAndFilteredByTimeAndText() throws IOException {
    try (Store store = openWithFakes()) {
      store.add(List.of(doc("1", "Syria talks", "Assad and Putin.", "2014-11-26T10:00:00Z", "A"),
          doc("2", "Football final", "A match in Madrid.", "2015-05-01T10:00:00Z", "B"),
          doc("3", "Syria ceasefire", "Vienna talks.", "2016-05-17T09:00:00Z", "C")));
      assertThat(store.stories(null, null, null, 10)).extracting(StorySummary::id)
          .containsExactly("s-syria", "s-football");
      assertThat(store.stories(Instant.parse("2015-01-01T00:00:00Z"), Instant.parse("2015-12-31T00:00:00Z"), null,
          10)).extracting(StorySummary::id).containsExactly("s-syria", "s-football");
      assertThat(store.stories(Instant.parse("2016-01-01T00:00:00Z"), null, null, 10))
          .extracting(StorySummary::id).containsExactly("s-syria");
      assertThat(store.stories(null, null, "madrid", 10)).extracting(StorySummary::id).containsExactly("s-football");
      TopicSummary t = store.topic("t1").orElseThrow();
      assertThat(t.storyIds()).containsExactly("s-syria", "s-football");
      assertThat(store.article("1").orElseThrow().topicId()).isEqualTo("t1");
    }
  }

  @Test
  void reopeningReplaysTheStagesAndRewritesLinksTheyNoLongerGive() throws IOException {
    try (Store store = openWithFakes()) {
      store.add(List.of(doc("1", "Syria talks", "x", "2014-11-26T10:00:00Z", "A"),
          doc("2", "Syria ceasefire", "y", "2014-11-27T10:00:00Z", "B")));
      assertThat(store.story("s-syria")).isPresent();
    }
    // same stages: nothing to rewrite
    try (Store store = openWithFakes()) {
      store.awaitReady();
      assertThat(store.stats().replayed()).isEqualTo(2);
      assertThat(store.story("s-syria").orElseThrow().size()).isEqualTo(2);
    }
    // stages that cluster by the last word: every article moves, the old story disappears
    try (Store store = Store.builder().directory(dir)
        .steps(new FakeSteps(t -> t.substring(t.lastIndexOf(' ') + 1))).open()) {
      store.awaitReady();
      assertThat(store.article("1").orElseThrow().storyId()).isEqualTo("s-talks");
      assertThat(store.article("2").orElseThrow().storyId()).isEqualTo("s-ceasefire");
      assertThat(store.story("s-syria")).isEmpty();
      assertThat(store.stats().stories()).isEqualTo(2);
    }
  }

  @Test
  void aMergedStoryHandsItsArticlesToTheSurvivorAndStaysMergedAfterReopen() throws IOException {
    try (Store store = openWithFakes()) {
      store.add(List.of(doc("1", "Syria talks", "x", "2014-11-26T10:00:00Z", "A"),
          doc("2", "Ceasefire agreed", "y", "2014-11-26T11:00:00Z", "B")));
      AddResult r = store.add(doc("3", "merge syria ceasefire", "z", "2014-11-26T12:00:00Z", "C"));
      assertThat(r.storyId()).isEqualTo("s-syria");
      assertThat(store.article("2").orElseThrow().storyId()).isEqualTo("s-syria");
      assertThat(store.story("s-ceasefire")).isEmpty();
      assertThat(store.story("s-syria").orElseThrow().size()).isEqualTo(3);
      assertThat(store.articlesOfStory("s-syria")).extracting(StoredArticle::id).containsExactly("1", "2", "3");
    }
    try (Store store = openWithFakes()) {
      store.awaitReady();
      assertThat(store.stats().replayed()).isEqualTo(3);
      assertThat(store.articlesOfStory("s-syria")).extracting(StoredArticle::id).containsExactly("1", "2", "3");
      assertThat(store.story("s-ceasefire")).isEmpty();
      assertThat(store.stats().stories()).isEqualTo(1);
    }
  }

  @Test
  void readsAndUnchangedAddsDoNotWaitForTheReplayAndCloseStopsIt() throws IOException {
    try (Store store = openWithFakes()) {
      store.add(docs300());
    }
    try (Store store = openWithFakes()) {
      assertThat(store.add(docs300().get(5)).outcome()).isEqualTo(AddResult.Outcome.UNCHANGED);
      assertThat(store.article("d5")).isPresent();
    } // closes while the replay may still run: must not hang or fail
    try (Store store = openWithFakes()) {
      assertThat(store.add(doc("new", "Story1 again", "More.", null, null)).storyId()).isEqualTo("s-story1");
      assertThat(store.stats().ready()).isTrue();
      assertThat(store.stats().replayed()).isEqualTo(300);
    }
  }

  private static List<RawDocument> docs300() {
    List<RawDocument> docs = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      docs.add(doc("d" + i, "Story" + (i % 7) + " day " + i, "Text " + i, null, null));
    }
    return docs;
  }

  @Test
  void openingWithoutStagesKeepsTheStoredLinks() throws IOException {
    try (Store store = openWithFakes()) {
      store.add(doc("1", "Syria talks", "x", "2014-11-26T10:00:00Z", "A"));
    }
    try (Store store = openPlain()) {
      assertThat(store.article("1").orElseThrow().storyId()).isEqualTo("s-syria");
      assertThat(store.story("s-syria")).isPresent();
    }
  }

  @Test
  void concurrentAddsAreAllDurableAndVisibleOnceAcknowledged() throws Exception {
    int threads = 4;
    int perThread = 8;
    try (Store store = openPlain()) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          for (int i = 0; i < perThread; i++) {
            String id = "t" + thread + "-" + i;
            assertThat(store.add(doc(id, "Title " + id, "Body of " + id, null, null)).outcome())
                .isEqualTo(AddResult.Outcome.ADDED);
            assertThat(store.article(id)).as("visible once acknowledged").isPresent();
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      pool.shutdown();
      assertThat(store.stats().articles()).isEqualTo(threads * perThread);
    }
    try (Store store = openPlain()) {
      assertThat(store.stats().articles()).isEqualTo(threads * perThread);
    }
  }

  @Test
  void secondOpenOfTheSameDirectoryFailsNamingIt() throws IOException {
    try (Store store = openPlain()) {
      assertThatThrownBy(() -> openPlain()).isInstanceOf(IOException.class)
          .hasMessageContaining(dir.toString()).hasMessageContaining("in use");
    }
  }

  @Test
  void callerMistakesAreRejectedNamingTheValue() throws IOException {
    try (Store store = openPlain()) {
      assertThatThrownBy(() -> store.latest(0)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("got 0");
      assertThatThrownBy(() -> Store.builder().open()).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("directory is required");
    }
  }
}
