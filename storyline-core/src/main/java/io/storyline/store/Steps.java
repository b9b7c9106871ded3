package io.storyline.store;

import io.storyline.copies.CopyDetector;
import io.storyline.extract.Article;
import io.storyline.stories.StoryClusterer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The stateful stages between extraction and the store, seen through two small interfaces so that the store does
 * not depend on how copies and stories are found. Both are called under the store's pipeline lock, one article at
 * a time, in {@link StoredArticle#seq} order, with {@link StepClock} set to the article's {@code added} time: on
 * reopen the store replays its articles through fresh instances and gets the same answers back (see
 * {@code package-info}).
 */
final class Steps {
  private Steps() {}

  /** What the copies stage says about one article. */
  record CopyLink(String group, String relation, List<String> sources) {
    static final CopyLink NONE = new CopyLink(null, null, List.of());

    CopyLink {
      sources = sources == null ? List.of() : List.copyOf(sources);
    }
  }

  /**
   * The copies stage's answer for one article: its own link, and the earlier articles whose link changed because of
   * it (typically the origin, which joins the group when its first copy arrives).
   */
  record Linked(CopyLink own, Map<String, CopyLink> others) {
    static final Linked NONE = new Linked(CopyLink.NONE, Map.of());

    Linked {
      Objects.requireNonNull(own, "own");
      others = Map.copyOf(others);
    }
  }

  /** The copies stage: an index of the texts seen so far. */
  interface CopyStep {
    /** Indexes {@code article}; returns its copy link and the changed links of earlier articles. */
    Linked link(Article article);

    /** The word diff from {@code from}'s text to {@code to}'s; thread-safe (called by readers, outside the lock). */
    List<CopyGroupView.Change> diff(Article from, Article to);

    /** Whether this step finds copies at all (false for {@link #NONE}). */
    default boolean enabled() {
      return true;
    }

    /** Releases what the step holds (files); called when the store closes. */
    default void close() throws IOException {
    }

    /** No copy detection: every article is its own. */
    CopyStep NONE = new CopyStep() {
      @Override
      public Linked link(Article article) {
        return Linked.NONE;
      }

      @Override
      public List<CopyGroupView.Change> diff(Article from, Article to) {
        return List.of();
      }

      @Override
      public boolean enabled() {
        return false;
      }
    };
  }

  /**
   * What changed in the stories stage since the previous {@link StoryStep#drainChanges}: new or changed story and
   * topic summaries, and stories merged into others ({@code merged}: the merged story's id to the id it now goes
   * by). The store moves the articles of a merged story to the surviving one and deletes the merged story.
   */
  record StoryChanges(List<StorySummary> stories, List<TopicSummary> topics, Map<String, String> merged) {
    static final StoryChanges NONE = new StoryChanges(List.of(), List.of(), Map.of());

    StoryChanges {
      stories = List.copyOf(stories);
      topics = List.copyOf(topics);
      merged = Map.copyOf(merged);
    }
  }

  /** The stories stage: online clustering into stories, threaded into topics. */
  interface StoryStep {
    /** Places {@code article} (with its copy group, or null) and returns its story id as of now, or null. */
    String place(Article article, String copyGroup);

    /** Stories and topics whose summaries changed since the last call, and stories merged meanwhile. */
    StoryChanges drainChanges();

    /** Whether this step clusters at all (false for {@link #NONE}). */
    default boolean enabled() {
      return true;
    }

    /** No clustering: articles have no story. */
    StoryStep NONE = new StoryStep() {
      @Override
      public String place(Article article, String copyGroup) {
        return null;
      }

      @Override
      public StoryChanges drainChanges() {
        return StoryChanges.NONE;
      }

      @Override
      public boolean enabled() {
        return false;
      }
    };
  }

  /** Makes the steps when a store opens. */
  interface Factory {
    /** The copies step; {@code directory} is the store's folder, for files the step needs while open. */
    CopyStep copies(Clock clock, Path directory) throws IOException;

    StoryStep stories(Clock clock);
  }

  /**
   * The stages of this build: copy detection ({@link DetectedCopies}, texts kept in {@value #COPY_TEXTS} in the
   * store's folder while it is open) and story clustering with topic threading ({@link ClusteredStories} over a
   * {@link StoryClusterer} with its default settings, embeddings included, on the step clock).
   */
  static final Factory DEFAULT = new Factory() {
    @Override
    public CopyStep copies(Clock clock, Path directory) throws IOException {
      return new DetectedCopies(CopyDetector.builder().build(), directory.resolve(COPY_TEXTS));
    }

    @Override
    public StoryStep stories(Clock clock) {
      return new ClusteredStories(StoryClusterer.builder().clock(clock).build());
    }
  };

  /** The copies stage's text file in the store folder (not part of the index: rebuilt on every open). */
  static final String COPY_TEXTS = "copies-texts.tmp";

  /** No steps: articles are stored with no copy group and no story. */
  static final Factory NONE = new Factory() {
    @Override
    public CopyStep copies(Clock clock, Path directory) {
      return CopyStep.NONE;
    }

    @Override
    public StoryStep stories(Clock clock) {
      return StoryStep.NONE;
    }
  };

  /**
   * The clock the steps see: set by the store to the {@code added} time of the article being processed, so a
   * replay sees the same "now" as the first pass did. Only read under the pipeline lock.
   */
  static final class StepClock extends Clock {
    private volatile Instant now = Instant.EPOCH;

    void set(Instant instant) {
      this.now = Objects.requireNonNull(instant, "instant");
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("the step clock is always UTC");
    }
  }
}
