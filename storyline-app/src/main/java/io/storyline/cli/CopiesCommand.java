package io.storyline.cli;

import io.storyline.copies.CopyDetector;
import io.storyline.copies.CopyDocument;
import io.storyline.copies.CopyIndex;
import io.storyline.copies.CopyResult;
import io.storyline.copies.Source;
import io.storyline.copies.TextDiff;
import io.storyline.extract.Article;
import io.storyline.extract.Extractor;
import io.storyline.ingest.RawDocument;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code storyline copies INPUT... [-o FILE]}: reads, extracts and indexes every document, then writes one JSON
 * line per document with its copy group, relation, sources, origin and agency. Groups and origins need the whole
 * corpus, so lines are written at the end, in input order; memory holds the index (about 550 bytes per document
 * with the defaults), not the texts, which go to a temporary file. {@code --diff ID_A ID_B} prints a word diff of two
 * documents instead.
 */
@Command(
    name = "copies",
    mixinStandardHelpOptions = true,
    description = {
        "Find copies across the inputs: one JSON line per document with id, group, relation (original, exact, near,"
            + " partial, unique), sources [{id, containment, resemblance}], origin, agency (and reason when the text"
            + " is too short to compare). Lines come at the end, in input order.",
        "With --diff ID_A ID_B: a word diff of two documents as their readers see them ([-removed-] {+added+});"
            + " --json writes it as JSON."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:everything was read",
        "1:failure (an input does not exist, nothing could be read, --diff id not found)",
        "2:usage error",
        "3:partial: some inputs were skipped (named on stderr)"})
final class CopiesCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @CommandLine.Mixin InputOptions io;

  @Option(names = "--diff", arity = "2", paramLabel = "ID",
      description = "Print a word diff of the two documents with these ids instead of the copy lines.")
  List<String> diff;

  @Option(names = "--json", description = "With --diff: write the diff as one JSON object (segments and counts).")
  boolean json;

  @Option(names = "--context", defaultValue = "8", paramLabel = "WORDS",
      description = "With --diff: words of unchanged text kept around each change (default ${DEFAULT-VALUE}).")
  int context;

  @Option(names = "--save-index", paramLabel = "FILE",
      description = "Also save the copy index to FILE (binary, reloadable by the library).")
  Path saveIndex;

  /** One output line. */
  record Line(String id, int group, String relation, List<Src> sources, String origin, String agency,
      String reason) {
    static Line of(CopyResult r) {
      return new Line(r.id(), r.group(), r.relation().label(), r.sources().stream().map(Src::of).toList(), r.origin(),
          r.agency(), r.reason());
    }
  }

  /** A source, with shares rounded to 3 decimals. */
  record Src(String id, double containment, double resemblance) {
    static Src of(Source s) {
      return new Src(s.id(), round(s.containment()), round(s.resemblance()));
    }
  }

  @Override
  public Integer call() throws IOException {
    if (context < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--context must be >= 0, got " + context);
    }
    if (json && diff == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--json requires --diff ID_A ID_B");
    }
    return diff != null ? diff() : copies();
  }

  private int copies() throws IOException {
    Extractor extractor = Extractor.create();
    CopyDetector detector = CopyDetector.builder().build();
    Path texts = Files.createTempFile("storyline-copies-", ".texts");
    try (InputRun run = InputRun.start(io, spec); CopyIndex index = detector.newIndex(texts)) {
      run.forEach(doc -> index.add(CopyDocument.of(extractor.extract(doc))));
      index.results().forEach(r -> run.output().write(Line.of(r)));
      if (saveIndex != null) {
        try (OutputStream out = Files.newOutputStream(saveIndex)) {
          index.save(out);
        } catch (IOException e) {
          throw new CliFailure("cannot save the index to " + saveIndex + ": " + e.getMessage()
              + "; check that its folder exists and is writable", e);
        }
      }
      return run.finish();
    } finally {
      Files.deleteIfExists(texts);
    }
  }

  private int diff() {
    Extractor extractor = Extractor.create();
    Map<String, RawDocument> raw = new HashMap<>();
    Map<String, Article> articles = new HashMap<>();
    try (InputRun run = InputRun.start(io, spec)) {
      run.forEach(doc -> {
        if (diff.contains(doc.id())) {
          raw.put(doc.id(), doc);
          articles.put(doc.id(), extractor.extract(doc));
        }
      });
      for (String id : diff) {
        if (!raw.containsKey(id)) {
          throw new CliFailure("document " + id + " is not in the inputs; ids are listed by 'storyline read "
              + String.join(" ", io.inputs.stream().map(Path::toString).toList()) + "'");
        }
      }
      String a = diff.get(0);
      String b = diff.get(1);
      TextDiff d = CopyDetector.builder().build().diff(raw.get(a), articles.get(a), raw.get(b), articles.get(b));
      if (json) {
        run.output().write(d);
      } else {
        print(run, a, b, d);
      }
      return run.finish();
    }
  }

  private void print(InputRun run, String a, String b, TextDiff d) {
    int added = 0;
    int removed = 0;
    int changed = 0;
    for (TextDiff.Segment s : d.changes()) {
      switch (s.kind()) {
        case ADDED:
          added++;
          break;
        case REMOVED:
          removed++;
          break;
        default:
          changed++;
          break;
      }
    }
    StringBuilder text = new StringBuilder();
    text.append("--- ").append(a).append(String.format(Locale.ROOT, " (%d words and marks)%n", d.wordsA()));
    text.append("+++ ").append(b).append(String.format(Locale.ROOT, " (%d words and marks)%n", d.wordsB()));
    text.append(String.format(Locale.ROOT, "%d unchanged; %d added, %d removed, %d changed passages%n%n",
        d.unchanged(), added, removed, changed));
    text.append(d.render(context)).append(System.lineSeparator());
    if (io.outputFile() == null) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(text);
      out.flush();
    } else {
      try {
        Files.writeString(io.outputFile(), text);
      } catch (IOException e) {
        throw new CliFailure("cannot write " + io.outputFile() + ": " + e.getMessage(), e);
      }
    }
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
