package io.storyline.cli;

import io.storyline.extract.Extractor;
import io.storyline.ingest.RawDocument;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code storyline bench extract-text}: speed of flattened-text extraction on one thread (so the figure is per
 * core), with and without language detection, and memory (bytes allocated per document, heap taken by the
 * language model). Documents are read into memory first, so reading and decoding are not measured.
 */
@Command(
    name = "extract-text",
    mixinStandardHelpOptions = true,
    description = {
        "Measure text extraction on one thread: documents/s and MB/s per core, with and without language "
            + "detection, bytes allocated per document and the language model's heap.",
        "Give text inputs (e.g. ../shared/data/meter-1999), or --generate N for synthetic pages."})
final class ExtractTextBench implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "INPUT", description = "Files or directories of text documents.")
  List<Path> inputs = new ArrayList<>();

  @Option(names = "--generate", paramLabel = "N",
      description = "Use N generated pages (article paragraphs plus chrome) instead of inputs.")
  int generate;

  @Option(names = "--seconds", paramLabel = "S", defaultValue = "8",
      description = "Measured one-second slices per configuration (configurations take turns), after a warm-up "
          + "of the same length (default ${DEFAULT-VALUE}); the report gives the median and the best slice.")
  int seconds;

  @Override
  public Integer call() throws IOException {
    if (inputs.isEmpty() == (generate <= 0)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "give INPUT... or --generate N (one of them)");
    }
    if (seconds < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--seconds must be at least 1, got " + seconds);
    }
    List<RawDocument> docs = inputs.isEmpty() ? generated(generate)
        : ExtractBenchLoop.read(inputs, RawDocument.ContentKind.TEXT, null);
    if (docs.isEmpty()) {
      throw new CliFailure("no text documents in " + inputs + "; give folders of .txt files");
    }
    long chars = ExtractBenchLoop.characters(docs);
    PrintWriter out = spec.commandLine().getOut();
    out.printf("storyline bench extract-text: %,d text documents, %.1f MB of text, from %s%n", docs.size(),
        chars / 1e6, inputs.isEmpty() ? "the generator (--generate " + generate + ")" : inputs);
    out.println(ExtractBenchLoop.machine());
    out.flush();
    long before = ExtractBenchLoop.usedAfterGc();
    Extractor withLanguage = Extractor.builder().build();
    withLanguage.extract(docs.get(0));
    long model = ExtractBenchLoop.usedAfterGc() - before;
    long[] ticks = ExtractBenchLoop.cpuTicks();
    List<ExtractBenchLoop.Result> results = ExtractBenchLoop.measure(List.of(
        new ExtractBenchLoop.Config("text rules", Extractor.builder().detectLanguage(false).build()),
        new ExtractBenchLoop.Config("text rules + language", withLanguage)), docs, seconds, false);
    out.printf("%-24s %10s %9s %9s %8s %12s%n", "configuration", "docs/cpu-s", "median/s", "best/s",
        "MB/cpu-s", "alloc/doc");
    double bytesPerDoc = (double) chars / docs.size();
    for (ExtractBenchLoop.Result r : results) {
      out.printf("%-24s %,10.0f %,9.0f %,9.0f %8.2f %9.0f KB%n", r.name(), r.perCpuSecond(), r.medianSlice(),
          r.bestSlice(), r.perCpuSecond() * bytesPerDoc / 1e6, r.allocatedKbPerDocument());
    }
    out.printf("language model on the heap: about %,d MB (loaded once, shared by all threads)%n", model >> 20);
    out.print(ExtractBenchLoop.stealSince(ticks));
    out.flush();
    return ExitCodes.OK;
  }

  /** Synthetic pages: a headline, a byline, wire paragraphs, an appeal box, a gallery and a teaser list. */
  static List<RawDocument> generated(int n) {
    Random random = new Random(20_140_126); // fixed seed: the same pages on every run, so runs compare
    String[] words = ("the council said on Tuesday that its plan for the harbour would go ahead despite "
        + "objections from residents who fear more traffic and noise in the old town near the market square")
        .split(" ");
    List<RawDocument> docs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      StringBuilder b = new StringBuilder("Council backs harbour plan number ").append(i).append("\n\n");
      b.append("By Ann Example and Bob Sample\n\n");
      b.append("PORTSMOUTH, England, Nov 26 (Reuters) - ");
      int paragraphs = 6 + random.nextInt(10);
      for (int p = 0; p < paragraphs; p++) {
        int len = 20 + random.nextInt(40);
        for (int w = 0; w < len; w++) {
          b.append(words[random.nextInt(words.length)]).append(w + 1 < len ? " " : ".\n\n");
        }
      }
      b.append("Support Example News!\n\nOur journalism needs your support to stay free for everyone.\n\n");
      b.append("In pictures\n");
      for (int g = 1; g <= 4; g++) {
        b.append('(').append(g).append(" of4)\nOpen Image Modal\nA view of the harbour on November 26, 2014. "
            + "(Photo by Ann Example/Example Images)\n");
      }
      b.append("\nMore from Local\n\nFerry fares to rise\n\nFares on the island ferry will rise by five...\n\n"
          + "Bridge to close\n\nThe old bridge will close for repairs from Monday, the...\n");
      docs.add(new RawDocument("generated-" + i + ".txt", "generated-" + i + ".txt", RawDocument.ContentKind.TEXT,
          "UTF-8", b.toString(), null, null, null, null));
    }
    return docs;
  }
}
