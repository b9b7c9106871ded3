package io.storyline.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyline.copies.CopyDetector;
import io.storyline.copies.Derivation;
import io.storyline.extract.Extractor;
import io.storyline.ingest.DocumentReader;
import io.storyline.ingest.Ingest;
import io.storyline.testing.SharedData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** METER 1999 copy detection, as {@code storyline eval copies} runs it (skips without ../shared). */
class CopiesMeterEvaluationTest {

  @Test
  void classifiesNewspaperTextsAsWhollyPartiallyOrNonDerivedFromThePaWire() throws Exception {
    Path meter = SharedData.require("data/meter-1999");
    try (DocumentReader r = Ingest.create().open(meter.resolve("PA/rawtexts/courts/02.11.99/titanic/titanic1.txt"))) {
      Assumptions.assumeTrue("PA".equals(Extractor.create().extract(r.next().orElseThrow()).agency()),
          "skipped: extraction does not yet recognise PA wire copy (the text-extraction issue adds it); the score"
              + " below depends on it");
    }
    List<Object> problems = new ArrayList<>();
    CopiesMeterReport report = new CopiesMeterEvaluation(CopyDetector.builder().postingSampling(1).build())
        .run(meter, problems::add);
    System.out.print(report.format());
    assertThat(problems).isEmpty();
    assertThat(report.items()).hasSize(584);
    // Measured 0.72 macro-F1 and 0.90 derived-vs-non F1, 0.69 refitted on random story halves and 0.68-0.70
    // across domains (README, Evaluation, Copies); the margin absorbs extraction changes, not a different method.
    assertThat(report.macroF1()).isGreaterThan(0.69);
    assertThat(report.derivedF1()).isGreaterThan(0.87);
    assertThat(report.crossStoryMacroF1()[0]).isGreaterThan(0.66);
    assertThat(report.crossDomainMacroF1()[0]).isGreaterThan(0.65);
    assertThat(report.crossDomainMacroF1()[1]).isGreaterThan(0.65);
    // the refitted decision beats the two fixed thresholds it replaced, out of sample
    assertThat(report.crossStoryMacroF1()[0]).isGreaterThan(report.crossStoryMacroF1Baseline()[0]);
  }

  @Test
  void reportComputesPerClassScoresAndTheConfusionMatrix() {
    List<CopiesMeterReport.Item> items = List.of(
        new CopiesMeterReport.Item("a", "courts", "courts/1/a", "wholly", "wholly", new Derivation.Evidence(0.9, 1.0, 100, 120)),
        new CopiesMeterReport.Item("b", "courts", "courts/1/a", "wholly", "partially", new Derivation.Evidence(0.5, 0.5, 100, 120)),
        new CopiesMeterReport.Item("c", "showbiz", "showbiz/1/c", "partially", "partially", new Derivation.Evidence(0.4, 0.3, 300, 120)),
        new CopiesMeterReport.Item("d", "showbiz", "showbiz/1/c", "non", "non", new Derivation.Evidence(0.1, 0.1, 300, 120)));
    CopiesMeterReport r = new CopiesMeterReport(2, items);
    assertThat(r.confusion()).isDeepEqualTo(new int[][] {{1, 1, 0}, {0, 1, 0}, {0, 0, 1}});
    assertThat(r.f1("wholly")).isEqualTo(2.0 / 3);
    assertThat(r.f1("partially")).isEqualTo(2.0 / 3);
    assertThat(r.f1("non")).isEqualTo(1.0);
    assertThat(r.macroF1()).isEqualTo((2.0 / 3 + 2.0 / 3 + 1) / 3);
    assertThat(r.derivedF1()).isEqualTo(1.0);
    assertThat(r.format()).contains("macro-F1").contains("confusion");
  }

  @Test
  void detailsListEveryTextWithTheEvidenceTheDecisionRead() {
    CopiesMeterReport r = new CopiesMeterReport(1, List.of(
        new CopiesMeterReport.Item("n/a.txt", "courts", "courts/1/a", "wholly", "partially",
            new Derivation.Evidence(0.5, 0.25, 100, 120)),
        new CopiesMeterReport.Item("n/b.txt", "showbiz", "showbiz/1/b", "non", "non", Derivation.Evidence.none(7))));
    assertThat(r.details().split("\n")).containsExactly(
        "id\tdomain\tstory\tgold\tpredicted\treused\ttraced\twords\tsource_words",
        "n/a.txt\tcourts\tcourts/1/a\twholly\tpartially\t0.5000\t0.2500\t100\t120",
        "n/b.txt\tshowbiz\tshowbiz/1/b\tnon\tnon\t0.0000\t0.0000\t7\t0");
  }
}
