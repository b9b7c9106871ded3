package io.storyline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.storyline.copies.CopyDetector;
import io.storyline.testing.IngestFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CopiesCommandTest {
  private static final String A = "000_07f4cbc89c93d9ec.txt";
  private static final String B = "001_ad8f6daf88e7a778.txt";

  @TempDir Path tmp;

  @Test
  void writesOneLinePerDocumentWithGroupRelationSourcesAndOrigin() {
    CliRun run = CliRun.of("copies", IngestFixtures.examplesSeeds().toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.ids()).containsExactly(A, B, "003_0eaa330e43070bbf.txt");
    for (JsonNode line : run.lines()) {
      assertThat(line.get("group").isInt()).isTrue();
      assertThat(line.get("relation").asText()).isIn("original", "exact", "near", "partial", "unique");
      assertThat(line.get("sources").isArray()).isTrue();
      assertThat(line.get("origin").asText()).isNotEmpty();
    }
    JsonNode third = run.lines().get(2);
    assertThat(third.get("relation").asText()).isEqualTo("unique");
    assertThat(third.get("origin").asText()).isEqualTo("003_0eaa330e43070bbf.txt");
    assertThat(run.err()).contains("storyline copies: 3 documents read");
  }

  @Test
  void findsACopyAmongFilesAndSavesAReloadableIndex() throws IOException {
    String wire = "The last round of talks between Damascus and the opposition collapsed in February over rifts "
        + "over the role of the president in any transition out of the conflict.\n\nThe main opposition in exile "
        + "and its Western and Arab backers want him to go, officials in three capitals said on Monday.";
    Files.writeString(tmp.resolve("a.txt"), "Headline one\n\n" + wire);
    Files.writeString(tmp.resolve("b.txt"), "Headline two\n\n" + wire.replace("Monday", "Tuesday"));
    Files.writeString(tmp.resolve("c.txt"), "Tiny\n\nToo short.");
    Path index = tmp.resolve("copies.idx");
    CliRun run = CliRun.of("copies", tmp.resolve("a.txt").toString(), tmp.resolve("b.txt").toString(),
        tmp.resolve("c.txt").toString(), "--save-index", index.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    JsonNode b = run.lines().get(1);
    assertThat(b.get("relation").asText()).isEqualTo("near");
    assertThat(b.get("group").asInt()).isEqualTo(run.lines().get(0).get("group").asInt());
    assertThat(b.get("sources").get(0).get("id").asText()).isEqualTo("a.txt");
    assertThat(b.get("sources").get(0).get("containment").asDouble()).isBetween(0.8, 1.0);
    JsonNode c = run.lines().get(2);
    assertThat(c.get("relation").asText()).isEqualTo("unique");
    assertThat(c.get("reason").asText()).contains("at least 4 are needed");
    try (InputStream in = Files.newInputStream(index)) {
      assertThat(CopyDetector.builder().build().load(in).size()).isEqualTo(3);
    }
  }

  @Test
  void diffPrintsTheWordChangesBetweenTwoDocuments() {
    CliRun run = CliRun.of("copies", "--diff", A, B, IngestFixtures.examplesSeeds().toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).startsWith("--- " + A).contains("+++ " + B)
        .contains("[-criticised-]{+criticized+}").contains("(Reuters)");
  }

  @Test
  void diffAsJsonHasSegmentsAndCounts() throws IOException {
    Path out = tmp.resolve("diff.json");
    CliRun run = CliRun.of("copies", "--diff", A, B, "--json", "-o", out.toString(),
        IngestFixtures.examplesSeeds().toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    JsonNode d = JsonLinesWriter.MAPPER.readTree(Files.readString(out, StandardCharsets.UTF_8));
    assertThat(d.get("segments").size()).isGreaterThan(5);
    assertThat(d.get("segments").get(0).get("kind").asText()).isIn("EQUAL", "ADDED", "REMOVED", "CHANGED");
    assertThat(d.get("wordsA").asInt()).isGreaterThan(100);
  }

  @Test
  void diffOfAnUnknownIdFailsNamingIt() {
    CliRun run = CliRun.of("copies", "--diff", A, "nope.txt", IngestFixtures.examplesSeeds().toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(run.err()).contains("nope.txt is not in the inputs");
  }

  @Test
  void jsonWithoutDiffIsAUsageError() {
    CliRun run = CliRun.of("copies", "--json", IngestFixtures.examplesSeeds().toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--json requires --diff");
  }

  @Test
  void evalCopiesOnAFolderThatIsNotMeterFails() {
    CliRun run = CliRun.of("eval", "copies", tmp.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(run.err()).contains("file_index").contains("METER");
  }

  @Test
  void benchCopiesPrintsAReport() {
    CliRun run = CliRun.of("bench", "copies", "--documents", "1000", "--threads", "2", "--dir", tmp.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("documents/s").contains("query latency").contains("heap per document")
        .contains("SimHash").contains("MinHash");
  }
}
