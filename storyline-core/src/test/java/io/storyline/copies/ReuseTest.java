package io.storyline.copies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.storyline.eval.CopiesSyntheticCorpus;
import io.storyline.fingerprint.Fingerprinter;
import io.storyline.fingerprint.Tokens;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verification streams each source against the checked text's tables; these tests hold its numbers to the set
 * definitions written plainly (hash sets of shingles and runs), and the on-disk index to the in-memory one.
 */
class ReuseTest {
  private final Fingerprinter fp = CopyDetector.builder().build().fingerprinter();

  @Test
  void containmentResemblanceAndReusedSharesEqualTheirSetDefinitions() {
    long seed = new Random().nextLong();
    System.out.println("ReuseTest seed " + seed);
    CopiesSyntheticCorpus gen = new CopiesSyntheticCorpus(seed);
    List<CopiesSyntheticCorpus.Doc> docs = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      docs.add(gen.next());
    }
    int checked = 0;
    for (CopiesSyntheticCorpus.Doc d : docs) {
      if (d.source() < 0) {
        continue;
      }
      Analysis a = Analysis.of(fp, d.text());
      String sourceText = docs.get(d.source()).text();
      String unrelated = docs.get((d.number() * 7 + 3) % d.number()).text();
      SourceText[] sources = {SourceText.of(fp, sourceText), SourceText.of(fp, unrelated)};
      Reuse.Outcome o = Reuse.verify(a, sources, 2, new DfTable(), CopyDetector.builder().build().derivation);
      for (Reuse.Pair p : o.sources) {
        String s = p.index == 0 ? sourceText : unrelated;
        Set<Long> sd = grams(d.text(), fp.shingleSize());
        Set<Long> ss = grams(s, fp.shingleSize());
        Set<Long> common = new HashSet<>(sd);
        common.retainAll(ss);
        assertThat(p.containment).isCloseTo((double) common.size() / sd.size(), within(1e-12));
        assertThat(p.reverseContainment).isCloseTo((double) common.size() / ss.size(), within(1e-12));
        assertThat(p.resemblance).isCloseTo((double) common.size() / (sd.size() + ss.size() - common.size()),
            within(1e-12));
        assertThat(p.reused).isCloseTo(covered(d.text(), s), within(1e-12));
        assertThat(p.reverseReused).isCloseTo(covered(s, d.text()), within(1e-12));
        checked++;
      }
    }
    assertThat(checked).as("copies verified").isGreaterThan(100);
  }

  @Test
  void indexKeepingTextsOnDiskAnswersAsTheOneInMemory(@TempDir Path dir) throws Exception {
    CopyDetector detector = CopyDetector.builder().cacheBytes(0).build(); // every source read back
    CopiesSyntheticCorpus gen = new CopiesSyntheticCorpus(11);
    try (CopyIndex memory = detector.newIndex(); CopyIndex disk = detector.newIndex(dir.resolve("texts.bin"))) {
      for (int i = 0; i < 600; i++) {
        CopiesSyntheticCorpus.Doc d = gen.next();
        CopyDocument doc = new CopyDocument("d" + i, d.text(), null, null, null);
        assertThat(disk.add(doc)).isEqualTo(memory.add(doc));
      }
      assertThat(disk.results().toList()).isEqualTo(memory.results().toList());
      assertThat(disk.text("d7")).isEqualTo(memory.text("d7"));
    }
  }

  @Test
  void tokensWrittenAndReadBackAreTheSame() {
    Tokens t = fp.tokenize(Texts.article(5, 6) + "\n\nCafé «Zürich»: 200,000 people. Done!");
    java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(Tokens.storedBytes(t.size()));
    t.writeTo(buf);
    Tokens back = fp.readTokens(buf.flip(), t.size());
    assertThat(back.size()).isEqualTo(t.size());
    assertThat(back.sentenceCount()).isEqualTo(t.sentenceCount());
    for (int i = 0; i < t.size(); i++) {
      assertThat(back.hash(i)).isEqualTo(t.hash(i));
      assertThat(back.isContent(i)).isEqualTo(t.isContent(i));
    }
    for (int s = 0; s < t.sentenceCount(); s++) {
      assertThat(back.sentenceStart(s)).isEqualTo(t.sentenceStart(s));
    }
  }

  private Set<Long> grams(String text, int k) {
    Tokens t = fp.tokenize(text);
    Set<Long> out = new HashSet<>();
    for (int i = 0; i + k <= t.size(); i++) {
      out.add(fp.shingleAt(t, i, k));
    }
    return out;
  }

  /** Share of the words of {@code text} inside a 3-word run that occurs in {@code source}, word by word. */
  private double covered(String text, String source) {
    Tokens t = fp.tokenize(text);
    Set<Long> runs = grams(source, Analysis.RUN);
    boolean[] in = new boolean[t.size()];
    for (int i = 0; i + Analysis.RUN <= t.size(); i++) {
      if (runs.contains(fp.shingleAt(t, i, Analysis.RUN))) {
        for (int j = i; j < i + Analysis.RUN; j++) {
          in[j] = true;
        }
      }
    }
    int n = 0;
    for (boolean b : in) {
      n += b ? 1 : 0;
    }
    return t.size() < Analysis.RUN ? 0 : (double) n / t.size();
  }
}
