package io.storyline.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code storyline spark} and {@code storyline bench spark} as the app jar sees them: the Spark job lives in the
 * {@code storyline-spark} module, which needs Spark on the class path and JVM flags this jar does not carry. The
 * {@code ./storyline} launcher runs that module directly; this command only tells how to get there.
 */
@Command(
    name = "spark",
    description = {
        "Run the whole pipeline as an Apache Spark batch job: INPUT... (local, hdfs://, s3a:// paths) -o DIR. "
            + "Runs in local mode through the ./storyline launcher, or on a cluster with spark-submit "
            + "storyline-spark/target/storyline-spark.jar; see the README, \"Scale-out on Spark\".",
        "'./storyline spark --help' lists its options."})
final class SparkCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Unmatched List<String> args;

  @Override
  public Integer call() {
    String name = spec.qualifiedName();
    spec.commandLine().getErr().println(name + ": the Spark job is not in this jar (it needs Spark on the class "
        + "path and extra JVM flags); run it with the launcher ('./storyline " + name.replaceFirst("^storyline ", "")
        + " ...' at the repository root) or with spark-submit storyline-spark/target/storyline-spark.jar; "
        + "see the README, \"Scale-out on Spark\"");
    return ExitCodes.FAILURE;
  }

  /** {@code storyline bench spark}: the same pointer, for the benchmark. */
  @Command(name = "spark", description = "Documents/s of the Spark job in local mode on a generated corpus "
      + "(1 and 2 cores); runs through the ./storyline launcher.")
  static final class Bench implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Unmatched List<String> args;

    @Override
    public Integer call() {
      SparkCommand c = new SparkCommand();
      c.spec = spec;
      return c.call();
    }
  }
}
