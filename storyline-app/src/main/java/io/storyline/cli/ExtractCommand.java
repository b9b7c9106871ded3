package io.storyline.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.storyline.extract.Article;
import io.storyline.extract.Extractor;
import io.storyline.extract.TemplateModel;
import io.storyline.ingest.DocumentReader;
import io.storyline.ingest.Ingest;
import io.storyline.ingest.RawDocument;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code storyline extract INPUT... [-o FILE]}: one JSON line per document with the clean article. Two passes
 * over the inputs by default: the first learns each source's template lines ({@link TemplateModel}), the second
 * extracts.
 */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = {
        "Extract the clean article of every document and write one JSON line each: id, title, text (paragraphs "
            + "separated by blank lines), byline, published (ISO-8601, original publication), outlet, agency, "
            + "dateline, language (ISO 639-1), url, status (article/not_article/empty) and removed (counts of "
            + "the chrome removed, by kind).",
        "Text inputs are read twice: first to learn lines each source repeats on its pages (template), then to "
            + "extract. Problems are named on stderr and summarised at the end."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:everything was read",
        "1:failure (an input does not exist, nothing could be read)",
        "2:usage error",
        "3:partial: some files, lines or records were skipped (named on stderr)"})
final class ExtractCommand implements Callable<Integer> {

  private static final int WINDOW_PER_THREAD = 16;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @CommandLine.Mixin InputOptions io;

  @Option(names = "--no-templates",
      description = "Skip the first pass: do not learn and remove lines repeated across a source's pages.")
  boolean noTemplates;

  @Option(names = "--threads", paramLabel = "N",
      description = "Extraction threads (default: the number of cores). Output order is the input order.")
  Integer threads;

  /** One line of output; every field is written, null when unknown, so the schema is stable. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Line(String id, String title, String text, String byline, Instant published, String outlet,
      String agency, String dateline, String language, String url, String status, Map<String, Integer> removed) {

    static Line of(Article a) {
      return new Line(a.id(), a.title(), a.text(), a.byline(), a.published(), a.outlet(), a.agency(),
          a.dateline(), a.language(), a.url(), a.status().name().toLowerCase(Locale.ROOT),
          new TreeMap<>(a.removed()));
    }
  }

  @Override
  public Integer call() {
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (n < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1, got " + n);
    }
    io.checkOutput(spec);
    Extractor.Builder builder = Extractor.builder();
    if (!noTemplates) {
      builder.templates(learnTemplates());
    }
    Extractor extractor = builder.build();
    ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
      Thread t = new Thread(r, "extract");
      t.setDaemon(true);
      return t;
    });
    try (InputRun run = InputRun.start(io, spec)) {
      // documents are read in order on this thread, extracted on the pool, written in input order; at most
      // WINDOW_PER_THREAD documents per thread are in flight, so memory stays bounded whatever the input size
      ArrayDeque<Future<Line>> inFlight = new ArrayDeque<>();
      run.forEach(doc -> {
        inFlight.addLast(pool.submit(() -> Line.of(extractor.extract(doc))));
        if (inFlight.size() >= n * WINDOW_PER_THREAD) {
          run.output().write(await(inFlight.removeFirst()));
        }
      });
      while (!inFlight.isEmpty()) {
        run.output().write(await(inFlight.removeFirst()));
      }
      return run.finish();
    } finally {
      pool.shutdownNow();
    }
  }

  private static Line await(Future<Line> line) {
    try {
      return line.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliFailure("interrupted while extracting", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("extraction failed: " + e.getCause(), e.getCause());
    }
  }

  /** First pass: every document's lines into the template model. Problems are reported by the second pass. */
  private TemplateModel learnTemplates() {
    TemplateModel model = TemplateModel.create();
    Ingest ingest = io.ingest().build();
    PrintWriter err = spec.commandLine().getErr();
    if (!io.quiet) {
      err.printf("%s: learning source templates (first pass)...%n", spec.qualifiedName());
      err.flush();
    }
    try (DocumentReader reader = ingest.open(io.inputs)) {
      for (Optional<RawDocument> doc = reader.next(); doc.isPresent(); doc = reader.next()) {
        model.learn(doc.get());
      }
    } catch (IOException e) {
      // the second pass opens the same inputs and reports the failure with its exit code
    }
    return model;
  }
}
