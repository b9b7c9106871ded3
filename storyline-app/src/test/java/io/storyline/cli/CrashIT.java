package io.storyline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.storyline.store.Store;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 of a real {@code storyline} process in the middle of writing, then a restart: every document it had
 * acknowledged (a JSON line printed by {@code run}, a 200 answer of {@code POST /api/articles}) is in the store
 * exactly once, and nothing is stored twice.
 */
class CrashIT {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Pattern URL = Pattern.compile("running at (http://\\S+/) ");
  @TempDir Path dir;

  @Test
  void killDuringRunLosesNothingAcknowledgedAndAResumedRunAddsOnlyTheRest() throws Exception {
    int total = 600;
    Path input = dir.resolve("feed.jsonl");
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      lines.add(article("doc-" + i, i));
    }
    Files.write(input, lines, StandardCharsets.UTF_8);
    Path store = dir.resolve("store");
    Process p = child("run", input.toString(), "--store", store.toString());
    List<String> acknowledged = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        acknowledged.add(JSON.readTree(line).get("id").asText());
        if (acknowledged.size() == StoreIngest.BATCH) {
          kill9(p); // while the next batch is being extracted, placed or committed
        }
      }
    }
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(acknowledged).as("acknowledged before the kill; see %s", dir.resolve("child.err"))
        .hasSizeGreaterThanOrEqualTo(StoreIngest.BATCH).hasSizeLessThan(total);

    Set<String> stored = storedExactlyOnce(store);
    assertThat(stored).containsAll(acknowledged);

    CliRun resumed = CliRun.of("run", input.toString(), "--store", store.toString());
    assertThat(resumed.exitCode()).as(resumed.err()).isEqualTo(0);
    Map<String, Integer> outcomes = new HashMap<>();
    resumed.lines().forEach(n -> outcomes.merge(n.get("outcome").asText(), 1, Integer::sum));
    assertThat(outcomes.getOrDefault("unchanged", 0)).isEqualTo(stored.size());
    assertThat(outcomes.getOrDefault("added", 0)).isEqualTo(total - stored.size());
    assertThat(storedExactlyOnce(store)).hasSize(total);
  }

  @Test
  void killDuringPostBatchesLosesNothingAcknowledged() throws Exception {
    Path store = dir.resolve("store");
    Process p = child("serve", "--store", store.toString(), "--port", "0", "--ingest",
        Paths.get("..", "examples", "seeds").toString());
    URI base;
    try {
      base = awaitUrl(p);
    } catch (AssertionError | IOException e) {
      p.destroyForcibly();
      throw e;
    }
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    JsonNode health = JSON.readTree(client.send(HttpRequest.newBuilder(base.resolve("api/health")).build(),
        HttpResponse.BodyHandlers.ofString()).body());
    assertThat(health.get("articles").asInt()).as("--ingest stored the seeds").isEqualTo(3);

    int clients = 4;
    int perBatch = 20;
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicInteger failed = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(clients);
    for (int c = 0; c < clients; c++) {
      int clientNo = c;
      Thread t = new Thread(() -> {
        try {
          for (int batch = 0; batch < 200; batch++) {
            StringBuilder body = new StringBuilder();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < perBatch; i++) {
              String id = "c" + clientNo + "-b" + batch + "-" + i;
              ids.add(id);
              body.append(article(id, batch * perBatch + i)).append('\n');
            }
            HttpResponse<String> r;
            try {
              r = client.send(HttpRequest.newBuilder(base.resolve("api/articles"))
                  .POST(HttpRequest.BodyPublishers.ofString(body.toString())).timeout(Duration.ofSeconds(60)).build(),
                  HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
              failed.incrementAndGet(); // the server died during this request: nothing of it was acknowledged
              return;
            }
            if (r.statusCode() == 200) {
              acknowledged.addAll(ids);
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          done.countDown();
        }
      });
      t.setDaemon(true);
      t.start();
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (acknowledged.size() < 10 * perBatch && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    kill9(p); // with POSTs in flight
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
    Set<String> snapshot = Set.copyOf(acknowledged);
    assertThat(snapshot).as("acknowledged before the kill; see %s", dir.resolve("child.err"))
        .hasSizeGreaterThanOrEqualTo(10 * perBatch);
    assertThat(failed.get()).as("requests cut by the kill").isGreaterThan(0);

    Set<String> stored = storedExactlyOnce(store);
    assertThat(stored).containsAll(snapshot);
    try (Store reopened = Store.open(store)) {
      assertThat(reopened.stats().articles()).isEqualTo(stored.size());
      assertThat(reopened.article("000_07f4cbc89c93d9ec.txt")).isPresent();
    }
  }

  /**
   * SIGKILL, as {@code kill -9} from a shell: the process gets no chance to close anything. (Unlike
   * {@link Process#destroyForcibly}, this leaves our end of its stdout open, to read what it printed before.)
   */
  private static void kill9(Process p) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-9", Long.toString(p.pid())).inheritIO().start();
    assertThat(kill.waitFor()).as("kill -9 %d", p.pid()).isEqualTo(0);
  }

  /** The ids of the stored articles, after checking that no id is stored twice. */
  private static Set<String> storedExactlyOnce(Path store) throws IOException {
    try (FSDirectory d = FSDirectory.open(store); DirectoryReader r = DirectoryReader.open(d)) {
      IndexSearcher s = new IndexSearcher(r);
      TermQuery articles = new TermQuery(new Term("type", "article"));
      int n = s.count(articles);
      Set<String> ids = new java.util.HashSet<>();
      StoredFields fields = s.storedFields();
      for (ScoreDoc sd : s.search(articles, Math.max(1, n)).scoreDocs) {
        String id = fields.document(sd.doc).get("aid");
        assertThat(ids.add(id)).as("article %s is stored twice", id).isTrue();
      }
      return ids;
    }
  }

  private Process child(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-cp", System.getProperty("java.class.path"), StorylineCli.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectError(dir.resolve("child.err").toFile()).start();
  }

  private URI awaitUrl(Process p) throws IOException {
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      Matcher m = URL.matcher(line);
      if (m.find()) {
        return URI.create(m.group(1));
      }
    }
    throw new AssertionError("the server printed no URL; its stderr: " + Files.readString(dir.resolve("child.err")));
  }

  /**
   * A JSON line of a synthetic but article-like document: a title, twelve sentences in three paragraphs, a date and
   * an outlet, with words drawn at random (seeded by {@code n}) from a vocabulary large enough that two documents are
   * not copies of each other, as in a real feed.
   */
  static String article(String id, int n) {
    java.util.SplittableRandom r = new java.util.SplittableRandom(n * 7919L + 17); // fixed: reproducible feeds
    StringBuilder text = new StringBuilder();
    for (int s = 0; s < 12; s++) {
      for (int w = 0; w < 14; w++) {
        text.append(w == 0 ? "" : " ").append(word(r));
      }
      text.append(s % 4 == 3 ? ".\n\n" : ". ");
    }
    return JSON.createObjectNode().put("id", id)
        .put("title", "Report " + n + ": " + word(r) + " " + word(r) + " " + word(r))
        .put("text", text.toString().strip()).put("published", "2020-01-01T00:00:00Z").put("source", "Outlet " + (n % 5))
        .toString();
  }

  /** A pronounceable pseudo-word of two to four syllables: about 100,000 different ones. */
  private static String word(java.util.SplittableRandom r) {
    String[] syllables = {"ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "be", "da", "fu", "go", "hi", "jo", "pe",
        "qua", "ri", "so", "tu", "we", "xa", "yo", "ze", "bra", "cle", "dri", "fro", "gla", "pre", "stu"};
    StringBuilder w = new StringBuilder();
    for (int i = 2 + r.nextInt(3); i > 0; i--) {
      w.append(syllables[r.nextInt(syllables.length)]);
    }
    return w.toString();
  }
}
