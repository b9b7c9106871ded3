package io.storyline.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FingerprinterTest {
  private final Fingerprinter fp = Fingerprinter.builder().build();

  private long[] hashes(String text) {
    Tokens t = fp.tokenize(text);
    long[] out = new long[t.size()];
    for (int i = 0; i < t.size(); i++) {
      out[i] = t.hash(i);
    }
    return out;
  }

  @Test
  void hyphensQuotesCaseAndSpacingDoNotChangeTokens() {
    assertThat(hashes("al-Qaida's \u201cTerror\u201d  network")).containsExactly(hashes("al Qaida's \"terror\" NETWORK"));
  }

  @Test
  void spellingVariantsDifferInOneTokenOnly() {
    long[] a = hashes("an al-Qaida offshoot");
    long[] b = hashes("an al Qaeda offshoot");
    assertThat(a).hasSize(4).hasSameSizeAs(b);
    int differing = 0;
    for (int i = 0; i < a.length; i++) {
      differing += a[i] != b[i] ? 1 : 0;
    }
    assertThat(differing).isEqualTo(1);
  }

  @Test
  void accentsLigaturesAndFullWidthFormsFold() {
    assertThat(hashes("Caf\u00e9 \ufb01nal \uff21\uff22\uff23")).containsExactly(hashes("cafe final abc"));
  }

  @Test
  void digitGroupsAndCurrencySignsNormalise() {
    assertThat(hashes("paid \u00a3200,000 in 2.5 years")).containsExactly(hashes("paid #200000 in 25 years"));
  }

  @Test
  void apostrophesInsideWordsAreDropped() {
    assertThat(hashes("Syria's don\u2019t")).containsExactly(hashes("Syrias dont"));
  }

  @Test
  void hanCharactersAreOneTokenEach() {
    assertThat(fp.tokenize("\u4fc4\u7f57\u65af\u652f\u6301").size()).isEqualTo(5);
  }

  @Test
  void sentencesStartAfterFinalPunctuationBeforeACapitalAndAfterBlankLines() {
    Tokens t = fp.tokenize("He left. She stayed at 5 p.m. today.\n\nNew paragraph here");
    assertThat(t.sentenceCount()).isEqualTo(3);
    assertThat(t.sentenceStart(1)).isEqualTo(2);
    assertThat(t.sentenceStart(2)).isEqualTo(t.size() - 3);
    assertThat(t.sentenceEnd(2)).isEqualTo(t.size());
  }

  @Test
  void functionWordsAreNotContentWords() {
    Tokens t = fp.tokenize("The minister said the talks failed");
    assertThat(t.isContent(0)).isFalse();
    assertThat(t.isContent(1)).isTrue();
    assertThat(t.isContent(2)).isFalse();
    assertThat(t.isContent(4)).isTrue();
  }

  @Test
  void shinglesAreSortedDistinctAndCountPositions() {
    Tokens t = fp.tokenize("a b c d a b c d e");
    long[] s = fp.shingles(t);
    assertThat(s).isSorted().doesNotHaveDuplicates().hasSize(5);
    Fingerprint f = fp.fingerprint(t, s);
    assertThat(f.shingleCount()).isEqualTo(6);
    assertThat(f).isEqualTo(fp.fingerprint(t, fp.shinglesInOrder(t)));
  }

  @Test
  void textShorterThanTheShingleSizeHasNoShinglesButAHash() {
    Fingerprint f = fp.fingerprint("only three words");
    assertThat(f.hasShingles()).isFalse();
    assertThat(f.minHash()).isEmpty();
    assertThat(f.normalizedHash()).isEqualTo(fp.fingerprint("ONLY three, words!").normalizedHash());
  }

  @Test
  void exactCopiesShareTheNormalisedHashAndEditsDoNot() {
    String text = "Russia said on Wednesday it would support President Bashar al-Assad.";
    assertThat(fp.fingerprint(text).normalizedHash())
        .isEqualTo(fp.fingerprint("RUSSIA said on  Wednesday it would support president Bashar al Assad").normalizedHash())
        .isNotEqualTo(fp.fingerprint(text.replace("Wednesday", "Tuesday")).normalizedHash());
  }

  @Test
  void fingerprintsAreValuesComparedByContent() {
    Fingerprint a = fp.fingerprint("one two three four five six");
    Fingerprint b = fp.fingerprint("one two three four five six");
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotSameAs(b);
    int[] sig = a.minHash();
    sig[0]++;
    assertThat(a.minHash()[0]).isEqualTo(sig[0] - 1);
  }

  @Test
  void differentSeedsGiveIndependentHashes() {
    Fingerprinter other = Fingerprinter.builder().seed(7).build();
    assertThat(other.wordHash("assad")).isNotEqualTo(fp.wordHash("assad"));
  }

  @Test
  void builderRejectsBadAndRepeatedOptions() {
    assertThatThrownBy(() -> Fingerprinter.builder().shingleSize(0)).hasMessageContaining("shingle size")
        .hasMessageContaining("0");
    assertThatThrownBy(() -> Fingerprinter.builder().seed(1).seed(2)).hasMessageContaining("seed was already set");
    assertThatThrownBy(() -> fp.fingerprint("a b c d e").estimatedJaccard(
        Fingerprinter.builder().minHashSize(8).build().fingerprint("a b c d e")))
        .hasMessageContaining("different sizes");
  }

  @Test
  void simHashOfNearCopiesIsCloserThanOfUnrelatedTexts() {
    String a = "The last round of talks between Damascus and the opposition collapsed in February over rifts "
        + "over the role of the president in any transition out of the conflict, officials said on Monday.";
    String b = a.replace("Monday", "Tuesday");
    String c = "Kerry and Lavrov led a meeting of top diplomats from the veto powers in Vienna aimed at "
        + "strengthening the fragile truce and reviving peace talks, according to several delegates.";
    long ha = fp.simHash(fp.shingles(fp.tokenize(a)));
    long hb = fp.simHash(fp.shingles(fp.tokenize(b)));
    long hc = fp.simHash(fp.shingles(fp.tokenize(c)));
    assertThat(Fingerprinter.simHashDistance(ha, hb)).isLessThan(Fingerprinter.simHashDistance(ha, hc));
  }
}
