package io.storyline.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code storyline eval ...}: evaluation against the benchmark formats in {@code ../shared/data}. One subcommand each. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Evaluate a stage against a benchmark and print standard metrics.",
    subcommands = {
      ExtractionEvalCommand.class,
      EvalCopiesCommand.class,
      EvalStoriesCommand.class,
    })
final class EvalCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "Missing benchmark. See 'storyline eval --help'.");
  }
}
