package io.storyline.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyline.testing.SharedData;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on METER 1999 (PA wire and newspaper texts, {@code ../shared/data/meter-1999}) against the
 * single-machine library on the same folders.
 */
class MeterIT {
  @TempDir Path tmp;

  @Test
  void extractsEveryMeterTextAsTheLibraryDoes() {
    Path pa = SharedData.require("data/meter-1999/PA/rawtexts");
    Path papers = SharedData.require("data/meter-1999/newspapers/rawtexts");
    JobRun run = JobRun.of(tmp.resolve("out"), b -> b.partitions(4).formats(EnumSet.of(StorylineJob.Format.JSONL)),
        pa, papers);
    JobRun cli = JobRun.reference(pa, papers);
    assertThat(run.ids()).hasSize(1058).containsExactlyElementsOf(cli.ids());
    List<Map<String, Object>> differing = run.lines().stream().filter(l -> !cli.lines().contains(l)).toList();
    assertThat(differing).isEmpty();
    assertThat(run.problems()).isEqualTo(cli.problems());
  }
}
