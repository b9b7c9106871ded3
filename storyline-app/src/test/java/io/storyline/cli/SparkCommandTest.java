package io.storyline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The app jar lists the Spark job and points to the launcher, without carrying Spark. */
class SparkCommandTest {

  @Test
  void helpListsTheSparkCommand() {
    CliRun r = CliRun.of("--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).containsPattern("(?m)^\\s+spark\\s+Run the whole pipeline as an Apache Spark batch job");
    assertThat(CliRun.of("bench", "--help").out()).containsPattern("(?m)^\\s+spark\\s+Documents/s");
  }

  @Test
  void sparkFromTheAppJarPointsToTheLauncherAndSparkSubmit() {
    CliRun r = CliRun.of("spark", "crawl", "-o", "out");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(r.err()).contains("storyline spark: the Spark job is not in this jar")
        .contains("'./storyline spark ...'").contains("spark-submit storyline-spark/target/storyline-spark.jar");
    assertThat(CliRun.of("bench", "spark").err()).contains("'./storyline bench spark ...'");
  }
}
