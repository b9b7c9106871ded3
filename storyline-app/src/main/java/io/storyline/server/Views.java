package io.storyline.server;

import io.storyline.extract.Article;
import io.storyline.store.AddResult;
import io.storyline.store.CopyGroupView;
import io.storyline.store.Store;
import io.storyline.store.StoredArticle;
import io.storyline.store.StorySummary;
import io.storyline.store.TopicSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON shapes of the API: plain records, serialised with null fields left out. */
final class Views {
  private Views() {}

  /** Characters of body text in an article reference. */
  static final int SNIPPET = 280;

  /** A full article: {@code GET /api/articles/{id}}. */
  record ArticleView(String id, String url, String title, String text, String byline, Instant published,
      String outlet, String agency, String dateline, String language, String status, String copyGroup,
      String relation, List<String> sources, String story, String topic, Instant added, String contentHash) {
    static ArticleView of(StoredArticle s) {
      Article a = s.article();
      return new ArticleView(a.id(), a.url(), a.title(), a.text(), a.byline(), a.published(), a.outlet(), a.agency(),
          a.dateline(), a.language(), a.status().name().toLowerCase(Locale.ROOT), s.copyGroup(), s.relation(),
          s.sources(), s.storyId(), s.topicId(), s.added(), s.contentHash());
    }
  }

  /** An article in a list: what a reader needs to pick it. */
  record ArticleRef(String id, String title, String url, String outlet, Instant published, String snippet,
      String copyGroup, String relation, String story, String topic) {
    static ArticleRef of(StoredArticle s) {
      Article a = s.article();
      String text = a.text();
      String snippet = text.length() <= SNIPPET ? text : text.substring(0, SNIPPET).replaceAll("\\s+\\S*$", "") + "…";
      return new ArticleRef(a.id(), a.title(), a.url(), a.outlet(), a.published(), snippet.replace("\n\n", " "),
          s.copyGroup(), s.relation(), s.storyId(), s.topicId());
    }
  }

  /** One entry of a story's timeline; {@code time} is the publication time, null when the page gave none. */
  record TimelineEntry(Instant time, String outlet, String title, String article, String copyGroup) { }

  /** A copy group inside a story: its id and member ids. */
  record GroupRef(String id, List<String> members, List<String> outlets) { }

  /** {@code GET /api/stories/{id}}. */
  record StoryView(StorySummary story, List<ArticleRef> articles, List<String> outlets,
      List<TimelineEntry> timeline, List<GroupRef> copyGroups) {
    static StoryView of(StorySummary story, List<StoredArticle> articles) {
      List<ArticleRef> refs = articles.stream().map(ArticleRef::of).toList();
      List<String> outlets = new ArrayList<>(story.outlets());
      List<TimelineEntry> timeline = new ArrayList<>();
      Map<String, List<StoredArticle>> groups = new LinkedHashMap<>();
      for (StoredArticle s : articles) {
        String outlet = s.article().outlet();
        if (outlet != null && !outlets.contains(outlet)) {
          outlets.add(outlet);
        }
        timeline.add(new TimelineEntry(s.article().published(), outlet, s.article().title(), s.id(), s.copyGroup()));
        if (s.copyGroup() != null) {
          groups.computeIfAbsent(s.copyGroup(), g -> new ArrayList<>()).add(s);
        }
      }
      List<GroupRef> groupRefs = groups.entrySet().stream().map(e -> new GroupRef(e.getKey(),
          e.getValue().stream().map(StoredArticle::id).toList(),
          e.getValue().stream().map(s -> s.article().outlet()).filter(o -> o != null).distinct().toList())).toList();
      return new StoryView(story, refs, outlets, timeline, groupRefs);
    }
  }

  /** {@code GET /api/topics/{id}}: the topic and its stories, oldest first. */
  record TopicView(TopicSummary topic, List<StorySummary> stories) { }

  /** {@code GET /api/copies/{group}}. */
  record CopiesView(String id, List<ArticleRef> members, List<CopyGroupView.Diff> diffs) {
    static CopiesView of(CopyGroupView g) {
      return new CopiesView(g.id(), g.members().stream().map(ArticleRef::of).toList(), g.diffs());
    }
  }

  /** A search hit. */
  record Hit(float score, ArticleRef article) { }

  /** {@code GET /api/search}. */
  record SearchView(String query, List<Hit> hits) {
    static SearchView of(String query, List<Store.Hit> hits) {
      return new SearchView(query, hits.stream().map(h -> new Hit(h.score(), ArticleRef.of(h.article()))).toList());
    }
  }

  /** A list of stories or articles. */
  record ListView<T>(List<T> items) { }

  /** One article of a {@code POST /api/articles} answer. */
  record Placed(String id, String outcome, String reason, String copyGroup, String relation, List<String> sources,
      String story, String topic) {
    static Placed of(AddResult r) {
      return new Placed(r.id(), r.outcome().name().toLowerCase(Locale.ROOT), r.reason(), r.copyGroup(), r.relation(),
          r.sources().isEmpty() ? null : r.sources(), r.storyId(), r.topicId());
    }
  }

  /** {@code POST /api/articles}: one entry per article, in request order, and the counts. */
  record PostView(List<Placed> articles, int added, int updated, int unchanged, int skipped) {
    static PostView of(List<AddResult> results) {
      int[] n = new int[AddResult.Outcome.values().length];
      results.forEach(r -> n[r.outcome().ordinal()]++);
      return new PostView(results.stream().map(Placed::of).toList(), n[AddResult.Outcome.ADDED.ordinal()],
          n[AddResult.Outcome.UPDATED.ordinal()], n[AddResult.Outcome.UNCHANGED.ordinal()],
          n[AddResult.Outcome.SKIPPED.ordinal()]);
    }
  }

  /** {@code GET /api/health}. */
  record Health(String status, int articles, int stories, int topics, boolean copies, boolean clustering,
      boolean ready, long replayed, long replayMillis) {
    static Health of(Store.Stats s) {
      return new Health("ok", s.articles(), s.stories(), s.topics(), s.copiesEnabled(), s.storiesEnabled(),
          s.ready(), s.replayed(), s.replayMillis());
    }
  }

  /** Every error: a short kind and a sentence saying what to do. */
  record Error(String error, String detail) { }
}
