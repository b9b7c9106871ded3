package io.storyline.copies;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyline.fingerprint.Fingerprinter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** LSH candidate recall follows the S-curve {@code 1 - (1 - J^4)^8}. Randomised; the seed is logged. */
class LshIndexTest {
  private static final long SEED = Long.getLong("tests.seed", System.nanoTime());
  private final Fingerprinter fp = Fingerprinter.builder().build();

  private double candidateRate(Random rnd, double j, int pairs) {
    LshIndex lsh = new LshIndex(8, 4, fp.seed(), 1024);
    int found = 0;
    for (int p = 0; p < pairs; p++) {
      int size = 200;
      int common = (int) Math.round(2 * j * size / (1 + j));
      long[] a = new long[size];
      long[] b = new long[size];
      for (int i = 0; i < size; i++) {
        a[i] = rnd.nextLong();
        b[i] = i < common ? a[i] : rnd.nextLong();
      }
      lsh.add(p, lsh.keys(signature(a)));
      boolean[] hit = {false};
      int doc = p;
      lsh.candidates(lsh.keys(signature(b)), d -> hit[0] |= d == doc);
      found += hit[0] ? 1 : 0;
    }
    return (double) found / pairs;
  }

  private int[] signature(long[] shingles) {
    io.storyline.fingerprint.Tokens none = fp.tokenize("x");
    return fp.fingerprint(none, shingles).minHash();
  }

  @Test
  void nearDuplicatesBecomeCandidatesAndDissimilarTextsRarely() {
    System.out.println("LshIndexTest seed " + SEED);
    Random rnd = new Random(SEED);
    assertThat(candidateRate(rnd, 0.9, 300)).as("J=0.9 (S-curve 0.9998), seed %d", SEED).isGreaterThan(0.98);
    assertThat(candidateRate(rnd, 0.8, 300)).as("J=0.8 (S-curve 0.985), seed %d", SEED).isGreaterThan(0.94);
    assertThat(candidateRate(rnd, 0.5, 300)).as("J=0.5 (S-curve 0.40), seed %d", SEED).isBetween(0.25, 0.57);
    assertThat(candidateRate(rnd, 0.2, 300)).as("J=0.2 (S-curve 0.013), seed %d", SEED).isLessThan(0.06);
  }
}
