package io.storyline.copies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DerivationTest {
  private final Derivation rule = Derivation.DEFAULT;

  @Test
  void longWireCopyWithEveryWordTracedIsWhollyDerivedWhateverItsLength() {
    for (int words : new int[] {40, 400, 4_000, 40_000}) {
      assertThat(rule.relation(new Derivation.Evidence(0.9, 1.0, words, words))).as("%d words", words)
          .isEqualTo(Relation.NEAR);
    }
  }

  @Test
  void cutVersionNeedsLessOfItsTextTracedThanOneAsLongAsItsSource() {
    // traced 0.85: short of 0.92 for a text the length of its source, enough for a third of it (0.92 - 0.15 ln 3)
    assertThat(rule.relation(new Derivation.Evidence(0.6, 0.85, 300, 300))).isEqualTo(Relation.PARTIAL);
    assertThat(rule.relation(new Derivation.Evidence(0.6, 0.85, 100, 300))).isEqualTo(Relation.NEAR);
  }

  @Test
  void textTwiceAsLongAsItsSourceIsNeverWhollyDerived() {
    assertThat(rule.relation(new Derivation.Evidence(0.5, 1.0, 800, 400))).isEqualTo(Relation.PARTIAL);
  }

  @Test
  void reusedShareNeededGrowsWithTheReusedWords() {
    // 15% reused: 15 words of a 100-word text derive from the source, 150 of a 1,000-word text are chance phrases
    assertThat(rule.relation(new Derivation.Evidence(0.15, 0.2, 100, 500))).isEqualTo(Relation.PARTIAL);
    assertThat(rule.relation(new Derivation.Evidence(0.15, 0.2, 1_000, 500))).isEqualTo(Relation.UNIQUE);
    assertThat(rule.relation(new Derivation.Evidence(0.3, 0.2, 1_000, 500))).isEqualTo(Relation.PARTIAL);
  }

  @Test
  void nothingSharedIsNotDerivedEvenWithThresholdsBelowZero() {
    Derivation loose = new Derivation(-1, 0, -1, 0);
    assertThat(loose.relation(Derivation.Evidence.none(200))).isEqualTo(Relation.UNIQUE);
    assertThat(rule.relation(Derivation.Evidence.none(0))).isEqualTo(Relation.UNIQUE);
  }

  @Test
  void rejectsSharesOutsideZeroToOneAndThresholdsThatAreNotNumbers() {
    assertThatThrownBy(() -> new Derivation.Evidence(1.2, 0, 10, 10)).hasMessageContaining("reused=1.2");
    assertThatThrownBy(() -> new Derivation.Evidence(0.5, 0.5, -1, 10)).hasMessageContaining("words=-1");
    assertThatThrownBy(() -> new Derivation(Double.NaN, 0, 0.9, 0)).hasMessageContaining("partialBase");
  }

  @Test
  void detectorBuilderMovesTheBaseThresholdsAndKeepsTheSlopes() {
    CopyDetector strict = CopyDetector.builder().partialReused(0.2).nearTraced(0.99).build();
    assertThat(strict.derivation.relation(new Derivation.Evidence(0.9, 0.95, 400, 400))).isEqualTo(Relation.PARTIAL);
    assertThat(CopyDetector.builder().build().derivation).isSameAs(Derivation.DEFAULT);
  }
}
