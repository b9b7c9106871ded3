package io.storyline.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ShingleOverlapTest {

  @Test
  void identicalTextsScorePerfectlyWhateverThePunctuationAndCase() {
    ShingleOverlap s = ShingleOverlap.of("The council approved the plan on Tuesday.",
        "the COUNCIL approved -- the plan, on Tuesday");
    assertThat(s.precision()).isEqualTo(1.0);
    assertThat(s.recall()).isEqualTo(1.0);
    assertThat(s.tp()).isEqualTo(1.0);
  }

  @Test
  void countsShinglesAsAMultisetNormalisedToSumOne() {
    // expected "a b c d e": shingles abcd, bcde; predicted "a b c d a b c d": abcd twice, bcda, cdab, dabc.
    ShingleOverlap s = ShingleOverlap.of("a b c d e", "a b c d a b c d");
    // tp = 1 (abcd once), fp = 4 (the second abcd, bcda, cdab, dabc), fn = 1 (bcde); then divided by 6.
    assertThat(s.tp() + s.fp() + s.fn()).isCloseTo(1.0, within(1e-12));
    assertThat(s.tp()).isCloseTo(1.0 / 6, within(1e-12));
    assertThat(s.fp()).isCloseTo(4.0 / 6, within(1e-12));
    assertThat(s.fn()).isCloseTo(1.0 / 6, within(1e-12));
    assertThat(s.precision()).isCloseTo(0.2, within(1e-12));
    assertThat(s.recall()).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void aTextShorterThanOneShingleIsOneShingle() {
    assertThat(ShingleOverlap.of("Hello world", "hello, world!").f1()).isEqualTo(1.0);
    assertThat(ShingleOverlap.of("Hello world", "hello there").f1()).isEqualTo(0.0);
  }

  @Test
  void anEmptyPredictionHasNoPrecisionAndZeroRecall() {
    ShingleOverlap s = ShingleOverlap.of("one two three four five", "");
    assertThat(s.hasPrediction()).isFalse();
    assertThat(s.hasExpectation()).isTrue();
    assertThat(s.recall()).isEqualTo(0.0);
  }

  @Test
  void tokensAreUnicodeWordsInLowerCase() {
    assertThat(ShingleOverlap.tokens("Ελλάδα, Москва — Ünïcode_ok 42!")).containsExactly("ελλάδα", "москва",
        "ünïcode_ok", "42");
  }
}
