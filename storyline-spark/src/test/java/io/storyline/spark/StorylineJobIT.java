package io.storyline.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storyline.stories.StoryClusterer;
import io.storyline.testing.IngestFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job against the single-machine library on small inputs: same articles, ids, order and problems. */
class StorylineJobIT {
  @TempDir Path tmp;

  @Test
  void writesWhatTheLibraryGivesForTheSeedsInInputOrder() {
    Path seeds = IngestFixtures.copySeeds(tmp.resolve("seeds"));
    JobRun run = JobRun.of(tmp.resolve("out"), b -> b.partitions(3).clock(JobRun.FIXED_CLOCK), seeds);
    JobRun cli = JobRun.reference(true, StoryClusterer.builder().clock(JobRun.FIXED_CLOCK).build(), seeds);
    // topics are threaded within story blocks (28 days): 003 (2016) cannot join the 2014 topic as in one clusterer
    assertThat(JobRun.without(run.lines(), "topic")).isEqualTo(JobRun.without(cli.lines(), "topic"));
    assertThat(run.column("topic").get(0)).isEqualTo(run.column("topic").get(1));
    assertThat(run.report().documents()).isEqualTo(3);
    assertThat(run.report().exitCode()).isZero();
    assertThat(run.column("relation")).containsExactly("near", "original", "unique");
    assertThat(run.column("story").get(0)).isEqualTo(run.column("story").get(1))
        .isNotEqualTo(run.column("story").get(2));
    assertThat(run.report().copyGroups()).isEqualTo(1);
  }

  @Test
  void keepsCopiesInOneStoryWhenBlocksAreSplitIntoEntityCells() {
    Path seeds = IngestFixtures.copySeeds(tmp.resolve("seeds"));
    JobRun whole = JobRun.of(tmp.resolve("whole"), b -> b.partitions(2).clock(JobRun.FIXED_CLOCK), seeds);
    // one document per cell: 000 and 001 (one copy group, one 2014 block) are clustered in different cells
    JobRun split = JobRun.of(tmp.resolve("split"), b -> b.partitions(2).clock(JobRun.FIXED_CLOCK).maxStoryCell(1),
        seeds);
    assertThat(split.column("story")).isEqualTo(whole.column("story"));
    assertThat(split.column("story").get(0)).isEqualTo(split.column("story").get(1))
        .isNotEqualTo(split.column("story").get(2));
    assertThat(JobRun.without(split.lines(), "story", "topic"))
        .isEqualTo(JobRun.without(whole.lines(), "story", "topic"));
  }

  @Test
  void readsAMixedFolderWithTheCoreReadersIdsAndProblems() {
    Path mixed = IngestFixtures.mixedFolder(tmp);
    JobRun run = JobRun.of(tmp.resolve("out"), b -> b.partitions(4).formats(EnumSet.of(StorylineJob.Format.JSONL))
        .copies(false).stories(false), mixed);
    JobRun cli = JobRun.reference(mixed);
    assertThat(run.ids()).containsExactlyElementsOf(IngestFixtures.MIXED_GOOD_IDS);
    assertThat(run.lines()).isEqualTo(cli.lines());
    assertThat(run.problems()).isEqualTo(cli.problems()).hasSize(2);
    assertThat(run.report().exitCode()).isEqualTo(3);
    assertThat(run.report().problems()).containsOnlyKeys("malformed JSON line", "corrupt or truncated gzip");
  }

  @Test
  void keepsTheFirstOfTwoDocumentsWithOneIdAndNamesTheOther() throws IOException {
    Path dir = tmp.resolve("feeds");
    write(dir.resolve("a.jsonl"), "{\"id\":\"x\",\"text\":\"first text of x\"}\n{\"id\":\"y\",\"text\":\"y\"}\n");
    write(dir.resolve("b.jsonl"), "{\"id\":\"x\",\"text\":\"second text of x\"}\n");
    JobRun run = JobRun.of(tmp.resolve("out"), b -> b.partitions(2).copies(false).stories(false), dir);
    assertThat(run.ids()).containsExactly("x", "y");
    assertThat(run.lines().get(0).get("text")).isEqualTo("first text of x");
    assertThat(run.problems()).singleElement().satisfies(p -> {
      assertThat(p.get("location")).isEqualTo(dir + "/b.jsonl:1");
      assertThat(p.get("reason")).isEqualTo("duplicate id \"x\", already read from " + dir + "/a.jsonl:1; "
          + "this one skipped");
    });
    assertThat(run.problems()).isEqualTo(JobRun.reference(dir).problems());
  }

  @Test
  void writesParquetWithTheColumnsAndValuesOfTheJsonLines() {
    Path seeds = IngestFixtures.copySeeds(tmp.resolve("seeds"));
    Path out = tmp.resolve("out");
    JobRun run = JobRun.of(out, b -> b, seeds);
    Dataset<Row> parquet = LocalSpark.session().read().parquet(out.resolve(Output.PARQUET).toString());
    assertThat(parquet.columns()).containsExactly(run.lines().get(0).keySet().toArray(String[]::new));
    List<Row> rows = parquet.orderBy("id").collectAsList();
    assertThat(rows).extracting(r -> r.getAs("id")).containsExactlyElementsOf(run.ids());
    assertThat(rows).extracting(r -> r.getAs("text")).containsExactlyElementsOf(
        run.lines().stream().map(l -> l.get("text")).toList());
  }

  @Test
  void refusesAnOutputFolderThatExistsUnlessToldToOverwrite() throws IOException {
    Path seeds = IngestFixtures.copySeeds(tmp.resolve("seeds"));
    Path out = Files.createDirectories(tmp.resolve("out"));
    assertThatThrownBy(() -> JobRun.of(out, b -> b, seeds)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the output folder exists").hasMessageContaining("--overwrite");
    assertThat(JobRun.of(out, b -> b.overwrite(true), seeds).ids()).hasSize(3);
  }

  @Test
  void namesAnInputThatDoesNotExist() {
    assertThatThrownBy(() -> JobRun.of(tmp.resolve("out"), b -> b, tmp.resolve("nothere")))
        .isInstanceOf(UncheckedIOException.class).hasMessageContaining("nothere: input not found; check the path");
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
