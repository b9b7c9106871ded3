package io.storyline.fingerprint;

import java.util.Arrays;

/**
 * The fingerprint of one text.
 *
 * @param normalizedHash 64-bit hash of the whole normalised token sequence: equal for exact copies (texts that
 *                       differ only in case, spacing, punctuation, quotes, accents or digit grouping)
 * @param tokenCount     number of word tokens
 * @param shingleCount   number of word shingles, {@code tokenCount - k + 1} (0 when the text is shorter than the
 *                       shingle size {@code k})
 * @param minHash        the MinHash signature (one-permutation hashing, densified); empty when
 *                       {@code shingleCount} is 0
 */
public record Fingerprint(long normalizedHash, int tokenCount, int shingleCount, int[] minHash) {

  public Fingerprint {
    if (tokenCount < 0 || shingleCount < 0 || shingleCount > tokenCount) {
      throw new IllegalArgumentException(
          "need 0 <= shingleCount <= tokenCount, got shingleCount=" + shingleCount + ", tokenCount=" + tokenCount);
    }
    minHash = minHash.clone();
    if (shingleCount > 0 && minHash.length == 0) {
      throw new IllegalArgumentException("a text with " + shingleCount + " shingles needs a MinHash signature");
    }
  }

  /** A copy of the MinHash signature. */
  @Override
  public int[] minHash() {
    return minHash.clone();
  }

  /** Whether the text had enough tokens for at least one shingle. */
  public boolean hasShingles() {
    return shingleCount > 0;
  }

  /**
   * The Jaccard resemblance of the two shingle sets as estimated from the signatures: the share of equal
   * entries. Standard error about {@code sqrt(J(1-J)/K)}: 0.09 at J = 0.5 with K = 32.
   *
   * @throws IllegalArgumentException when the signatures have different sizes (made by different settings)
   */
  public double estimatedJaccard(Fingerprint other) {
    if (other.minHash.length != minHash.length) {
      throw new IllegalArgumentException("signatures of different sizes: " + minHash.length + " and "
          + other.minHash.length + "; fingerprint both texts with the same Fingerprinter");
    }
    if (minHash.length == 0) {
      return normalizedHash == other.normalizedHash ? 1.0 : 0.0;
    }
    int same = 0;
    for (int i = 0; i < minHash.length; i++) {
      if (minHash[i] == other.minHash[i]) {
        same++;
      }
    }
    return (double) same / minHash.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fingerprint f && f.normalizedHash == normalizedHash && f.tokenCount == tokenCount
        && f.shingleCount == shingleCount && Arrays.equals(f.minHash, minHash);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(normalizedHash) * 31 + Arrays.hashCode(minHash);
  }

  @Override
  public String toString() {
    return "Fingerprint[normalizedHash=" + Long.toHexString(normalizedHash) + ", tokens=" + tokenCount
        + ", shingles=" + shingleCount + ", minHash=" + minHash.length + " values]";
  }
}
