package io.storyline.copies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CopyIndexTest {
  private final CopyDetector detector = CopyDetector.builder().build();
  private final String wire = Texts.article(1, 14);

  private static CopyDocument doc(String id, String text) {
    return new CopyDocument(id, text, null, null, null);
  }

  @Test
  void findsExactCopyDespiteCaseSpacingAndPunctuation() {
    CopyIndex index = detector.newIndex();
    index.add(doc("wire", wire));
    CopyMatch m = index.add(doc("copy", wire.toUpperCase().replace(",", "").replace(" ", "  ")));
    assertThat(m.relation()).isEqualTo(Relation.EXACT);
    assertThat(m.sources()).extracting(Source::id).containsExactly("wire");
    assertThat(m.sources().get(0).containment()).isEqualTo(1.0);
  }

  @Test
  void findsEditedCopyAsNearDuplicate() {
    CopyIndex index = detector.newIndex();
    index.add(doc("wire", wire));
    CopyMatch m = index.add(doc("edited", Texts.editEvery(wire, 20)));
    assertThat(m.relation()).isEqualTo(Relation.NEAR);
    assertThat(m.sources().get(0).resemblance()).isBetween(0.5, 0.9);
    assertThat(index.result("edited").group()).isEqualTo(index.result("wire").group());
  }

  @Test
  void findsShortArticleThatReusesAFewParagraphsOfALongText() {
    CopyIndex index = detector.newIndex();
    index.add(doc("wire", wire));
    for (int i = 0; i < 50; i++) {
      index.add(doc("other" + i, Texts.article(100 + i, 8)));
    }
    List<String> paras = Texts.paragraphs(wire);
    String own = Texts.article(99, 4);
    String reuse = own.substring(0, own.indexOf("\n\n")) + "\n\n" + String.join("\n\n", paras.subList(5, 8)) + "\n\n"
        + own.substring(own.indexOf("\n\n") + 2);
    CopyMatch m = index.add(doc("short", reuse));
    assertThat(m.relation()).isEqualTo(Relation.PARTIAL);
    assertThat(m.sources()).extracting(Source::id).containsExactly("wire");
    Source s = m.sources().get(0);
    assertThat(s.resemblance()).as("resemblance is low: the wire text is much longer").isLessThan(0.3);
    assertThat(s.containment()).as("share of the short text found in the wire").isBetween(0.25, 0.75);
    CopyResult r = index.result("short");
    assertThat(r.relation()).isEqualTo(Relation.PARTIAL);
    assertThat(r.group()).isNotEqualTo(index.result("wire").group());
    assertThat(r.sources()).extracting(Source::id).containsExactly("wire");
  }

  @Test
  void unrelatedTextsStayUnique() {
    CopyIndex index = detector.newIndex();
    index.add(doc("a", wire));
    CopyMatch m = index.add(doc("b", Texts.article(2, 10)));
    assertThat(m.relation()).isEqualTo(Relation.UNIQUE);
    assertThat(index.results()).extracting(CopyResult::relation).containsOnly(Relation.UNIQUE);
  }

  @Test
  void textsBelowTheShingleSizeAreUniqueWithAReason() {
    CopyIndex index = detector.newIndex();
    CopyMatch m = index.add(doc("short", "Three words only"));
    index.add(doc("empty", ""));
    assertThat(m.relation()).isEqualTo(Relation.UNIQUE);
    assertThat(m.reason()).isEqualTo("text has 3 words; at least 4 are needed to compare it");
    assertThat(index.result("empty").reason()).isEqualTo("text has 0 words; at least 4 are needed to compare it");
    assertThat(index.result("short").relation()).isEqualTo(Relation.UNIQUE);
  }

  @Test
  void queryDoesNotAddTheDocument() {
    CopyIndex index = detector.newIndex();
    index.add(doc("wire", wire));
    assertThat(index.query(doc("probe", wire)).relation()).isEqualTo(Relation.EXACT);
    assertThat(index.size()).isEqualTo(1);
    assertThat(index.result("probe")).isNull();
  }

  @Test
  void rejectsADuplicateIdNamingIt() {
    CopyIndex index = detector.newIndex();
    index.add(doc("wire", wire));
    assertThatThrownBy(() -> index.add(doc("wire", "other text of some length here")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wire");
  }

  @Test
  void saveAndLoadRoundTripKeepsEverythingAndAcceptsNewDocuments() throws IOException {
    CopyIndex index = detector.newIndex();
    index.add(new CopyDocument("wire", wire, null, "Reuters", null));
    index.add(doc("edited", Texts.editEvery(wire, 25)));
    index.add(doc("other", Texts.article(3, 6)));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    index.save(bytes);
    CopyIndex loaded = detector.load(new ByteArrayInputStream(bytes.toByteArray()));
    assertThat(loaded.results()).containsExactlyElementsOf(index.results().toList());
    assertThat(loaded.text("other")).isEqualTo(index.text("other"));
    CopyMatch m = loaded.add(doc("late", Texts.editEvery(wire, 30)));
    assertThat(m.relation()).isEqualTo(Relation.NEAR);
    assertThat(loaded.result("late").origin()).isEqualTo("wire");
    ByteArrayOutputStream again = new ByteArrayOutputStream();
    loaded.save(again);
    assertThat(detector.load(new ByteArrayInputStream(again.toByteArray())).results())
        .containsExactlyElementsOf(loaded.results().toList());
  }

  @Test
  void loadRefusesOtherSettingsTruncationAndForeignData() throws IOException {
    CopyIndex index = detector.newIndex();
    index.add(doc("wire", wire));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    index.save(bytes);
    byte[] b = bytes.toByteArray();
    CopyDetector other = CopyDetector.builder().shingleSize(5).build();
    assertThatThrownBy(() -> other.load(new ByteArrayInputStream(b))).isInstanceOf(IOException.class)
        .hasMessageContaining("shingle size 4").hasMessageContaining("uses 5");
    assertThatThrownBy(() -> detector.load(new ByteArrayInputStream(java.util.Arrays.copyOf(b, b.length / 2))))
        .isInstanceOf(IOException.class).hasMessageContaining("truncated");
    assertThatThrownBy(() -> detector.load(new ByteArrayInputStream("hello world".getBytes())))
        .isInstanceOf(IOException.class).hasMessageContaining("not a Storyline copy index");
    byte[] older = b.clone();
    older[11] = 3; // the version after the 8-byte magic: version 3 kept 64-bit text hashes
    assertThatThrownBy(() -> detector.load(new ByteArrayInputStream(older))).isInstanceOf(IOException.class)
        .hasMessageContaining("version 3 is not supported").hasMessageContaining("--save-index");
  }

  @Test
  void saveAndLoadKeepTheTablesOnceTheyArePacked() throws IOException {
    CopyIndex index = new CopyIndex(detector, new DocTable(4), new LshIndex(8, 4, detector.fingerprinter().seed(), 16, 40),
        new PostingIndex(detector.sampling, 16, 40), new DfTable(), new EdgeList(), TextStore.inMemory());
    index.add(doc("wire", wire));
    for (int i = 0; i < 12; i++) {
      index.add(doc("other" + i, Texts.article(100 + i, 10)));
    }
    CopyMatch before = index.add(doc("copy", Texts.editEvery(wire, 30)));
    assertThat(before.sources()).extracting(Source::id).contains("wire");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    index.save(bytes);
    CopyIndex loaded = detector.load(new ByteArrayInputStream(bytes.toByteArray()));
    assertThat(loaded.results()).containsExactlyElementsOf(index.results().toList());
    assertThat(loaded.query(doc("again", Texts.editEvery(wire, 25))).sources()).extracting(Source::id)
        .contains("wire", "copy");
  }

  @Test
  void keepsTextsInAFileWhenAskedAndDeletesItOnClose(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("texts.bin");
    try (CopyIndex index = detector.newIndex(file)) {
      index.add(doc("wire", wire));
      assertThat(index.add(doc("copy", wire)).relation()).isEqualTo(Relation.EXACT);
      assertThat(index.text("wire")).isEqualTo(wire);
      assertThat(Files.size(file)).isGreaterThan(wire.length() / 2);
    }
    assertThat(file).doesNotExist();
  }

  @Test
  void statsCountDocumentsAndRelations() {
    CopyIndex index = detector.newIndex();
    index.add(doc("wire", wire));
    index.add(doc("copy", wire));
    CopyIndex.Stats s = index.stats();
    assertThat(s.documents()).isEqualTo(2);
    assertThat(s.relations()).isEqualTo(1);
    assertThat(s.indexBytes()).isPositive();
  }
}
