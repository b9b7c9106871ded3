package io.storyline.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code storyline bench ...}: speed and memory benchmarks that print a report. One subcommand each. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Run a speed/memory benchmark and print a report (numbers are for this machine).",
    subcommands = {
      BenchReadCommand.class,
      ExtractTextBench.class,
      ExtractHtmlBench.class,
      BenchCopiesCommand.class,
      BenchStoriesCommand.class,
      BenchServeCommand.class,
      SparkCommand.Bench.class,
    })
final class BenchCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "Missing benchmark. See 'storyline bench --help'.");
  }
}
