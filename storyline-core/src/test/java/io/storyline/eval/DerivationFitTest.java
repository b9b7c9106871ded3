package io.storyline.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyline.copies.Derivation;
import io.storyline.copies.Relation;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DerivationFitTest {

  @Test
  void refitRecoversTheDecisionThatLabelledTheTexts() {
    Derivation truth = new Derivation(0.05, 0.03, 0.85, 0.2);
    Random rnd = new Random(7); // fixed seed: the sample is reproducible; any seed gives a similar fit
    List<CopiesMeterReport.Item> items = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      int words = 50 + rnd.nextInt(900);
      int source = 100 + rnd.nextInt(600);
      Derivation.Evidence e = new Derivation.Evidence(rnd.nextDouble(), rnd.nextDouble(), words, source);
      String gold = CopiesMeterEvaluation.predicted(truth.relation(e));
      items.add(new CopiesMeterReport.Item("t" + i, i % 2 == 0 ? "courts" : "showbiz", "s/" + i, gold, gold, e));
    }
    Derivation fitted = DerivationFit.fit(items);
    int agree = 0;
    for (CopiesMeterReport.Item i : items) {
      agree += truth.relation(i.evidence()) == fitted.relation(i.evidence()) ? 1 : 0;
    }
    assertThat(agree).isGreaterThan(570); // 95%: the boundaries are learnt up to the grid of cut points
    assertThat(fitted.partialBase()).isBetween(0.0, 0.25); // base and slope trade off over the sampled lengths
    assertThat(fitted.nearBase()).isBetween(0.75, 0.95);
  }

  @Test
  void samplesWithoutEveryClassStillGiveADecision() {
    List<CopiesMeterReport.Item> items = List.of(
        new CopiesMeterReport.Item("a", "courts", "c/a", "wholly", "wholly", new Derivation.Evidence(0.9, 1, 100, 100)),
        new CopiesMeterReport.Item("b", "courts", "c/b", "wholly", "wholly", new Derivation.Evidence(0.8, 1, 90, 100)));
    Derivation d = DerivationFit.fit(items);
    assertThat(d.relation(new Derivation.Evidence(0.9, 1, 100, 100))).isNotNull();
    assertThat(d.relation(Derivation.Evidence.none(100))).isEqualTo(Relation.UNIQUE);
  }
}
