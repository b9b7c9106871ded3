package io.storyline.cli;

import io.storyline.ingest.ReadProblem;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The problem report on stderr: one line per problem as it happens ({@code storyline read: path:3: reason}),
 * and counts per cause for the summary at the end.
 */
final class ProblemReport implements Consumer<ReadProblem> {
  private final PrintWriter err;
  private final String command;
  private final boolean printEach;
  private final Map<ReadProblem.Cause, Long> counts = new EnumMap<>(ReadProblem.Cause.class);
  private Runnable beforePrint = () -> { };
  private long total;

  ProblemReport(PrintWriter err, String command, boolean printEach) {
    this.err = err;
    this.command = command;
    this.printEach = printEach;
  }

  /** Runs before each printed line, e.g. to clear a progress bar from the terminal line. */
  void beforePrint(Runnable action) {
    this.beforePrint = action;
  }

  @Override
  public void accept(ReadProblem p) {
    counts.merge(p.cause(), 1L, Long::sum);
    total++;
    if (printEach) {
      beforePrint.run();
      err.println(command + ": " + p.location() + ": " + p.reason());
      err.flush();
    }
  }

  /** Problems reported so far. */
  long total() {
    return total;
  }

  /** Problems reported so far with this cause. */
  long count(ReadProblem.Cause cause) {
    return counts.getOrDefault(cause, 0L);
  }

  /** Lines like {@code "  2 malformed JSON line"}, most frequent first; empty when there were no problems. */
  String breakdown() {
    StringBuilder sb = new StringBuilder();
    counts.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
        .forEach(e -> sb.append(String.format(Locale.ROOT, "%n  %,d %s", e.getValue(), e.getKey().label())));
    return sb.toString();
  }
}
