package io.storyline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.storyline.testing.IngestFixtures;
import io.storyline.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadCommandTest {
  private static final String[] SEED_IDS = {
      "000_07f4cbc89c93d9ec.txt", "001_ad8f6daf88e7a778.txt", "003_0eaa330e43070bbf.txt"};

  @TempDir Path tmp;

  @Test
  void readOnTheSharedSeedsPrintsThreeLinesWithTheirIds() {
    CliRun run = CliRun.of("read", SharedData.require("seeds").toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.ids()).containsExactly(SEED_IDS);
  }

  @Test
  void readOnTheBundledSeedsDescribesEachDocument() {
    CliRun run = CliRun.of("read", IngestFixtures.examplesSeeds().toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.ids()).containsExactly(SEED_IDS);
    JsonNode first = run.lines().get(0);
    assertThat(first.get("kind").asText()).isEqualTo("text");
    assertThat(first.get("charset").asText()).isEqualTo("UTF-8");
    assertThat(first.get("characters").asInt()).isGreaterThan(2000);
    assertThat(first.get("location").asText()).endsWith("000_07f4cbc89c93d9ec.txt");
    assertThat(first.has("content")).isFalse();
    assertThat(run.err()).contains("storyline read: 3 documents read").contains("no problems");
  }

  @Test
  void mixedFolderGivesEveryGoodDocumentNamesTheBadOnesAndExitsPartial() {
    Path mixed = IngestFixtures.mixedFolder(tmp);
    CliRun run = CliRun.of("read", mixed.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.PARTIAL);
    assertThat(run.ids()).containsExactlyElementsOf(IngestFixtures.MIXED_GOOD_IDS);
    assertThat(run.err())
        .contains("storyline read: " + mixed.resolve("feeds/feed.jsonl") + ":3: malformed JSON")
        .contains("storyline read: " + mixed.resolve("corrupt.txt.gz") + ": corrupt gzip")
        .contains("10 documents read")
        .contains("2 problems")
        .contains("1 malformed JSON line")
        .contains("1 corrupt or truncated gzip");
    JsonNode warcPage = run.lines().get(3);
    assertThat(warcPage.get("url").asText()).isEqualTo("http://example.org/one");
    assertThat(warcPage.get("published").asText()).isEqualTo("2014-11-26T10:00:01Z");
    JsonNode headline = run.lines().get(7);
    assertThat(headline.get("kind").asText()).isEqualTo("none");
    assertThat(headline.get("title").asText()).isEqualTo("Headline only, no body");
  }

  @Test
  void writesToTheOutputFileAndContentOnRequest() throws IOException {
    Path out = tmp.resolve("docs.jsonl");
    Path latin = IngestFixtures.copy("text/latin1.txt", tmp);
    CliRun run = CliRun.of("read", "--content", "-o", out.toString(), latin.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).isEmpty();
    String written = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(written).contains("\"id\":\"latin1.txt\"").contains("\u00a3300 million")
        .contains("\u201cthe best deal for Britain\u201d").endsWith("\n");
  }

  @Test
  void quietPrintsOnlyTheSummary() {
    Path mixed = IngestFixtures.mixedFolder(tmp);
    CliRun run = CliRun.of("read", "-q", mixed.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.PARTIAL);
    assertThat(run.err()).doesNotContain("feed.jsonl:3").contains("2 problems");
  }

  @Test
  void missingInputIsAFailureWithAClearMessage() {
    CliRun run = CliRun.of("read", tmp.resolve("no-such-dir").toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(run.err()).contains("no-such-dir: input not found; check the path").doesNotContain("Exception");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void inputsThatAreAllBadAreAFailure() {
    Path empty = IngestFixtures.copy("bad/empty.txt", tmp);
    CliRun run = CliRun.of("read", empty.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(run.err()).contains("empty file").contains("0 documents read");
  }

  @Test
  void outputInAMissingFolderIsAFailure() {
    CliRun run = CliRun.of("read", "-o", tmp.resolve("nope/out.jsonl").toString(),
        IngestFixtures.examplesSeeds().toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(run.err()).contains("cannot create the output file").contains("nope");
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertThat(CliRun.of("read").exitCode()).isEqualTo(ExitCodes.USAGE);
    CliRun badSize = CliRun.of("read", "--max-file-size", "lots", tmp.toString());
    assertThat(badSize.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(badSize.err()).contains("expected a size such as 512KB, 20MB or 1GB, got 'lots'")
        .contains("See 'storyline read --help'");
  }

  @Test
  void maxFileSizeOptionSkipsLargerDocuments() {
    CliRun run = CliRun.of("read", "--max-file-size", "3KB", IngestFixtures.examplesSeeds().toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.PARTIAL);
    assertThat(run.ids()).containsExactly("000_07f4cbc89c93d9ec.txt");
    assertThat(run.err()).contains("larger than the limit of 3 KB");
  }

  @Test
  void sizesParseWithBinaryUnits() {
    InputOptions.SizeConverter c = new InputOptions.SizeConverter();
    assertThat(c.convert("20MB")).isEqualTo(20L << 20);
    assertThat(c.convert("512k")).isEqualTo(512L << 10);
    assertThat(c.convert("1.5GB")).isEqualTo(3L << 29);
    assertThat(c.convert("1000")).isEqualTo(1000L);
  }

  @Test
  void outputThatIsAnInputIsRefusedBeforeTheInputIsTouched() throws IOException {
    Path feed = tmp.resolve("feed.jsonl");
    String text = "{\"id\":\"a\",\"text\":\"Some text.\"}\n";
    Files.writeString(feed, text);
    CliRun run = CliRun.of("read", feed.toString(), "-o", tmp.resolve(".").resolve("feed.jsonl").toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("is also an input").contains("choose another -o/--output");
    assertThat(Files.readString(feed)).isEqualTo(text);
  }

  @Test
  void outputInsideAnInputFolderIsNotReadBack() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("crawl"));
    for (int i = 0; i < 300; i++) {
      String name = String.format(java.util.Locale.ROOT, "doc-%03d.txt", i);
      Files.writeString(dir.resolve(name), "Paragraph " + i + " of a page that is long enough to fill buffers.\n");
    }
    Path out = dir.resolve("out.jsonl");
    for (int pass = 1; pass <= 2; pass++) { // the second run finds the first run's output in the folder
      CliRun run = CliRun.of("read", "--content", dir.toString(), "-o", out.toString());
      assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
      assertThat(run.err()).contains("300 documents read").contains("no problems");
      assertThat(Files.readAllLines(out)).hasSize(300);
    }
  }

  @Test
  void fullStandardOutputOrOutputFileFailsWithExitOneNamingIt() throws Exception {
    Path full = Path.of("/dev/full");
    Assumptions.assumeTrue(Files.isWritable(full), "needs /dev/full (Linux)");
    String seeds = IngestFixtures.examplesSeeds().toString();
    // standard output is a file descriptor of the process: run the CLI in a child JVM with it on /dev/full
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), StorylineCli.class.getName(), "read", seeds)
        .redirectOutput(full.toFile())
        .redirectError(ProcessBuilder.Redirect.PIPE)
        .start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(err).isEqualTo(ExitCodes.FAILURE);
    assertThat(err).contains("storyline read: cannot write standard output");

    CliRun run = CliRun.of("read", seeds, "-o", full.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(run.err()).contains("storyline read: cannot write /dev/full: No space left on device");
  }
}
