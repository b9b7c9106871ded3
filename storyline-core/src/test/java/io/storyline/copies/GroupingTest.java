package io.storyline.copies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Groups, origins, relations and agencies of {@link CopyIndex#results()}. */
class GroupingTest {
  private final CopyDetector detector = CopyDetector.builder().build();
  private final String wire = Texts.article(5, 12);
  private static final Instant MORNING = Instant.parse("2014-11-26T08:00:00Z");
  private static final Instant NOON = Instant.parse("2014-11-26T12:00:00Z");

  @Test
  void theWireServicesOwnCopyIsTheOriginEvenWhenPublishedLater() {
    CopyIndex index = detector.newIndex();
    index.add(new CopyDocument("paper", Texts.editEvery(wire, 30), MORNING, "The Daily", null));
    index.add(new CopyDocument("wire", wire, NOON, "Reuters", null));
    CopyResult paper = index.result("paper");
    CopyResult w = index.result("wire");
    assertThat(w.relation()).isEqualTo(Relation.ORIGINAL);
    assertThat(paper.relation()).isEqualTo(Relation.NEAR);
    assertThat(paper.origin()).isEqualTo("wire");
    assertThat(paper.group()).isEqualTo(w.group()).isZero();
    assertThat(paper.sources()).extracting(Source::id).containsExactly("wire");
  }

  @Test
  void aCopyCreditingAnAgencyBeatsAnEarlierOneWithoutCredit() {
    CopyIndex index = detector.newIndex();
    index.add(new CopyDocument("early", Texts.editEvery(wire, 30), MORNING, "Site A", null));
    index.add(new CopyDocument("credited", Texts.editEvery(wire, 40), NOON, "Site B", "AP"));
    assertThat(index.result("early").origin()).isEqualTo("credited");
    assertThat(index.result("early").agency()).as("inherited from the group").isEqualTo("AP");
  }

  @Test
  void withoutAgenciesTheEarliestPublishedIsTheOriginThenTheMostComplete() {
    CopyIndex index = detector.newIndex();
    String cut = String.join("\n\n", Texts.paragraphs(wire).subList(0, 9));
    index.add(new CopyDocument("long-late", wire, NOON, null, null));
    index.add(new CopyDocument("cut-early", cut, MORNING, null, null));
    assertThat(index.result("long-late").origin()).isEqualTo("cut-early");
    CopyIndex undated = detector.newIndex();
    undated.add(new CopyDocument("cut", cut, null, null, null));
    undated.add(new CopyDocument("full", wire, null, null, null));
    assertThat(undated.result("cut").origin()).isEqualTo("full");
    assertThat(undated.result("cut").relation()).isEqualTo(Relation.NEAR);
    assertThat(undated.result("full").relation()).isEqualTo(Relation.ORIGINAL);
  }

  @Test
  void identicalMembersAreExactAndOthersNear() {
    CopyIndex index = detector.newIndex();
    index.add(new CopyDocument("wire", wire, MORNING, "PA", null));
    index.add(new CopyDocument("same", wire.replace(".", " ."), NOON, null, null));
    index.add(new CopyDocument("edited", Texts.editEvery(wire, 20), NOON, null, null));
    assertThat(index.result("same").relation()).isEqualTo(Relation.EXACT);
    assertThat(index.result("edited").relation()).isEqualTo(Relation.NEAR);
    assertThat(index.result("edited").agency()).isEqualTo("PA");
  }

  @Test
  void groupsAreConnectedComponentsOfCopyRelations() {
    CopyIndex index = detector.newIndex();
    String first = String.join("\n\n", Texts.paragraphs(wire).subList(0, 8));
    String middle = String.join("\n\n", Texts.paragraphs(wire).subList(0, 12));
    String extended = middle + "\n\n" + Texts.article(77, 4);
    index.add(new CopyDocument("first", first, null, null, null));
    index.add(new CopyDocument("middle", middle, null, null, null));
    index.add(new CopyDocument("extended", extended, null, null, null));
    index.add(new CopyDocument("unrelated", Texts.article(78, 6), null, null, null));
    assertThat(index.result("first").group()).isEqualTo(index.result("middle").group())
        .isEqualTo(index.result("extended").group());
    assertThat(index.result("unrelated").group()).isNotEqualTo(index.result("first").group());
    assertThat(index.result("unrelated").relation()).isEqualTo(Relation.UNIQUE);
  }

  @Test
  void aPartialCopyStaysOutsideTheGroupAndKeepsItsOwnAgency() {
    CopyIndex index = detector.newIndex();
    index.add(new CopyDocument("wire", wire, MORNING, "Reuters", null));
    index.add(new CopyDocument("copy", Texts.editEvery(wire, 30), NOON, null, null));
    String own = Texts.article(79, 8);
    String mixed = own + "\n\n" + String.join("\n\n", Texts.paragraphs(wire).subList(2, 6));
    index.add(new CopyDocument("mixed", mixed, NOON, "Blog", null));
    CopyResult r = index.result("mixed");
    assertThat(r.relation()).isEqualTo(Relation.PARTIAL);
    assertThat(r.agency()).isNull();
    assertThat(r.origin()).isEqualTo("mixed");
    assertThat(r.sources()).extracting(Source::id).contains("wire");
  }

  @Test
  void aLookupOfOneDocumentReadsItsGroupAsTheWholeIndexSnapshotDoes() throws Exception {
    CopyIndex index = detector.newIndex();
    java.util.Random rnd = new java.util.Random(7); // fixed: a reproducible mix of copies, partials and merges
    String[] agencies = {null, null, "Reuters", "AP"};
    java.util.List<String> texts = new java.util.ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String text;
      int kind = rnd.nextInt(4);
      if (texts.isEmpty() || kind == 0) {
        text = Texts.article(100 + i, 6 + rnd.nextInt(6));
      } else {
        String base = texts.get(rnd.nextInt(texts.size()));
        java.util.List<String> ps = Texts.paragraphs(base);
        text = switch (kind) {
          case 1 -> Texts.editEvery(base, 20 + rnd.nextInt(30));
          case 2 -> String.join("\n\n", ps.subList(0, Math.max(3, ps.size() * 2 / 3)));
          default -> Texts.article(500 + i, 6) + "\n\n" + String.join("\n\n", ps.subList(1, Math.min(ps.size(), 4)));
        };
      }
      texts.add(text);
      Instant t = rnd.nextInt(5) == 0 ? null : MORNING.plusSeconds(rnd.nextInt(86_400));
      index.add(new CopyDocument("d" + i, text, t, null, agencies[rnd.nextInt(agencies.length)]));
    }
    java.util.List<CopyResult> all = index.results().toList();
    assertThat(all).hasSize(60);
    assertThat(all).extracting(CopyResult::relation).contains(Relation.NEAR, Relation.PARTIAL, Relation.ORIGINAL);
    for (CopyResult r : all) {
      assertThat(index.result(r.id())).as(r.id()).isEqualTo(r);
    }
    java.io.ByteArrayOutputStream saved = new java.io.ByteArrayOutputStream();
    index.save(saved);
    CopyIndex loaded = detector.load(new java.io.ByteArrayInputStream(saved.toByteArray()));
    for (CopyResult r : all) {
      assertThat(loaded.result(r.id())).as("after load: " + r.id()).isEqualTo(r);
    }
  }
}
