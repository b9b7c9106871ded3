package io.storyline.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyline.eval.StoriesScore;
import io.storyline.stories.StoryClusterer;
import io.storyline.testing.SharedData;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on METER 1999 (PA wire and newspaper texts, {@code ../shared/data/meter-1999}) against the
 * single-machine library on the same folders: one job run and one library run, compared field by field. The job
 * runs with 7-day story blocks (3-day lead-in), so METER's 16 days of news cross several block boundaries. Prints
 * the agreement (ARI) of copy groups, stories and topics.
 */
class MeterIT {
  /** Days per story block: 7 by default, so METER's dates cross several boundaries; -Dstoryline.it.blockDays=28. */
  private static final int BLOCK_DAYS = Integer.getInteger("storyline.it.blockDays", 7);
  private static final Set<String> STAGE_FIELDS = Set.of("group", "relation", "sources", "origin", "reason", "story",
      "topic", "date", "dateNote");
  @TempDir static Path tmp;
  private static JobRun spark;
  private static JobRun library;

  @BeforeAll
  static void runBoth() {
    Path pa = SharedData.require("data/meter-1999/PA/rawtexts");
    Path papers = SharedData.require("data/meter-1999/newspapers/rawtexts");
    spark = JobRun.of(tmp.resolve("out"), b -> b.partitions(4).formats(EnumSet.of(StorylineJob.Format.JSONL))
        .clock(JobRun.FIXED_CLOCK).storyBlocks(Duration.ofDays(BLOCK_DAYS), Duration.ofDays(3)), pa, papers);
    library = JobRun.reference(true, StoryClusterer.builder().clock(JobRun.FIXED_CLOCK).build(), pa, papers);
  }

  private static List<Map<String, Object>> extractFields(JobRun run) {
    return JobRun.without(run.lines(), STAGE_FIELDS.toArray(String[]::new));
  }

  @Test
  void extractsEveryMeterTextAsTheLibraryDoes() {
    assertThat(spark.ids()).hasSize(1058).containsExactlyElementsOf(library.ids());
    assertThat(extractFields(spark)).isEqualTo(extractFields(library));
    assertThat(spark.problems()).isEqualTo(library.problems());
  }

  @Test
  void copyGroupsAndRelationsAreThoseOfOneCopyIndex() {
    StoriesScore groups = StoriesScore.of(strings(spark, "group"), strings(library, "group"));
    System.out.println("MeterIT copy groups, Spark against one copy index: " + groups.line());
    assertThat(groups.ari()).isGreaterThanOrEqualTo(0.98);
    assertThat(strings(spark, "group")).isEqualTo(strings(library, "group"));
    for (String field : List.of("relation", "sources", "origin", "agency", "reason")) {
      assertThat(spark.lines()).extracting(l -> l.get(field)).as(field)
          .containsExactlyElementsOf(library.lines().stream().map(l -> l.get(field)).toList());
    }
    assertThat(spark.report().copyGroups()).isEqualTo(
        library.column("relation").stream().filter("original"::equals).count()).isPositive();
  }

  private static List<String> strings(JobRun run, String field) {
    return run.lines().stream().map(l -> String.valueOf(l.get(field))).toList();
  }

  @Test
  void storiesInTimeBlocksAgreeWithOneClustererOverTheWholeStream() {
    StoriesScore stories = StoriesScore.of(spark.column("story"), library.column("story"));
    StoriesScore topics = StoriesScore.of(spark.column("topic"), library.column("topic"));
    System.out.println("MeterIT stories, Spark against one clusterer: " + stories.line());
    System.out.println("MeterIT topics, Spark against one clusterer: " + topics.line());
    // Issue target 0.98; measured 1.000 (243 stories against 242) since each block starts from the document
    // frequencies of the whole stream before it (StoryFrequencies) and counts the documents its clusterer does not
    // place (README, Scale-out on Spark).
    assertThat(stories.ari()).isGreaterThanOrEqualTo(0.98);
    assertThat(spark.report().stories()).isEqualTo(stories.clusters());
    for (String field : List.of("published", "date", "dateNote")) {
      assertThat(spark.lines()).extracting(l -> l.get(field)).as(field)
          .containsExactlyElementsOf(library.lines().stream().map(l -> l.get(field)).toList());
    }
  }
}
