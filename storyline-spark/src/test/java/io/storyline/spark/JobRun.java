package io.storyline.spark;

import com.fasterxml.jackson.core.type.TypeReference;
import io.storyline.copies.CopyDetector;
import io.storyline.copies.CopyDocument;
import io.storyline.copies.CopyIndex;
import io.storyline.copies.CopyResult;
import io.storyline.extract.Article;
import io.storyline.extract.Extractor;
import io.storyline.extract.TemplateModel;
import io.storyline.ingest.DocumentReader;
import io.storyline.ingest.Ingest;
import io.storyline.ingest.RawDocument;
import io.storyline.ingest.ReadProblem;
import io.storyline.stories.Assignment;
import io.storyline.stories.StoryClusterer;
import io.storyline.stories.StoryInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** One run of the job in tests, its output read back; and what the single-machine library gives. */
record JobRun(JobReport report, List<Map<String, Object>> lines, List<Map<String, Object>> problems) {

  static JobRun of(Path out, UnaryOperator<StorylineJob.Builder> options, Path... inputs) {
    StorylineJob.Builder b = StorylineJob.builder()
        .inputs(Stream.of(inputs).map(Path::toString).toList())
        .output(out.toString());
    JobReport report = options.apply(b).build().run(LocalSpark.session());
    return new JobRun(report, readLines(out.resolve(Output.ARTICLES)), readLines(out.resolve(Output.PROBLEMS)));
  }

  static List<Map<String, Object>> readLines(Path dir) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> parts = Files.list(dir)) {
      for (Path p : parts.filter(f -> f.getFileName().toString().startsWith("part-")).sorted().toList()) {
        for (String line : Files.readAllLines(p)) {
          out.add(Output.MAPPER.readValue(line, new TypeReference<Map<String, Object>>() { }));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Story and topic of each article: the clusterer over the batch in publication order, as the CLI runs it. */
  static Map<String, StoryBlocks.Labels> stories(StoryClusterer clusterer, List<Article> articles,
      Map<String, CopyResult> copyOf) {
    List<StoryInput> batch = articles.stream().map(a -> new StoryInput(a, copyOf.containsKey(a.id())
        ? String.valueOf(copyOf.get(a.id()).group()) : null)).toList();
    List<Assignment> assigned = new ArrayList<>();
    for (StoryInput in : StoryClusterer.inPublicationOrder(batch, FIXED_CLOCK)) {
      assigned.add(clusterer.add(in));
    }
    clusterer.flush();
    Map<String, String> topicOf = new java.util.HashMap<>();
    clusterer.stories().forEach(s -> topicOf.put(s.id(), s.topicId()));
    Map<String, StoryBlocks.Labels> out = new java.util.HashMap<>();
    for (Assignment a : assigned) {
      String story = clusterer.currentStory(a.storyId());
      out.put(a.documentId(), new StoryBlocks.Labels(story, topicOf.get(story), a.time(),
          a.dateSource().name().toLowerCase(java.util.Locale.ROOT), a.dateNote()));
    }
    return out;
  }

  /** The clock of the story tests: after every corpus date, fixed so runs repeat. */
  static final java.time.Clock FIXED_CLOCK = java.time.Clock.fixed(java.time.Instant.parse("2026-01-01T00:00:00Z"),
      java.time.ZoneOffset.UTC);

  /** The lines without some fields. */
  static List<Map<String, Object>> without(List<Map<String, Object>> lines, String... fields) {
    return lines.stream().map(l -> {
      Map<String, Object> m = new java.util.LinkedHashMap<>(l);
      for (String f : fields) {
        m.remove(f);
      }
      return m;
    }).toList();
  }

  /** The values of one field, in line order. */
  List<String> column(String field) {
    return lines.stream().map(l -> (String) l.get(field)).toList();
  }

  List<String> ids() {
    return lines.stream().map(l -> (String) l.get("id")).toList();
  }

  /**
   * What {@code storyline extract} gives for the same inputs (learn templates over everything, then extract), as
   * the job's JSON lines with the later stages' fields empty; and its problems.
   */
  static JobRun reference(Path... inputs) {
    return reference(false, null, inputs);
  }

  /**
   * As {@link #reference(Path...)}; with {@code copies}, the copy groups of one {@link CopyIndex} fed in input
   * order (group and relation fields); with {@code stories} set, the stories and topics of the core clusterer over
   * the whole batch in publication order, copy groups kept together (story and topic fields), as
   * {@code storyline stories} runs them.
   */
  static JobRun reference(boolean copies, StoryClusterer stories, Path... inputs) {
    List<ReadProblem> problems = new ArrayList<>();
    TemplateModel model = TemplateModel.create();
    Extractor extractor = Extractor.builder().templates(model).build();
    List<RawDocument> docs = new ArrayList<>();
    try (DocumentReader r = Ingest.builder().problems(problems::add).build().open(inputs)) {
      r.stream().forEach(docs::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    docs.forEach(model::learn);
    List<Article> articles = docs.stream().map(extractor::extract).toList();
    Map<String, CopyResult> copyOf = new java.util.HashMap<>();
    if (copies) {
      CopyIndex index = CopyDetector.builder().build().newIndex();
      articles.forEach(a -> index.add(CopyDocument.of(a)));
      index.results().forEach(r -> copyOf.put(r.id(), r));
    }
    Map<String, StoryBlocks.Labels> labels = stories == null ? Map.of() : stories(stories, articles, copyOf);
    List<Map<String, Object>> lines = new ArrayList<>();
    for (int i = 0; i < docs.size(); i++) {
      Article a = articles.get(i);
      DocumentResult r = DocumentResult.of(ArticleRecord.of(0, docs.get(i).location(), a));
      if (labels.containsKey(a.id())) {
        r = r.withStory(labels.get(a.id()));
      }
      CopyResult c = copyOf.get(a.id());
      if (c != null) {
        r = r.withCopies(CopyGroups.Labels.of(c));
      }
      String json = Output.json(Output.Line.of(r));
      try {
        lines.add(Output.MAPPER.readValue(json, new TypeReference<Map<String, Object>>() { }));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    List<Map<String, Object>> problemLines = problems.stream()
        .map(p -> Map.<String, Object>of("location", p.location(), "reason", p.reason(),
            "cause", p.cause().name().toLowerCase(java.util.Locale.ROOT)))
        .toList();
    return new JobRun(null, lines, problemLines);
  }
}
