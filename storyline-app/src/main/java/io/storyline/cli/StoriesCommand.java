package io.storyline.cli;

import io.storyline.copies.CopyDetector;
import io.storyline.copies.CopyDocument;
import io.storyline.copies.CopyIndex;
import io.storyline.copies.CopyResult;
import io.storyline.extract.Article;
import io.storyline.extract.Extractor;
import io.storyline.stories.Assignment;
import io.storyline.stories.Story;
import io.storyline.stories.StoryClusterer;
import io.storyline.stories.StoryInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code storyline stories INPUT... [-o FILE] [--stories FILE]}: reads, extracts and clusters the documents into
 * stories and topics; one JSON line per document, and with {@code --stories} one line per story.
 */
@Command(
    name = "stories",
    mixinStandardHelpOptions = true,
    description = {
        "Read and extract the inputs, then cluster the articles into stories (online, in publication-time order) "
            + "and thread the stories into topics.",
        "One JSON line per document: id, group (copy group, when known), story, topic, published (the time used), "
            + "date (where it came from: published, previous_document, arrival) and dateNote (why a fallback).",
        "Documents are sorted by (publication time, id) first, so the result does not depend on input order "
            + "beyond timestamps; undated ones keep their place after the document before them."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:everything was read",
        "1:failure (an input does not exist, nothing could be read)",
        "2:usage error",
        "3:partial: some files, lines or records were skipped (named on stderr)"})
final class StoriesCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @CommandLine.Mixin InputOptions io;

  @Option(names = "--stories", paramLabel = "FILE",
      description = "Also write one JSON line per story to FILE: id, headline, firstSeen, lastSeen, size, "
          + "outlets, entities, topic.")
  Path storiesFile;

  @Option(names = "--embeddings", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Add MiniLM sentence embeddings to the features (default: on; --no-embeddings is faster).")
  boolean embeddings;

  @Option(names = "--threshold", paramLabel = "SIM",
      description = "Join threshold for a document and a story (default: the library's, tuned on dev data).")
  Double threshold;

  /** One output line per document. */
  record DocumentLine(String id, String group, String story, String topic, Instant published, String date,
      String dateNote) {}

  /** One output line per story. */
  record StoryLine(String id, String headline, Instant firstSeen, Instant lastSeen, int size, List<String> outlets,
      List<String> entities, String topic) {}

  @Override
  public Integer call() throws IOException {
    Extractor extractor = Extractor.create();
    List<Article> articles = new ArrayList<>();
    Path texts = Files.createTempFile("storyline-stories-", ".texts");
    try (InputRun run = InputRun.start(io, spec);
        CopyIndex copies = CopyDetector.builder().build().newIndex(texts)) {
      run.forEach(doc -> {
        Article a = extractor.extract(doc);
        articles.add(a);
        copies.add(CopyDocument.of(a));
      });
      // Copy groups need the whole corpus; a group always lies inside one story.
      Map<String, String> groupOf = new HashMap<>();
      copies.results().forEach((CopyResult r) -> groupOf.put(r.id(), String.valueOf(r.group())));
      List<StoryInput> batch = new ArrayList<>(articles.size());
      for (Article a : articles) {
        batch.add(new StoryInput(a, groupOf.get(a.id())));
      }
      StoryClusterer.Builder b = StoryClusterer.builder().embeddings(embeddings);
      if (threshold != null) {
        b.threshold(threshold);
      }
      StoryClusterer clusterer = b.build();
      List<Assignment> assignments = new ArrayList<>(batch.size());
      for (StoryInput in : StoryClusterer.inPublicationOrder(batch)) {
        assignments.add(clusterer.add(in));
      }
      clusterer.flush();
      Map<String, String> topicOf = new HashMap<>();
      List<Story> stories = clusterer.stories();
      for (Story s : stories) {
        topicOf.put(s.id(), s.topicId());
      }
      for (Assignment a : assignments) {
        String story = clusterer.currentStory(a.storyId());
        run.output().write(new DocumentLine(a.documentId(), a.copyGroup(), story, topicOf.get(story), a.time(),
            a.dateSource().name().toLowerCase(Locale.ROOT), a.dateNote()));
      }
      if (storiesFile != null) {
        writeStories(stories);
      }
      return run.finish();
    } finally {
      Files.deleteIfExists(texts);
    }
  }

  private void writeStories(List<Story> stories) {
    try (JsonLinesWriter out = JsonLinesWriter.open(storiesFile, spec.commandLine().getOut())) {
      for (Story s : stories) {
        out.write(new StoryLine(s.id(), s.headline(), s.firstSeen(), s.lastSeen(), s.size(), s.outlets(),
            s.entities(), s.topicId()));
      }
    } catch (IOException e) {
      throw new CliFailure("cannot write the stories file " + storiesFile + ": " + e.getMessage()
          + "; check that its folder exists and is writable", e);
    }
  }
}
