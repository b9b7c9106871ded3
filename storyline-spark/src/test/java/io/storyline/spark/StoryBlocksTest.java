package io.storyline.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The story stage's cells and dates, without Spark. */
class StoryBlocksTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void anUnsplitBlockIsOneCellAndASplitOneSpreadsEntitiesOverItsCellsOnly() {
    assertThat(StoryBlocks.cell(700, "assad", 1)).isEqualTo(StoryBlocks.cell(700, "putin", 1))
        .isEqualTo(700L * StoryBlocks.MAX_CELLS);
    Set<Long> cells = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      long c = StoryBlocks.cell(700, "entity" + i, 8);
      assertThat(c).isBetween(700L * StoryBlocks.MAX_CELLS, 700L * StoryBlocks.MAX_CELLS + 7);
      cells.add(c);
    }
    assertThat(cells).hasSize(8);
    assertThat(StoryBlocks.cell(700, "assad", 8)).isEqualTo(StoryBlocks.cell(700, "assad", 8));
  }

  @Test
  void stitchingNodesOfCellsStayApartFromCopyGroupNodesForAnyDateOfTheEra() {
    // dates after the clock are not believed (the document takes its anchor's time), so 2299 is far enough
    long earliest = Math.floorDiv(Instant.parse("0001-01-01T00:00:00Z").getEpochSecond(), 3 * 86400L);
    long node = StoryBlocks.node(StoryBlocks.cell(earliest, "x", StoryBlocks.MAX_CELLS), Integer.MAX_VALUE);
    assertThat(node).isGreaterThan(StoryBlocks.groupNode(Integer.MAX_VALUE));
    long latest = Math.floorDiv(Instant.parse("2299-12-31T00:00:00Z").getEpochSecond(), 3 * 86400L);
    assertThat(StoryBlocks.node(StoryBlocks.cell(latest, "x", StoryBlocks.MAX_CELLS), 1))
        .isGreaterThan(StoryBlocks.node(StoryBlocks.cell(latest - 1, "x", StoryBlocks.MAX_CELLS), 1));
  }

  @Test
  void datesADocumentAsTheCoreClustererDoes() {
    Instant published = Instant.parse("2014-11-26T16:30:00Z");
    StreamKey own = new StreamKey(published, "a", 0, 1);
    assertThat(StoryBlocks.dated(own, published, NOW))
        .isEqualTo(new StoryBlocks.Labels(null, null, published, "published", null));
    StreamKey follower = new StreamKey(published, "a", 1, 2);
    assertThat(StoryBlocks.dated(follower, null, NOW))
        .isEqualTo(new StoryBlocks.Labels(null, null, published, "previous_document", "no publication date"));
    Instant future = Instant.parse("2030-01-01T00:00:00Z");
    assertThat(StoryBlocks.dated(follower, future, NOW).dateNote()).contains("is in the future");
    assertThat(StoryBlocks.dated(new StreamKey(NOW, "", 1, 0), null, NOW))
        .isEqualTo(new StoryBlocks.Labels(null, null, NOW, "arrival", "no publication date"));
  }
}
