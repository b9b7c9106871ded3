package io.storyline.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code storyline} command: front door of the CLI. Each subcommand is one class. */
@Command(
    name = "storyline",
    mixinStandardHelpOptions = true,
    versionProvider = StorylineCli.Version.class,
    description = "Turns a stream of news pages into clean articles, copies, stories and topics.",
    subcommands = {CommandLine.HelpCommand.class, EvalCommand.class, BenchCommand.class})
public final class StorylineCli implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the CLI and returns its exit code (see {@link ExitCodes}); for tests and embedding. */
  public static int execute(String... args) {
    return new CommandLine(new StorylineCli()).execute(args);
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
