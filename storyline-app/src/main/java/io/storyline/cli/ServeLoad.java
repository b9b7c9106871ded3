package io.storyline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.storyline.ingest.RawDocument;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The load of {@code storyline bench serve}: each client thread loops over requests chosen at random (seeded per
 * client) until the time is up, one request at a time, and records each latency and status. The write share of
 * requests POSTs one new article and waits for its durable answer; the reads are 25% story lists, 15% one story
 * (one article when there are no stories), 20% one article and 40% searches of two words.
 */
final class ServeLoad {
  /** What a request does. */
  enum Op { STORIES, STORY, ARTICLE, SEARCH, POST }

  private static final String[] WORDS = {"minister", "talks", "ceasefire", "election", "market", "court", "storm",
      "council", "budget", "strike", "summit", "vaccine", "harbour", "railway", "festival", "drought", "Moscow",
      "Vienna", "Damascus", "Brussels", "Sochi", "Geneva", "Kabul", "Lagos"};

  private static final String[] SYLLABLES = {"ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "be", "da", "fu", "go",
      "hi", "jo", "pe", "qua", "ri", "so", "tu", "we", "xa", "yo", "ze", "bra", "cle", "dri", "fro", "gla", "pre",
      "stu"};

  private final URI base;
  private final int clients;
  private final int writePercent;
  private final long seed;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
      .version(HttpClient.Version.HTTP_1_1).build();

  ServeLoad(URI base, int clients, int writePercent, long seed) {
    this.base = base;
    this.clients = clients;
    this.writePercent = writePercent;
    this.seed = seed;
  }

  /**
   * An article-like generated document: a title, twelve sentences in three paragraphs, a date and an outlet. Each
   * sentence names two of the common words (so searches find documents) among pseudo-words drawn at random, so that
   * two documents are not copies of each other, as in a real feed.
   */
  static RawDocument document(String id, int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed ^ (n * 0x9E3779B97F4A7C15L));
    StringBuilder text = new StringBuilder();
    for (int s = 0; s < 12; s++) {
      text.append("Officials in ").append(pick(r)).append(" said the ").append(pseudo(r)).append(' ')
          .append(pseudo(r)).append(" and the ").append(pick(r)).append(' ').append(pseudo(r)).append(' ')
          .append(pseudo(r)).append(" would be discussed again on day ").append(s + 1).append(". ");
      if (s % 4 == 3 && s < 11) {
        text.append("\n\n");
      }
    }
    return new RawDocument(id, "bench:" + n, RawDocument.ContentKind.TEXT, null, text.toString().strip(),
        "https://example.org/" + id, pick(r) + " " + pseudo(r) + " talks resume in " + pick(r),
        Instant.parse("2020-01-01T00:00:00Z").plusSeconds(3600L * (n % 2000)), "Outlet " + (n % 7));
  }

  private static String pick(SplittableRandom r) {
    return WORDS[r.nextInt(WORDS.length)];
  }

  /** A pronounceable pseudo-word of two to four syllables (about 100,000 different ones). */
  private static String pseudo(SplittableRandom r) {
    StringBuilder w = new StringBuilder();
    for (int i = 2 + r.nextInt(3); i > 0; i--) {
      w.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
    }
    return w.toString();
  }

  /** Runs the warm-up, then the measured period, and returns what was measured. */
  Result run(Duration warmup, Duration duration) throws InterruptedException {
    List<String> storyIds = ids("api/stories?limit=200", "id");
    List<String> articleIds = ids("api/articles?limit=500", "id");
    long start = System.nanoTime() + warmup.toNanos();
    long end = start + duration.toNanos();
    Client[] all = new Client[clients];
    Thread[] threads = new Thread[clients];
    for (int c = 0; c < clients; c++) {
      all[c] = new Client(c, storyIds, articleIds, start, end);
      threads[c] = new Thread(all[c], "bench-client-" + c);
      threads[c].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    return Result.merge(all, duration);
  }

  private List<String> ids(String path, String field) {
    List<String> out = new ArrayList<>();
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(path)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 200) {
        for (JsonNode n : JsonLinesWriter.MAPPER.readTree(r.body()).get("items")) {
          out.add(n.get(field).asText());
        }
      }
    } catch (IOException e) {
      throw new CliFailure("cannot reach " + base + " (" + e.getMessage() + "); is the server running?", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return out;
  }

  private final class Client implements Runnable {
    private final int id;
    private final List<String> stories;
    private final List<String> articles;
    private final long start;
    private final long end;
    private final SplittableRandom random;
    final Map<Op, long[]> latencies = new EnumMap<>(Op.class);
    final Map<Op, Integer> counts = new EnumMap<>(Op.class);
    final int[] statusClasses = new int[6];
    int transportErrors;
    private int posted;

    Client(int id, List<String> stories, List<String> articles, long start, long end) {
      this.id = id;
      this.stories = stories;
      this.articles = articles;
      this.start = start;
      this.end = end;
      this.random = new SplittableRandom(seed + id);
    }

    @Override
    public void run() {
      while (true) {
        long t0 = System.nanoTime();
        if (t0 >= end) {
          return;
        }
        Op op = choose();
        int status;
        try {
          status = http.send(request(op), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
          if (t0 >= start) {
            transportErrors++;
          }
          continue;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        long t1 = System.nanoTime();
        if (t0 >= start) {
          record(op, t1 - t0, status);
        }
      }
    }

    private Op choose() {
      int r = random.nextInt(100);
      if (r < writePercent) {
        return Op.POST;
      }
      int read = (r - writePercent) * 100 / Math.max(1, 100 - writePercent);
      if (read < 25) {
        return Op.STORIES;
      }
      if (read < 40) {
        return stories.isEmpty() ? Op.ARTICLE : Op.STORY;
      }
      if (read < 60 && !articles.isEmpty()) {
        return Op.ARTICLE;
      }
      return Op.SEARCH;
    }

    private HttpRequest request(Op op) {
      String path;
      switch (op) {
        case STORIES:
          path = "api/stories?limit=20";
          break;
        case STORY:
          path = "api/stories/" + enc(stories.get(random.nextInt(stories.size())));
          break;
        case ARTICLE:
          path = "api/articles/" + enc(articles.get(random.nextInt(articles.size())));
          break;
        case SEARCH:
          path = "api/search?q=" + enc(WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(
              WORDS.length)]);
          break;
        default:
          RawDocument d = document("bench-" + id + "-" + posted, posted * 1000 + id, seed);
          posted++;
          String body = JsonLinesWriter.MAPPER.createObjectNode().put("id", d.id()).put("title", d.title())
              .put("text", d.content()).put("url", d.url()).put("published", d.published().toString())
              .put("source", d.source()).toString();
          return HttpRequest.newBuilder(base.resolve("api/articles")).timeout(Duration.ofSeconds(60))
              .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
      }
      return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).GET().build();
    }

    private void record(Op op, long nanos, int status) {
      long[] l = latencies.computeIfAbsent(op, k -> new long[1024]);
      int n = counts.getOrDefault(op, 0);
      if (n == l.length) {
        l = Arrays.copyOf(l, n * 2);
        latencies.put(op, l);
      }
      l[n] = nanos;
      counts.put(op, n + 1);
      statusClasses[Math.min(5, status / 100)]++;
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Measured: latencies per operation, status classes (index 2 = 2xx ...), transport errors. */
  record Result(Map<Op, long[]> latencies, int[] statusClasses, int transportErrors, Duration duration) {

    static Result merge(Client[] clients, Duration duration) {
      Map<Op, long[]> all = new EnumMap<>(Op.class);
      int[] status = new int[6];
      int transport = 0;
      for (Client c : clients) {
        for (Map.Entry<Op, long[]> e : c.latencies.entrySet()) {
          long[] mine = Arrays.copyOf(e.getValue(), c.counts.get(e.getKey()));
          all.merge(e.getKey(), mine, (a, b) -> {
            long[] both = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, both, a.length, b.length);
            return both;
          });
        }
        for (int i = 0; i < status.length; i++) {
          status[i] += c.statusClasses[i];
        }
        transport += c.transportErrors;
      }
      all.values().forEach(Arrays::sort);
      return new Result(all, status, transport, duration);
    }

    int serverErrors() {
      return statusClasses[5];
    }

    long requests() {
      return latencies.values().stream().mapToLong(l -> l.length).sum();
    }

    String format() {
      StringBuilder sb = new StringBuilder();
      double seconds = duration.toNanos() / 1e9;
      long[] every = latencies.values().stream().flatMapToLong(Arrays::stream).sorted().toArray();
      sb.append(String.format(Locale.ROOT, "%-10s %9s %9s %9s %9s %9s%n", "endpoint", "requests", "req/s",
          "p50 ms", "p99 ms", "max ms"));
      for (Map.Entry<Op, long[]> e : latencies.entrySet()) {
        line(sb, e.getKey().name().toLowerCase(Locale.ROOT), e.getValue(), seconds);
      }
      line(sb, "all", every, seconds);
      sb.append(String.format(Locale.ROOT, "status: %,d 2xx, %,d 4xx, %,d 5xx; %,d transport errors%n",
          statusClasses[2], statusClasses[4], statusClasses[5], transportErrors));
      return sb.toString();
    }

    private static void line(StringBuilder sb, String name, long[] sorted, double seconds) {
      if (sorted.length == 0) {
        return;
      }
      sb.append(String.format(Locale.ROOT, "%-10s %,9d %,9.0f %9.1f %9.1f %9.1f%n", name, sorted.length,
          sorted.length / seconds, pct(sorted, 50), pct(sorted, 99), sorted[sorted.length - 1] / 1e6));
    }

    private static double pct(long[] sorted, int p) {
      int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
  }
}
