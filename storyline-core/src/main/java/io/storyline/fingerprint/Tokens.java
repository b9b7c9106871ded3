package io.storyline.fingerprint;

/**
 * A text as a sequence of normalised word tokens, each a 64-bit hash, with sentence boundaries and a flag for
 * content words (tokens that are not function words). Produced by {@link Fingerprinter#tokenize}; immutable:
 * the arrays are owned by this object and never handed out.
 */
public final class Tokens {
  private final long[] hashes;
  private final Tokenizer tokenizer;
  private volatile long[] content;
  private final int size;
  private final int[] sentenceStarts;
  private final int sentences;

  Tokens(long[] hashes, Tokenizer tokenizer, int size, int[] sentenceStarts, int sentences) {
    this.hashes = hashes;
    this.tokenizer = tokenizer;
    this.size = size;
    this.sentenceStarts = sentenceStarts;
    this.sentences = sentences;
  }

  /** Number of tokens. */
  public int size() {
    return size;
  }

  /** The hash of token {@code i} (0-based). */
  public long hash(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("token index " + i + " of " + size);
    }
    return hashes[i];
  }

  /** Whether token {@code i} is a content word (not a function word such as "the", "said", "der"). */
  public boolean isContent(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("token index " + i + " of " + size);
    }
    long[] bits = content;
    return ((bits != null ? bits : contentBits())[i >>> 6] & (1L << i)) != 0;
  }

  /** Content-word flags, computed on first use (only verification needs them). */
  private synchronized long[] contentBits() {
    if (content == null) {
      long[] bits = new long[(size + 63) >>> 6];
      for (int t = 0; t < size; t++) {
        if (!tokenizer.isStopword(hashes[t])) {
          bits[t >>> 6] |= 1L << t;
        }
      }
      content = bits;
    }
    return content;
  }

  /** Number of sentences (0 for an empty text). */
  public int sentenceCount() {
    return sentences;
  }

  /** Index of the first token of sentence {@code s}. */
  public int sentenceStart(int s) {
    if (s < 0 || s >= sentences) {
      throw new IndexOutOfBoundsException("sentence index " + s + " of " + sentences);
    }
    return sentenceStarts[s];
  }

  /** Index one past the last token of sentence {@code s}. */
  public int sentenceEnd(int s) {
    return s + 1 < sentences ? sentenceStart(s + 1) : size;
  }

  /** Bytes {@link #writeTo} writes for {@code count} tokens: 8 per token and a bit per token for sentence starts. */
  public static int storedBytes(int count) {
    return count * 8 + ((count + 63) >>> 6) * 8;
  }

  /**
   * Writes the token hashes and the sentence starts (one bit per token) to {@code out}, {@link #storedBytes}
   * bytes; {@link Fingerprinter#readTokens} reads them back. For stores that keep tokens so that a text need
   * not be tokenised again.
   */
  public void writeTo(java.nio.ByteBuffer out) {
    for (int i = 0; i < size; i++) {
      out.putLong(hashes[i]);
    }
    long[] starts = new long[(size + 63) >>> 6];
    for (int s = 0; s < sentences; s++) {
      starts[sentenceStarts[s] >>> 6] |= 1L << sentenceStarts[s];
    }
    for (long w : starts) {
      out.putLong(w);
    }
  }

  /** Reads what {@link #writeTo} wrote for {@code count} tokens. */
  static Tokens read(java.nio.ByteBuffer in, int count, Tokenizer tokenizer) {
    long[] hashes = new long[count];
    for (int i = 0; i < count; i++) {
      hashes[i] = in.getLong();
    }
    int[] starts = new int[Math.max(1, count / 8)];
    int n = 0;
    for (int w = 0; w < (count + 63) >>> 6; w++) {
      long bits = in.getLong();
      while (bits != 0) {
        if (n == starts.length) {
          starts = java.util.Arrays.copyOf(starts, n * 2);
        }
        starts[n++] = (w << 6) + Long.numberOfTrailingZeros(bits);
        bits &= bits - 1;
      }
    }
    return new Tokens(hashes, tokenizer, count, starts, n);
  }

  // Unchecked accessors for the hot loops of this package.
  long hashUnchecked(int i) {
    return hashes[i];
  }

  @Override
  public String toString() {
    return "Tokens[" + size + " tokens, " + sentences + " sentences]";
  }
}
