package io.storyline.copies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WordDiffTest {
  private final CopyDetector detector = CopyDetector.builder().build();

  @Test
  void showsWhatOneOutletChangedAddedAndRemoved() {
    String a = "Lavrov criticised the United States, an al-Qaida offshoot has grabbed land.\n\nStalled talks.";
    String b = "By Jane Doe\n\nLavrov criticized the United States, an al Qaeda offshoot grabbed land.";
    TextDiff d = detector.diff(a, b);
    assertThat(d.changes()).extracting(TextDiff.Segment::kind, s -> s.before().strip(), s -> s.after().strip())
        .contains(
            org.assertj.core.groups.Tuple.tuple(TextDiff.Kind.ADDED, "", "By Jane Doe"),
            org.assertj.core.groups.Tuple.tuple(TextDiff.Kind.CHANGED, "criticised", "criticized"),
            org.assertj.core.groups.Tuple.tuple(TextDiff.Kind.CHANGED, "al-Qaida", "al Qaeda"),
            org.assertj.core.groups.Tuple.tuple(TextDiff.Kind.REMOVED, "has", ""));
    assertThat(d.render(3)).contains("[-criticised-]{+criticized+}").contains("[-al-Qaida-]{+al Qaeda+}")
        .contains("[-Stalled talks.-]");
  }

  @Test
  void segmentsRebuildBothTextsExactly() {
    String a = Texts.article(11, 6);
    String b = Texts.editEvery(a, 9).replace("\n\n", "\n\n  ");
    TextDiff d = detector.diff(a, b);
    assertThat(d.segments().stream().map(TextDiff.Segment::before).collect(Collectors.joining())).isEqualTo(a);
    assertThat(d.segments().stream().map(TextDiff.Segment::after).collect(Collectors.joining())).isEqualTo(b);
    assertThat(d.unchanged()).isLessThan(d.wordsA()).isGreaterThan(d.wordsA() / 2);
  }

  @Test
  void identicalTextsHaveNoChanges() {
    TextDiff d = detector.diff("Same text here.", "Same text here.");
    assertThat(d.changes()).isEmpty();
    assertThat(d.render(2)).isEqualTo("Same text here.");
  }
}
