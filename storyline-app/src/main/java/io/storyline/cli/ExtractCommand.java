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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
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

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @CommandLine.Mixin InputOptions io;

  @Option(names = "--no-templates",
      description = "Skip the first pass: do not learn and remove lines repeated across a source's pages.")
  boolean noTemplates;

  /** One line of output; every field is written, null when unknown, so the schema is stable. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Line(String id, String title, String text, String byline, Instant published, String outlet,
      String agency, String dateline, String language, String url, String status, Map<String, Integer> removed) {

    static Line of(Article a) {
      return new Line(a.id(), a.title(), a.text(), a.byline(), a.published(), a.outlet(), a.agency(),
          a.dateline(), a.language(), a.url(), a.status().name().toLowerCase(Locale.ROOT), new TreeMap<>(a.removed()));
    }
  }

  @Override
  public Integer call() {
    Extractor.Builder builder = Extractor.builder();
    if (!noTemplates) {
      builder.templates(learnTemplates());
    }
    Extractor extractor = builder.build();
    try (InputRun run = InputRun.start(io, spec)) {
      run.forEach(doc -> run.output().write(Line.of(extractor.extract(doc))));
      return run.finish();
    }
  }

  /** First pass: every document's lines into the template model. Problems are reported by the second pass. */
  private TemplateModel learnTemplates() {
    TemplateModel model = TemplateModel.create();
    Ingest ingest = Ingest.builder().maxFileSize(io.maxFileSize).build();
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
