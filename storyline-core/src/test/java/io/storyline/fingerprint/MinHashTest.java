package io.storyline.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Randomised: each test logs its seed; rerun one with -Dtests.seed=N. */
class MinHashTest {
  private static final long SEED = Long.getLong("tests.seed", System.nanoTime());

  /** Two sets of {@code size} random shingles sharing enough to give resemblance {@code j}. */
  private static long[][] pair(Random rnd, int size, double j) {
    int common = (int) Math.round(2 * j * size / (1 + j));
    long[] a = new long[size];
    long[] b = new long[size];
    for (int i = 0; i < size; i++) {
      a[i] = rnd.nextLong();
      b[i] = i < common ? a[i] : rnd.nextLong();
    }
    return new long[][] {a, b};
  }

  private static double exact(long[] a, long[] b, int common) {
    return (double) common / (a.length + b.length - common);
  }

  @Test
  void estimateIsUnbiasedAndWithinItsStandardError() {
    System.out.println("MinHashTest seed " + SEED);
    Random rnd = new Random(SEED);
    double sumError = 0;
    double sumAbs = 0;
    int n = 200;
    for (int t = 0; t < n; t++) {
      double j = 0.2 + 0.7 * rnd.nextDouble();
      int size = 50 + rnd.nextInt(800);
      long[][] p = pair(rnd, size, j);
      int common = (int) Math.round(2 * j * size / (1 + j));
      double truth = exact(p[0], p[1], common);
      int[] sa = MinHash.signature(p[0], size, 128, 42);
      int[] sb = MinHash.signature(p[1], size, 128, 42);
      int same = 0;
      for (int i = 0; i < 128; i++) {
        same += sa[i] == sb[i] ? 1 : 0;
      }
      double est = same / 128.0;
      assertThat(Math.abs(est - truth)).as("seed %d, J %.2f, size %d", SEED, truth, size)
          .isLessThan(5 * Math.sqrt(truth * (1 - truth) / 128) + 0.01);
      sumError += est - truth;
      sumAbs += Math.abs(est - truth);
    }
    assertThat(Math.abs(sumError / n)).as("bias, seed %d", SEED).isLessThan(0.02);
    assertThat(sumAbs / n).as("mean absolute error, seed %d", SEED).isLessThan(0.05);
  }

  @Test
  void densificationKeepsTinySetsComparable() {
    System.out.println("MinHashTest seed " + SEED);
    Random rnd = new Random(SEED);
    long[] a = {rnd.nextLong(), rnd.nextLong(), rnd.nextLong()};
    int[] sa = MinHash.signature(a, 3, 64, 42);
    int[] again = MinHash.signature(new long[] {a[2], a[0], a[1], a[0]}, 4, 64, 42);
    assertThat(again).containsExactly(sa);
    long[] b = {a[0], a[1], rnd.nextLong()};
    int[] sb = MinHash.signature(b, 3, 64, 42);
    int same = 0;
    for (int i = 0; i < 64; i++) {
      same += sa[i] == sb[i] ? 1 : 0;
    }
    assertThat(same / 64.0).as("J = 0.5 of 3-shingle sets, seed %d", SEED).isBetween(0.15, 0.85);
  }
}
