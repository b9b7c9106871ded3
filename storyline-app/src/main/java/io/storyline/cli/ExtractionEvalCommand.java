package io.storyline.cli;

import io.storyline.eval.ExtractionEvaluation;
import io.storyline.extract.Article;
import io.storyline.extract.Extractor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code storyline eval extraction DIR}: body precision/recall/F1 (shingle protocol of the article-extraction
 * benchmark) and title, byline and date accuracy on a folder of {@code <case>/source.html},
 * {@code expected.html}, {@code expected-metadata.json} cases. A thin shell over {@link ExtractionEvaluation}.
 */
@Command(
    name = "extraction",
    mixinStandardHelpOptions = true,
    description = {
        "Score HTML extraction on a folder of cases (<case>/source.html, expected.html, expected-metadata.json),",
        "e.g. ../shared/data/readability-pages: body precision, recall and F1 over 4-gram shingles (averaged per",
        "document), and title, byline and publication-date accuracy."})
final class ExtractionEvalCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "Folder of case folders.")
  Path dir;

  @Option(names = {"-v", "--verbose"}, description = "Print one line per case before the summary.")
  boolean verbose;

  @Override
  public Integer call() {
    ExtractionEvaluation.Report r;
    try {
      r = ExtractionEvaluation.using(Extractor.create()).evaluate(dir);
    } catch (FileSystemException e) {
      throw new CliFailure(e.getFile() + ": " + (e.getReason() == null ? "cannot be read" : e.getReason()));
    } catch (IOException e) {
      throw new CliFailure(dir + ": " + e.getMessage());
    }
    if (r.cases().isEmpty()) {
      throw new CliFailure(dir + ": no <case>/source.html folders found; pass e.g. ../shared/data/readability-pages");
    }
    PrintWriter out = spec.commandLine().getOut();
    if (verbose) {
      out.printf("%-42s %-11s %6s %6s %6s  %-7s %-7s %-7s%n", "case", "status", "P", "R", "F1", "title", "byline",
          "date");
      for (ExtractionEvaluation.CaseResult c : r.cases()) {
        out.printf("%-42s %-11s %6.3f %6.3f %6.3f  %-7s %-7s %-7s%n", c.name(), c.status(), c.precision(),
            c.recall(), c.f1(), mark(c.title()), mark(c.byline()), mark(c.date()));
      }
      out.println();
    }
    Map<Article.Status, Integer> statuses = new EnumMap<>(Article.Status.class);
    for (ExtractionEvaluation.CaseResult c : r.cases()) {
      statuses.merge(c.status(), 1, Integer::sum);
    }
    out.printf("storyline eval extraction: %d cases from %s%s%n", r.cases().size(), dir,
        r.skipped().isEmpty() ? "" : " (" + r.skipped().size() + " skipped)");
    out.printf("body   precision %.4f  recall %.4f  F1 %.4f   (4-gram shingles, averaged over documents)%n",
        r.precision(), r.recall(), r.f1());
    accuracy(out, "title", r.title());
    accuracy(out, "byline", r.byline());
    accuracy(out, "date", r.date());
    out.printf("status %s%n", statuses);
    out.flush();
    if (!r.skipped().isEmpty()) {
      PrintWriter err = spec.commandLine().getErr();
      for (String s : r.skipped()) {
        err.println("storyline eval extraction: skipped " + s);
      }
      err.flush();
      return ExitCodes.PARTIAL;
    }
    return ExitCodes.OK;
  }

  private static void accuracy(PrintWriter out, String field, ExtractionEvaluation.Accuracy a) {
    out.printf("%-6s accuracy  %.4f  (%d of %d cases with a gold value; %d more where the gold has none)%n", field,
        a.value(), a.correct(), a.total(), a.extra());
  }

  private static String mark(ExtractionEvaluation.Check c) {
    return switch (c) {
      case CORRECT -> "ok";
      case WRONG -> "WRONG";
      case NONE -> "-";
      case EXTRA -> "extra";
    };
  }
}
