package io.storyline.cli;

import io.storyline.ingest.DocumentReader;
import io.storyline.ingest.Ingest;
import io.storyline.ingest.RawDocument;
import io.storyline.ingest.ReadProblem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/**
 * One run of a stage command over its inputs: opens the inputs ({@link InputOptions}) as a
 * {@link DocumentReader}, opens the JSON-lines output, reports problems and progress on stderr, counts, prints
 * the summary and returns the exit code. Every stage command uses it the same way:
 *
 * <pre>{@code
 * try (InputRun run = InputRun.start(io, spec)) {
 *   run.forEach(doc -> run.output().write(extractor.extract(doc)));
 *   return run.finish();
 * }
 * }</pre>
 *
 * Exit codes: {@link ExitCodes#OK} when everything was read, {@link ExitCodes#PARTIAL} when some files, lines or
 * records were skipped (each is named on stderr), {@link ExitCodes#FAILURE} when nothing could be read or an
 * input does not exist (a {@link CliFailure}).
 */
final class InputRun implements AutoCloseable {

  /** What a command does with each document. */
  @FunctionalInterface
  interface DocumentHandler {
    void accept(RawDocument doc) throws IOException;
  }

  private final String command;
  private final PrintWriter err;
  private final ProblemReport problems;
  private final DocumentReader reader;
  private final JsonLinesWriter output;
  private final Progress progress;
  private final boolean quiet;
  private long documents;
  private boolean finished;

  private InputRun(String command, PrintWriter err, ProblemReport problems, DocumentReader reader,
      JsonLinesWriter output, Progress progress, boolean quiet) {
    this.command = command;
    this.err = err;
    this.problems = problems;
    this.reader = reader;
    this.output = output;
    this.progress = progress;
    this.quiet = quiet;
  }

  /**
   * Opens inputs and output for the command {@code spec}.
   *
   * @throws CliFailure when an input does not exist or the output cannot be created
   */
  static InputRun start(InputOptions options, CommandSpec spec) {
    String command = spec.qualifiedName();
    PrintWriter err = spec.commandLine().getErr();
    options.checkOutput(spec);
    ProblemReport problems = new ProblemReport(err, command, !options.quiet);
    Ingest ingest = options.ingest().problems(problems).build();
    DocumentReader reader;
    try {
      reader = ingest.open(options.inputs);
    } catch (NoSuchFileException e) {
      throw new CliFailure(e.getFile() + ": input not found; check the path (see '" + command + " --help')");
    } catch (IOException e) {
      throw new CliFailure("cannot open the inputs: " + e.getMessage(), e);
    }
    Path file = options.outputFile();
    JsonLinesWriter output;
    try {
      output = JsonLinesWriter.open(file, spec.commandLine().getOut());
    } catch (IOException e) {
      closeQuietly(reader);
      throw new CliFailure("cannot create the output file " + file + ": " + e.getClass().getSimpleName()
          + " " + e.getMessage() + "; check that its folder exists and is writable", e);
    }
    Progress progress = Progress.start(command, err, options.quiet, problems::total);
    problems.beforePrint(progress::clearLine);
    return new InputRun(command, err, problems, reader, output, progress, options.quiet);
  }

  /** Reads every document and hands it to {@code handler}, counting and showing progress. */
  void forEach(DocumentHandler handler) {
    while (true) {
      Optional<RawDocument> next;
      try {
        next = reader.next();
      } catch (IOException e) {
        throw new CliFailure("reading stopped: " + e.getMessage(), e);
      }
      if (next.isEmpty()) {
        return;
      }
      documents++;
      try {
        handler.accept(next.get());
      } catch (IOException e) {
        throw new CliFailure("cannot write " + output.target() + ": " + e.getMessage(), e);
      }
      progress.step();
    }
  }

  /** Reports a problem of the command's own (e.g. a document it could not process); counts as partial. */
  void problem(ReadProblem problem) {
    problems.accept(problem);
  }

  /** The JSON-lines output ({@code -o FILE} or standard output). */
  JsonLinesWriter output() {
    return output;
  }

  /** Documents read so far. */
  long documents() {
    return documents;
  }

  /** Problems reported so far. */
  long problemCount() {
    return problems.total();
  }

  /**
   * Flushes the output, prints the summary on stderr and returns the exit code: OK, PARTIAL when something was
   * skipped, FAILURE when problems left no document at all.
   */
  int finish() {
    finished = true;
    progress.close();
    try {
      output.close();
    } catch (IOException e) {
      throw new CliFailure("cannot write " + output.target() + ": " + e.getMessage(), e);
    }
    String time = String.format(Locale.ROOT, "%.1f s", progress.elapsedSeconds());
    long n = problems.total();
    if (n == 0) {
      err.printf(Locale.ROOT, "%s: %,d document%s read in %s, no problems%n", command, documents, documents == 1 ? "" : "s",
          time);
      if (documents == 0) {
        err.printf(Locale.ROOT, "%s: the inputs hold no documents (%s)%n", command,
            "supported: .txt, .html, .htm, .jsonl, .warc, optionally .gz");
      }
      err.flush();
      return ExitCodes.OK;
    }
    err.printf(Locale.ROOT, "%s: %,d document%s read in %s; %,d problem%s%s:%s%n", command, documents,
        documents == 1 ? "" : "s", time, n, n == 1 ? "" : "s", quiet ? "" : " (each named above)",
        problems.breakdown());
    err.flush();
    return documents == 0 ? ExitCodes.FAILURE : ExitCodes.PARTIAL;
  }

  @Override
  public void close() {
    progress.close();
    closeQuietly(reader);
    if (!finished) {
      try {
        output.close();
      } catch (IOException e) {
        // the run already failed; its message matters more than this one
      }
    }
  }

  private static void closeQuietly(DocumentReader reader) {
    try {
      reader.close();
    } catch (IOException e) {
      // nothing more to read from it
    }
  }
}
