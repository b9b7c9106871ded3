package io.storyline.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The command line's usage errors, which are found before Spark starts. */
class SparkMainTest {

  private static String[] run(String... args) {
    PrintStream oldErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int code = SparkMain.execute(args);
      return new String[] {Integer.toString(code), err.toString(StandardCharsets.UTF_8)};
    } finally {
      System.setErr(oldErr);
    }
  }

  @Test
  void missingOutputFolderIsAUsageError() {
    String[] r = run("in");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[1]).contains("Missing required option: '--output=DIR'");
  }

  @Test
  void unknownFormatIsAUsageError() {
    String[] r = run("in", "-o", "out", "--format", "csv");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[1]).contains("--format: expected jsonl or parquet, got 'csv'");
  }

  @Test
  void readsSizesInBinaryUnits() {
    assertThat(SparkMain.parseSize("20MB")).isEqualTo(20L << 20);
    assertThat(SparkMain.parseSize("512k")).isEqualTo(512L << 10);
    assertThat(SparkMain.parseSize("1.5GB")).isEqualTo(3L << 29);
    assertThat(SparkMain.parseSize("1000")).isEqualTo(1000);
    assertThatThrownBy(() -> SparkMain.parseSize("lots")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--max-file-size");
  }
}
