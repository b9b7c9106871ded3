package io.storyline.cli;

import io.storyline.copies.CopyDetector;
import io.storyline.eval.CopiesMeterEvaluation;
import io.storyline.eval.CopiesMeterReport;
import io.storyline.ingest.ReadProblem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code storyline eval copies METER_DIR}: copy detection on the METER corpus (wholly / partially / non-derived). */
@Command(
    name = "copies",
    mixinStandardHelpOptions = true,
    description = {
        "Copy detection on METER: index every PA wire text, check each newspaper text against them and score"
            + " wholly / partially / non-derived (exact or near = wholly, partial = partially) against file_index/:"
            + " per-class precision, recall and F1, macro-F1, derived-vs-non F1, confusion matrix, and out-of-sample"
            + " macro-F1 with the decision refitted on one half of the data and tested on the other (by domain and"
            + " over random story halves), next to the two fixed thresholds it replaced."})
final class EvalCopiesCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "METER_DIR",
      description = "The METER folder holding PA/, newspapers/ and file_index/ (e.g. ../shared/data/meter-1999).")
  Path meter;

  @Option(names = "--sampling", defaultValue = "1", paramLabel = "P",
      description = "Post one shingle in P for candidate search (default ${DEFAULT-VALUE}: all; the stream default"
          + " of 'storyline copies' is 16). Rewritten texts share few shingles: see README, Evaluation.")
  int sampling;

  @Option(names = "--details", paramLabel = "FILE",
      description = "Also write one tab-separated line per newspaper text (gold and predicted class, reused and"
          + " traced share, words, source words) to FILE, for error analysis.")
  Path details;

  @Override
  public Integer call() throws IOException {
    if (sampling < 1 || Integer.bitCount(sampling) != 1) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--sampling must be a power of two (1, 2, 4, ... 1024), got " + sampling);
    }
    List<ReadProblem> problems = new ArrayList<>();
    CopiesMeterReport report;
    try {
      report = new CopiesMeterEvaluation(CopyDetector.builder().postingSampling(sampling).build())
          .run(meter, problems::add);
    } catch (NoSuchFileException e) {
      throw new CliFailure(e.getFile() + ": " + (e.getReason() != null ? e.getReason() : "not found; check the path"));
    }
    if (details != null) {
      try {
        Files.writeString(details, report.details(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new CliFailure(details + ": cannot write the details (" + e.getMessage() + "); check the folder exists"
            + " and is writable");
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(report.format());
    out.flush();
    PrintWriter err = spec.commandLine().getErr();
    for (ReadProblem p : problems) {
      err.println(spec.qualifiedName() + ": skipped " + p);
    }
    err.flush();
    return report.items().isEmpty() ? ExitCodes.FAILURE : ExitCodes.OK;
  }
}
