package io.storyline.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class StoriesScoreTest {

  @Test
  void perfectClusteringScoresOne() {
    StoriesScore s = StoriesScore.of(List.of("x", "x", "y"), List.of("a", "a", "b"));
    assertThat(s.f1()).isEqualTo(1.0);
    assertThat(s.ari()).isEqualTo(1.0);
    assertThat(s.clusters()).isEqualTo(2);
    assertThat(s.goldClusters()).isEqualTo(2);
  }

  @Test
  void computesBcubedAndAriOfAnOverSplitClustering() {
    // gold {1,2,3,4}{5,6}; predicted {1,2}{3,4}{5,6}
    StoriesScore s = StoriesScore.of(List.of("p", "p", "q", "q", "r", "r"), List.of("a", "a", "a", "a", "b", "b"));
    assertThat(s.precision()).isEqualTo(1.0);
    assertThat(s.recall()).isCloseTo((4 * 0.5 + 2 * 1.0) / 6, within(1e-12));
    // ARI: index 3, expected 3*7/15 = 1.4, max (3+7)/2 = 5 -> (3-1.4)/(5-1.4)
    assertThat(s.ari()).isCloseTo((3 - 1.4) / (5 - 1.4), within(1e-12));
  }

  @Test
  void oneBigClusterHasFullRecallAndLowPrecision() {
    StoriesScore s = StoriesScore.of(List.of("p", "p", "p", "p"), List.of("a", "a", "b", "b"));
    assertThat(s.recall()).isEqualTo(1.0);
    assertThat(s.precision()).isEqualTo(0.5);
    assertThat(s.ari()).isLessThanOrEqualTo(0.0);
  }
}
