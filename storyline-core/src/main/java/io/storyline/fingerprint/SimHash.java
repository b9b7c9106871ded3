package io.storyline.fingerprint;

/**
 * SimHash (Charikar 2002): a 64-bit fingerprint whose Hamming distance estimates the angle between two feature
 * vectors. Each distinct shingle votes +1 or -1 on every bit by the bits of its hash; the fingerprint keeps the
 * sign of each sum. Manku, Jain and Das Sarma (WWW 2007) found near-duplicate web pages at Hamming distance
 * {@code <= 3} of 64. Here it serves only as the alternative in {@code storyline bench copies}: on news copies
 * it separates near-duplicates from same-story rewrites less well than MinHash (numbers in the README).
 */
final class SimHash {
  private SimHash() {}

  static long of(long[] shingles, int count, long seed) {
    int[] votes = new int[64];
    for (int i = 0; i < count; i++) {
      long h = Hashing.mix(shingles[i] ^ seed);
      for (int b = 0; b < 64; b++) {
        votes[b] += (int) ((h >>> b) & 1L) * 2 - 1;
      }
    }
    long f = 0;
    for (int b = 0; b < 64; b++) {
      if (votes[b] > 0) {
        f |= 1L << b;
      }
    }
    return f;
  }
}
