package io.storyline.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyline.eval.StoriesScore;
import io.storyline.stories.StoryClusterer;
import io.storyline.testing.SharedData;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on METER 1999 (PA wire and newspaper texts, {@code ../shared/data/meter-1999}) against the
 * single-machine library on the same folders: one job run and one library run, compared field by field. The job
 * runs with 7-day story blocks (3-day lead-in), so METER's 16 days of news cross several block boundaries.
 */
class MeterIT {
  private static final Set<String> STAGE_FIELDS = Set.of("group", "relation", "story", "topic");
  @TempDir static Path tmp;
  private static JobRun spark;
  private static JobRun library;

  @BeforeAll
  static void runBoth() {
    Path pa = SharedData.require("data/meter-1999/PA/rawtexts");
    Path papers = SharedData.require("data/meter-1999/newspapers/rawtexts");
    spark = JobRun.of(tmp.resolve("out"), b -> b.partitions(4).formats(EnumSet.of(StorylineJob.Format.JSONL))
        .clock(JobRun.FIXED_CLOCK).storyBlocks(Duration.ofDays(7), Duration.ofDays(3)), pa, papers);
    library = JobRun.reference(StoryClusterer.builder().clock(JobRun.FIXED_CLOCK).build(), pa, papers);
  }

  private static List<Map<String, Object>> extractFields(JobRun run) {
    return run.lines().stream().map(l -> {
      Map<String, Object> m = new HashMap<>(l);
      m.keySet().removeAll(STAGE_FIELDS);
      return m;
    }).toList();
  }

  @Test
  void extractsEveryMeterTextAsTheLibraryDoes() {
    assertThat(spark.ids()).hasSize(1058).containsExactlyElementsOf(library.ids());
    assertThat(extractFields(spark)).isEqualTo(extractFields(library));
    assertThat(spark.problems()).isEqualTo(library.problems());
  }

  @Test
  void storiesInTimeBlocksAgreeWithOneClustererOverTheWholeStream() {
    StoriesScore stories = StoriesScore.of(spark.column("story"), library.column("story"));
    StoriesScore topics = StoriesScore.of(spark.column("topic"), library.column("topic"));
    System.out.println("MeterIT stories, Spark against one clusterer: " + stories.line());
    System.out.println("MeterIT topics, Spark against one clusterer: " + topics.line());
    assertThat(stories.ari()).isGreaterThanOrEqualTo(0.98);
    assertThat(spark.report().stories()).isEqualTo(stories.clusters());
  }
}
