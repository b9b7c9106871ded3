package io.storyline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractionEvalCommandTest {

  private static final String BODY = "<p>The council approved the harbour plan on Tuesday after a long debate in"
      + " the town hall.</p><p>Work on the quay walls starts in September and should take three years.</p>";

  static Path cases(Path dir) throws IOException {
    Path c = Files.createDirectories(dir.resolve("harbour"));
    Files.writeString(c.resolve("source.html"), "<html><head><title>Harbour plan approved - Example</title>"
        + "<meta property='og:site_name' content='Example'></head><body><nav><a href='/'>Home</a></nav><article>"
        + BODY + "</article></body></html>");
    Files.writeString(c.resolve("expected.html"), "<div>" + BODY + "</div>");
    Files.writeString(c.resolve("expected-metadata.json"),
        "{\"title\": \"Harbour plan approved\", \"byline\": null, \"publishedTime\": null}");
    return dir;
  }

  @Test
  void printsBodyScoresAndMetadataAccuracy(@TempDir Path dir) throws IOException {
    CliRun run = CliRun.of("eval", "extraction", cases(dir).toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("1 cases from", "precision 1.0000", "recall 1.0000", "F1 1.0000",
        "title  accuracy  1.0000  (1 of 1", "status {ARTICLE=1}");
  }

  @Test
  void printsOneLinePerCaseWhenVerbose(@TempDir Path dir) throws IOException {
    CliRun run = CliRun.of("eval", "extraction", "--verbose", cases(dir).toString());
    assertThat(run.out()).containsPattern("harbour\\s+ARTICLE\\s+1\\.000\\s+1\\.000\\s+1\\.000\\s+ok");
  }

  @Test
  void reportsSkippedCasesAsAPartialRun(@TempDir Path dir) throws IOException {
    cases(dir);
    Files.createDirectories(dir.resolve("broken"));
    CliRun run = CliRun.of("eval", "extraction", dir.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.PARTIAL);
    assertThat(run.err()).contains("skipped broken: no source.html or expected.html");
  }

  @Test
  void failsWithTheFolderNameWhenItIsMissingOrHoldsNoCases(@TempDir Path dir) {
    CliRun missing = CliRun.of("eval", "extraction", dir.resolve("nope").toString());
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(missing.err()).contains("nope", "readability-pages");
    CliRun empty = CliRun.of("eval", "extraction", dir.toString());
    assertThat(empty.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(empty.err()).contains("no <case>/source.html folders");
    assertThat(CliRun.of("eval", "extraction").exitCode()).isEqualTo(ExitCodes.USAGE);
  }
}
