package io.storyline.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CopiesSyntheticCorpusTest {

  @Test
  void generatesTheSameStreamForASeedWithTheAnnouncedMixOfCopies() {
    CopiesSyntheticCorpus a = new CopiesSyntheticCorpus(7);
    CopiesSyntheticCorpus b = new CopiesSyntheticCorpus(7);
    Map<CopiesSyntheticCorpus.Kind, Integer> kinds = new EnumMap<>(CopiesSyntheticCorpus.Kind.class);
    int n = 5000;
    for (int i = 0; i < n; i++) {
      CopiesSyntheticCorpus.Doc d = a.next();
      assertThat(b.next()).isEqualTo(d);
      kinds.merge(d.kind(), 1, Integer::sum);
      assertThat(d.source() < 0).isEqualTo(d.kind() == CopiesSyntheticCorpus.Kind.ORIGINAL);
      assertThat(d.source()).isLessThan(d.number());
    }
    assertThat(kinds.get(CopiesSyntheticCorpus.Kind.ORIGINAL) / (double) n).isBetween(0.57, 0.63);
    assertThat(kinds.get(CopiesSyntheticCorpus.Kind.NEAR) / (double) n).isBetween(0.13, 0.17);
    assertThat(kinds.get(CopiesSyntheticCorpus.Kind.PARTIAL) / (double) n).isBetween(0.05, 0.09);
  }
}
