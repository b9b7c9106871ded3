package io.storyline.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.storyline.extract.Article;
import io.storyline.stories.StoryClusterer;
import io.storyline.stories.StoryFeatures;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * {@code storyline bench spark --clustering-only DAYS}: the cost of the story stage's clustering alone, at the
 * density of one story block of the generated corpus. Reads the documents of the corpus's first {@code DAYS} days
 * (as written: text with its outlet's chrome, no extraction, no copy groups, so every document is placed by
 * similarity, which the job spares the copies of a group), computes their story features (untimed, without
 * embeddings), then feeds them to one {@link StoryClusterer} in publication order, {@code runs} times (the first
 * run also warms the JIT), timing each on the thread's CPU clock. The documents a block holds grow with the
 * corpus: this isolates what grows with them (candidate search among open stories and topics).
 */
final class ClusteringBench {
  private ClusteringBench() {}

  static void run(Path corpus, int days, int runs, PrintWriter out, PrintWriter err) throws IOException {
    Instant start = Instant.parse("2024-01-01T00:00:00Z");
    Instant end = start.plusSeconds(days * 86_400L);
    ObjectMapper json = new ObjectMapper();
    List<StoryFeatures> features = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> list = Files.list(corpus)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".jsonl.gz")).sorted().toList();
    }
    for (Path p : files) {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(p)),
          StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          JsonNode j = json.readTree(line);
          Instant t = Instant.parse(j.get("published").asText());
          if (t.isBefore(end)) {
            features.add(StoryClusterer.features(new Article(j.get("id").asText(), j.get("url").asText(),
                j.get("title").asText(), j.get("text").asText(), null, t, j.get("source").asText(), null, null,
                "en", Article.Status.ARTICLE, Map.of()), false));
          }
        }
      }
    }
    features.sort(Comparator.comparing(StoryFeatures::published));
    err.printf(Locale.ROOT, "storyline bench spark: %,d documents in the first %d days, features computed%n",
        features.size(), days);
    err.flush();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    out.printf(Locale.ROOT, "Story clustering alone, first %d days of %s; Java %s%n", days, corpus,
        System.getProperty("java.version"));
    out.println("| Run | Documents | Documents a day | Stories | Topics | CPU s | Documents per CPU-second | Load "
        + "average before / after |");
    out.println("|---|---|---|---|---|---|---|---|");
    for (int run = 1; run <= runs; run++) {
      String load = SparkBench.loadAverage();
      StoryClusterer clusterer = StoryClusterer.builder().embeddings(false).build();
      long cpu = threads.getCurrentThreadCpuTime();
      for (StoryFeatures f : features) {
        clusterer.add(f, null);
      }
      clusterer.flush();
      double seconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
      out.printf(Locale.ROOT, "| %d | %,d | %,.0f | %,d | %,d | %.1f | %,.0f | %s / %s |%n", run, features.size(),
          features.size() / (double) days, clusterer.stories().size(), clusterer.topics().size(), seconds,
          features.size() / Math.max(1e-9, seconds), load, SparkBench.loadAverage());
      out.flush();
    }
  }
}
