package io.storyline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
  @TempDir Path dir;

  private Path feed(String name, String... lines) throws Exception {
    Path p = dir.resolve(name);
    Files.write(p, List.of(lines), StandardCharsets.UTF_8);
    return p;
  }

  private static String line(String id, String text) {
    return "{\"id\":\"" + id + "\",\"title\":\"Title " + id + "\",\"text\":\"" + text + "\"}";
  }

  @Test
  void secondRunWithNewInputsAddsOnlyTheNewAndCountsEveryOutcome() throws Exception {
    String store = dir.resolve("store").toString();
    Path first = feed("first.jsonl", line("a", "Alpha."), line("b", "Beta."));
    CliRun r1 = CliRun.of("run", first.toString(), "--store", store);
    assertThat(r1.exitCode()).as(r1.err()).isEqualTo(ExitCodes.OK);
    assertThat(r1.lines()).extracting(n -> n.get("outcome").asText()).containsExactly("added", "added");
    assertThat(r1.err()).contains("2 added, 0 updated, 0 unchanged, 0 skipped").contains("holds 2 articles");

    Path second = feed("second.jsonl", line("c", "Gamma."));
    CliRun r2 = CliRun.of("run", first.toString(), second.toString(), "--store", store);
    assertThat(r2.exitCode()).as(r2.err()).isEqualTo(ExitCodes.OK);
    assertThat(r2.lines()).extracting(n -> n.get("outcome").asText())
        .containsExactly("unchanged", "unchanged", "added");
    assertThat(r2.err()).contains("1 added, 0 updated, 2 unchanged, 0 skipped").contains("holds 3 articles");

    Path third = feed("third.jsonl", line("b", "Beta, corrected."));
    CliRun r3 = CliRun.of("run", third.toString(), "--store", store);
    assertThat(r3.err()).contains("0 added, 1 updated, 0 unchanged, 0 skipped").contains("holds 3 articles");
  }

  @Test
  void documentWithNothingToStoreIsSkippedAndNamed() throws Exception {
    Path feed = feed("feed.jsonl", line("a", "Alpha."), "{\"id\":\"x\",\"html\":\"<html><body></body></html>\"}");
    CliRun r = CliRun.of("run", feed.toString(), "--store", dir.resolve("store").toString());
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.PARTIAL);
    assertThat(r.lines()).extracting(n -> n.get("outcome").asText()).containsExactly("added", "skipped");
    assertThat(r.err()).contains("feed.jsonl:2").contains("nothing stored").contains("1 skipped");
  }

  @Test
  void storeInUseIsAFailureNamingIt() throws Exception {
    Path storeDir = dir.resolve("store");
    try (var store = io.storyline.store.Store.open(storeDir)) {
      CliRun r = CliRun.of("run", feed("f.jsonl", line("a", "A.")).toString(), "--store", storeDir.toString());
      assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
      assertThat(r.err()).contains("cannot open the store " + storeDir).contains("in use");
    }
  }
}
