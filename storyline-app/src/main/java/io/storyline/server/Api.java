package io.storyline.server;

import io.storyline.stories.Story;
import io.storyline.stories.Topic;
import io.javalin.http.Context;
import io.storyline.ingest.RawDocument;
import io.storyline.store.AddResult;
import io.storyline.store.Store;
import io.storyline.store.StoredArticle;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON API handlers: each parses its parameters, calls the {@link Store} and formats a {@link Views} record.
 * Parameter mistakes become 400s naming the parameter and value; unknown ids 404s.
 */
final class Api {
  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 1000;

  private final Store store;

  Api(Store store) {
    this.store = store;
  }

  void postArticles(Context ctx) throws IOException {
    List<RawDocument> docs = RequestDocuments.parse(ctx.bodyAsBytes());
    List<AddResult> results = store.add(docs);
    Json.send(ctx, 200, Views.PostView.of(results));
  }

  void getArticle(Context ctx) {
    String id = ctx.pathParam("id");
    StoredArticle a = store.article(id).orElseThrow(() -> ApiException.notFound("no article with id '" + id
        + "'; ids are those given when the article was added"));
    Json.send(ctx, 200, Views.ArticleView.of(a));
  }

  void latestArticles(Context ctx) {
    Instant from = time(ctx, "from");
    Instant to = time(ctx, "to");
    int limit = limit(ctx);
    List<StoredArticle> articles = from == null && to == null ? store.latest(limit) : store.articles(from, to, limit);
    Json.send(ctx, 200, new Views.ListView<>(articles.stream().map(Views.ArticleRef::of).toList()));
  }

  void listStories(Context ctx) {
    List<Story> stories = store.stories(time(ctx, "from"), time(ctx, "to"), ctx.queryParam("q"), limit(ctx));
    Json.send(ctx, 200, new Views.ListView<>(stories));
  }

  void getStory(Context ctx) {
    String id = ctx.pathParam("id");
    Story s = store.story(id).orElseThrow(() -> ApiException.notFound("no story with id '" + id
        + "'; list stories with GET /api/stories"));
    Json.send(ctx, 200, Views.StoryView.of(s, store.articlesOfStory(id)));
  }

  void getTopic(Context ctx) {
    String id = ctx.pathParam("id");
    Topic t = store.topic(id).orElseThrow(() -> ApiException.notFound("no topic with id '" + id
        + "'; a story names its topic once it is threaded into one"));
    List<Story> stories = new ArrayList<>();
    for (String sid : t.storyIds()) {
      store.story(sid).ifPresent(stories::add);
    }
    Json.send(ctx, 200, new Views.TopicView(t, stories));
  }

  void getCopies(Context ctx) {
    String group = ctx.pathParam("group");
    Json.send(ctx, 200, Views.CopiesView.of(store.copyGroup(group).orElseThrow(() -> ApiException.notFound(
        "no copy group '" + group + "'; an article names its copy group in the field copyGroup"))));
  }

  void search(Context ctx) {
    String q = ctx.queryParam("q");
    if (q == null || q.isBlank()) {
      throw ApiException.badRequest("parameter q is required: the words to search for, e.g. /api/search?q=Assad");
    }
    Json.send(ctx, 200, Views.SearchView.of(q, store.search(q, limit(ctx))));
  }

  void health(Context ctx) {
    Json.send(ctx, 200, Views.Health.of(store.stats()));
  }

  private static int limit(Context ctx) {
    String raw = ctx.queryParam("limit");
    if (raw == null || raw.isBlank()) {
      return DEFAULT_LIMIT;
    }
    try {
      int n = Integer.parseInt(raw.strip());
      if (n >= 1 && n <= MAX_LIMIT) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiException.badRequest("parameter limit must be a whole number from 1 to " + MAX_LIMIT + ", got '"
        + raw + "'");
  }

  /** An ISO-8601 instant, offset date-time or date (midnight UTC); null when absent. */
  static Instant time(Context ctx, String name) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String s = raw.strip();
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      // try a date
    }
    try {
      return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("parameter " + name + " must be an ISO-8601 date or time such as 2014-11-26 or "
          + "2014-11-26T10:00:00Z, got '" + raw + "'");
    }
  }
}
