package io.storyline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.storyline.store.Store;
import io.storyline.store.StoreTesting;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON API over loopback on a free port, against a store with predictable stages (see StoreTesting). */
class ApiIT {
  @TempDir static Path dir;
  static Store store;
  static Server server;
  static Http http;

  static final String HOSTILE_TITLE = "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\">";
  static final String HOSTILE_URL = "javascript:window.pwned=3";

  @BeforeAll
  static void start() throws Exception {
    store = StoreTesting.openWithPredictableStages(dir.resolve("store"));
    server = Server.builder().store(store).port(0).maxBodySize(64 * 1024).build().start();
    http = new Http(server.url());
    String batch = String.join("\n",
        Http.article("mt", "Russia Vows Support", "Russia said on Wednesday it would support Assad.",
            "2014-11-26T10:00:00Z", "The Moscow Times", "https://www.themoscowtimes.com/a"),
        Http.article("hp", "Russia Vows Support", "Russia said on Wednesday it would fully support Assad.",
            "2014-11-26T12:00:00Z", "HuffPost", "https://www.huffpost.com/b"),
        Http.article("dw", "Russia seeks distance", "Russia distanced itself from Assad in Vienna.",
            "2016-05-17T09:00:00Z", "DW", "https://www.dw.com/c"),
        Http.article("football", "Football final tonight", "A match in Madrid.", "2015-05-01T10:00:00Z", "BBC",
            null));
    Http.Response r = http.post("/api/articles", batch);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
    store.close();
  }

  @Test
  void postedBatchIsAnsweredPerArticleWithGroupStoryAndTopic() throws Exception {
    String batch = Http.article("hp2", "Russia Vows Support", "Russia said on Wednesday it would support Assad.",
        "2014-11-26T13:00:00Z", "Yahoo", null) + "\n"
        + Http.article("mt", "Russia Vows Support", "Russia said on Wednesday it would support Assad.",
        "2014-11-26T10:00:00Z", "The Moscow Times", "https://www.themoscowtimes.com/a");
    Http.Response r = http.post("/api/articles", batch);
    assertThat(r.status()).isEqualTo(200);
    JsonNode a = r.json().get("articles");
    assertThat(a).hasSize(2);
    assertThat(a.get(0).get("id").asText()).isEqualTo("hp2");
    assertThat(a.get(0).get("outcome").asText()).isEqualTo("added");
    assertThat(a.get(0).get("copyGroup").asText()).isEqualTo("c-mt");
    assertThat(a.get(0).get("relation").asText()).isEqualTo("copy");
    assertThat(a.get(0).get("story").asText()).isEqualTo("s-russia");
    assertThat(a.get(0).get("topic").asText()).isEqualTo("t1");
    assertThat(a.get(1).get("outcome").asText()).isEqualTo("unchanged");
    assertThat(r.json().get("added").asInt()).isEqualTo(1);
    assertThat(r.json().get("unchanged").asInt()).isEqualTo(1);
  }

  @Test
  void oneArticleAsPrettyJsonIsAddedThenUnchangedThenUpdated() throws Exception {
    String pretty = "{\n  \"id\": \"single\",\n  \"title\": \"Single\",\n  \"text\": \"One.\"\n}";
    assertThat(http.post("/api/articles", pretty).json().at("/articles/0/outcome").asText()).isEqualTo("added");
    assertThat(http.post("/api/articles", pretty).json().at("/articles/0/outcome").asText()).isEqualTo("unchanged");
    Http.Response r = http.post("/api/articles", pretty.replace("One.", "Two."));
    assertThat(r.json().at("/articles/0/outcome").asText()).isEqualTo("updated");
    assertThat(http.get("/api/articles/single").json().get("text").asText()).isEqualTo("Two.");
  }

  @Test
  void articleIsReadBackWithItsLinks() throws Exception {
    Http.Response r = http.get("/api/articles/mt");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("title").asText()).isEqualTo("Russia Vows Support");
    assertThat(r.json().get("outlet").asText()).isEqualTo("The Moscow Times");
    assertThat(r.json().get("published").asText()).isEqualTo("2014-11-26T10:00:00Z");
    assertThat(r.json().get("copyGroup").asText()).isEqualTo("c-mt");
    assertThat(r.json().get("relation").asText()).isEqualTo("original");
    assertThat(r.json().get("story").asText()).isEqualTo("s-russia");
  }

  @Test
  void storiesAreListedFilteredAndShownWithArticlesOutletsTimelineAndGroups() throws Exception {
    JsonNode list = http.get("/api/stories").json().get("items");
    assertThat(list).extracting(n -> n.get("id").asText()).containsExactly("s-russia", "s-football");
    assertThat(http.get("/api/stories?from=2016-01-01").json().get("items"))
        .extracting(n -> n.get("id").asText()).containsExactly("s-russia");
    assertThat(http.get("/api/stories?to=2014-12-31T00:00:00Z").json().get("items"))
        .extracting(n -> n.get("id").asText()).containsExactly("s-russia");
    assertThat(http.get("/api/stories?q=madrid").json().get("items"))
        .extracting(n -> n.get("id").asText()).containsExactly("s-football");
    JsonNode story = http.get("/api/stories/s-russia").json();
    assertThat(story.at("/story/headline").asText()).isEqualTo("Russia Vows Support");
    assertThat(story.get("outlets")).extracting(JsonNode::asText).contains("The Moscow Times", "HuffPost", "DW");
    assertThat(story.get("timeline")).extracting(n -> n.get("article").asText()).startsWith("mt", "hp");
    assertThat(story.get("copyGroups")).extracting(n -> n.get("id").asText()).containsExactly("c-mt");
  }

  @Test
  void topicAndCopyGroupAreShownWithTheirStoriesAndDiffs() throws Exception {
    JsonNode topic = http.get("/api/topics/t1").json();
    assertThat(topic.get("stories")).extracting(n -> n.get("id").asText()).contains("s-russia", "s-football");
    JsonNode copies = http.get("/api/copies/c-mt").json();
    assertThat(copies.get("members")).extracting(n -> n.get("id").asText()).startsWith("mt", "hp");
    assertThat(copies.at("/diffs/0/fromId").asText()).isEqualTo("mt");
    assertThat(copies.at("/diffs/0/changes")).extracting(n -> n.get("kind").asText()).contains("ADDED");
  }

  @Test
  void searchFindsInflectedWordsAndNeedsQ() throws Exception {
    JsonNode hits = http.get("/api/search?q=distancing").json().get("hits");
    assertThat(hits).extracting(n -> n.at("/article/id").asText()).containsExactly("dw");
    Http.Response missing = http.get("/api/search");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().get("detail").asText()).contains("parameter q is required");
  }

  @Test
  void healthCountsWhatTheStoreHolds() throws Exception {
    JsonNode h = http.get("/api/health").json();
    assertThat(h.get("status").asText()).isEqualTo("ok");
    assertThat(h.get("articles").asInt()).isGreaterThanOrEqualTo(4);
    assertThat(h.get("clustering").asBoolean()).isTrue();
  }

  @Test
  void malformedOrIdlessBodiesAre400NamingTheLineAndStoreNothing() throws Exception {
    String body = Http.article("never-1", "T", "x", null, null, null) + "\n{\"id\": \"never-2\", \"title\": 3}\n";
    Http.Response r = http.post("/api/articles", body);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("error").asText()).isEqualTo("bad request");
    assertThat(r.json().get("detail").asText()).contains("line:2").contains("nothing stored");
    assertThat(http.get("/api/articles/never-1").status()).isEqualTo(404);
    Http.Response noId = http.post("/api/articles", "{\"title\":\"No id\",\"text\":\"x\"}");
    assertThat(noId.status()).isEqualTo(400);
    assertThat(noId.json().get("detail").asText()).contains("no \"id\"");
    assertThat(http.post("/api/articles", "  ").status()).isEqualTo(400);
    assertThat(http.post("/api/articles", "[]").status()).isEqualTo(400);
  }

  @Test
  void bodyOverTheLimitIs413() throws Exception {
    String big = Http.article("big", "Big", "word ".repeat(20_000), null, null, null);
    Http.Response r = http.post("/api/articles", big);
    assertThat(r.status()).isEqualTo(413);
    assertThat(r.json().get("detail").asText()).contains("65536 bytes");
    assertThat(http.get("/api/articles/big").status()).isEqualTo(404);
  }

  @Test
  void unknownIdsPathsAndMethodsAreJsonErrors() throws Exception {
    for (String path : List.of("/api/articles/nope", "/api/stories/nope", "/api/topics/nope", "/api/copies/nope",
        "/api/nothing-here", "/nothing-here")) {
      Http.Response r = http.get(path);
      assertThat(r.status()).as(path).isEqualTo(404);
      assertThat(r.json().get("error").asText()).as(path).isEqualTo("not found");
      assertThat(r.json().get("detail").asText()).as(path).isNotBlank();
    }
    Http.Response wrong = http.method("DELETE", "/api/health");
    assertThat(wrong.status()).isEqualTo(405);
    assertThat(wrong.json().get("error").asText()).isEqualTo("method not allowed");
    for (String path : List.of("/api/stories?limit=0", "/api/stories?limit=x", "/api/stories?from=yesterday",
        "/api/articles?to=2014-13-45")) {
      Http.Response r = http.get(path);
      assertThat(r.status()).as(path).isEqualTo(400);
      assertThat(r.json().get("detail").asText()).as(path).contains("parameter");
    }
  }

  @Test
  void requestsJettyRejectsItselfAreJsonWithoutStackTraces() throws Exception {
    for (String request : List.of("GET /api/articles/%zz HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n")) {
      String answer = raw(request);
      assertThat(answer).startsWith("HTTP/1.1 4");
      assertThat(answer).doesNotContain("at org.").doesNotContain("Exception").doesNotContain("<html");
    }
  }

  @Test
  void hostileArticleComesBackAsInertJsonDataAndPagesForbidInlineScript() throws Exception {
    Http.Response posted = http.post("/api/articles", Http.article("hostile", HOSTILE_TITLE,
        "<script>window.pwned=4</script> text", null, "<b onmouseover=alert(1)>Evil</b>", HOSTILE_URL));
    assertThat(posted.status()).isEqualTo(200);
    Http.Response r = http.get("/api/articles/hostile");
    assertThat(r.contentType()).startsWith("application/json");
    assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(r.json().get("title").asText()).isEqualTo(HOSTILE_TITLE);
    assertThat(r.json().get("url").asText()).isEqualTo(HOSTILE_URL);
    Http.Response page = http.get("/");
    assertThat(page.status()).isEqualTo(200);
    String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
    assertThat(csp).contains("script-src 'self'").contains("default-src 'none'").doesNotContain("unsafe-inline")
        .doesNotContain("unsafe-eval");
    assertThat(page.body()).doesNotContain("<script>").doesNotContain(" on"); // no inline script, no handler
  }

  @Test
  void theUiScriptNeverParsesStringsAsHtml() throws IOException {
    String js;
    try (InputStream in = Server.class.getResourceAsStream(Server.UI + "/app.js")) {
      js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> sinks = new ArrayList<>();
    for (String sink : List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
        "new Function", "setTimeout('", "setAttribute('on", "srcdoc")) {
      if (js.replaceAll("(?m)^\\s*//.*$", "").contains(sink)) {
        sinks.add(sink);
      }
    }
    assertThat(sinks).as("HTML/script sinks in app.js").isEmpty();
  }

  private static String raw(String request) throws IOException {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      byte[] buf = s.getInputStream().readNBytes(4096);
      return new String(buf, StandardCharsets.ISO_8859_1);
    }
  }
}
