package io.storyline.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The driver-side planning of the job: read tasks, partitions, output ranges, options. No Spark needed. */
class StorylineJobTest {

  private static List<InputFile> files(long... sizes) {
    List<InputFile> out = new ArrayList<>();
    for (int i = 0; i < sizes.length; i++) {
      out.add(new InputFile("file:/in/f" + i, "f" + i, "in/f" + i, i, sizes[i]));
    }
    return out;
  }

  @Test
  void spreadsFilesOverReadTasksByBytesKeepingInputOrderWithinATask() {
    List<List<InputFile>> slices = StorylineJob.slices(files(100, 10, 10, 10, 50, 50, 10, 10), 3);
    assertThat(slices).hasSize(3);
    assertThat(slices).extracting(s -> s.stream().mapToLong(InputFile::size).sum())
        .containsExactlyInAnyOrder(100L, 80L, 70L);
    for (List<InputFile> s : slices) {
      assertThat(s).isSortedAccordingTo(java.util.Comparator.comparingLong(InputFile::rank));
    }
  }

  @Test
  void choosesTwoPartitionsPerCoreOrOnePer64MegabytesOfInput() {
    assertThat(StorylineJob.autoPartitions(files(1_000, 2_000), 2)).isEqualTo(4);
    assertThat(StorylineJob.autoPartitions(files(640L << 20, 1), 2)).isEqualTo(11);
  }

  @Test
  void cutsTheOutputIntoRangesOfInputOrderOfAboutEqualBytes() {
    OrderPartitioner p = OrderPartitioner.of(files(10, 10, 10, 10), 2);
    assertThat(p.numPartitions()).isEqualTo(2);
    assertThat(p.getPartition(Order.of(0, 5))).isZero();
    assertThat(p.getPartition(Order.of(1, 1L << 30))).isZero();
    assertThat(p.getPartition(Order.of(2, 0))).isEqualTo(1);
    assertThat(p.getPartition(Order.of(3, 7))).isEqualTo(1);
    assertThat(OrderPartitioner.of(files(10), 8).numPartitions()).isEqualTo(1);
  }

  @Test
  void ordersByFileThenIndexAndRejectsOutOfRangeParts() {
    assertThat(Order.of(1, 0)).isGreaterThan(Order.of(0, (1L << Order.INDEX_BITS) - 1));
    assertThat(Order.fileRank(Order.of(12345, 678))).isEqualTo(12345);
    assertThatThrownBy(() -> Order.of(Order.MAX_FILES, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fileRank");
    assertThatThrownBy(() -> Order.of(0, -1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("index");
  }

  @Test
  void builderNamesMissingAndRepeatedOptions() {
    assertThatThrownBy(() -> StorylineJob.builder().output("out").build()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("inputs are required");
    assertThatThrownBy(() -> StorylineJob.builder().inputs(List.of("in")).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("output is required");
    assertThatThrownBy(() -> StorylineJob.builder().partitions(2).partitions(3))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("partitions was already set");
    assertThatThrownBy(() -> StorylineJob.builder().inputs(List.of(" ")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inputs");
    assertThatThrownBy(() -> StorylineJob.builder().partitions(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 0");
  }
}
