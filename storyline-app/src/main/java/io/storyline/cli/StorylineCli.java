package io.storyline.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code storyline} command: front door of the CLI. Each subcommand is one class. */
@Command(
    name = "storyline",
    mixinStandardHelpOptions = true,
    versionProvider = StorylineCli.Version.class,
    description = "Turns a stream of news pages into clean articles, copies, stories and topics.",
    subcommands = {
      CommandLine.HelpCommand.class,
      ReadCommand.class,
      ExtractCommand.class,
      CopiesCommand.class,
      RunCommand.class,
      ServeCommand.class,
      EvalCommand.class,
      BenchCommand.class,
      StoriesCommand.class,
      SparkCommand.class,
    })
public final class StorylineCli implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the CLI and returns its exit code (see {@link ExitCodes}); for tests and embedding. */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  /**
   * The configured command line: UTF-8 standard output and error, and {@link CliFailure} (or an output that
   * cannot be written) printed as one message with exit code {@link ExitCodes#FAILURE}, without a stack trace.
   * Tests may replace its streams with {@code setOut}/{@code setErr} before {@code execute}.
   */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new StorylineCli());
    // the descriptor, not System.out: a PrintStream swallows write errors, so a full disk or a closed pipe on
    // standard output would end the run with exit code 0 and the output lost
    cl.setOut(new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8),
        true));
    cl.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      if (ex instanceof CliFailure || ex instanceof UncheckedIOException) {
        commandLine.getErr().println(commandLine.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
        commandLine.getErr().flush();
        return ExitCodes.FAILURE;
      }
      throw ex;
    });
    cl.setParameterExceptionHandler((ex, args) -> {
      CommandLine c = ex.getCommandLine();
      String name = c.getCommandSpec().qualifiedName();
      c.getErr().println(name + ": " + ex.getMessage());
      CommandLine.UnmatchedArgumentException.printSuggestions(ex, c.getErr());
      if (!String.valueOf(ex.getMessage()).contains("--help")) {
        c.getErr().println("See '" + name + " --help'.");
      }
      c.getErr().flush();
      return ExitCodes.USAGE;
    });
    return cl;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command. See 'storyline --help'.");
  }

  /** Reads the version filtered into {@code version.properties} at build time. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = StorylineCli.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {"storyline " + p.getProperty("version", "unknown")};
    }
  }
}
