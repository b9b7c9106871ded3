package io.storyline.copies;

import java.util.Arrays;

/**
 * Growable primitive arrays kept as pages of {@value #PAGE} elements (64 KB of ints, 128 KB of longs): the
 * columns of the copy index, the packed segments of its tables and its relations.
 *
 * <p><b>Why pages.</b> The G1 collector (Java's default) cuts the heap into regions of 1 to 32 MB (4 MB at an
 * 8 GB heap) and puts every array larger than half a region in whole regions of its own ("humongous"), so an
 * array of 4 MB and 16 bytes of header takes 8 MB. The index's arrays were mostly such: power-of-two columns just
 * over a region boundary, bucket-start tables of {@code 2^b + 1} ints. Measured on {@code bench copies} with
 * {@code -Xmx8g}: 292 bytes of heap per document at 1,000,000 documents against 236 counted from the array
 * capacities, most of the gap humongous padding (a class histogram at 300,000 documents showed the live arrays
 * 80 bytes per document below the heap in use). Pages stay far below the smallest region's half (512 KB), so the
 * heap holds what the arrays hold. Growth adds pages instead of copying into an array twice as large, so the
 * spare room is less than a page, and growing never needs the old and the new array at once.
 *
 * <p>The price is one more indirection per access (the page, then the element), a few percent on lookups in the
 * packed segments. Not thread-safe; indices are {@code int} (2^31 elements at most).
 */
final class Pages {
  static final int SHIFT = 14;
  static final int PAGE = 1 << SHIFT;
  static final int MASK = PAGE - 1;

  private Pages() {}

  static int pagesFor(long n) {
    return (int) ((n + MASK) >>> SHIFT);
  }

  /** {@code pages} with new pages added, if needed, to hold {@code n} elements. */
  private static <T> T[] addPages(T[] pages, long n, java.util.function.Supplier<T> page) {
    int need = pagesFor(n);
    if (need <= pages.length) {
      return pages;
    }
    T[] grown = Arrays.copyOf(pages, need);
    for (int p = pages.length; p < need; p++) {
      grown[p] = page.get();
    }
    return grown;
  }

  /** Paged {@code int}s, zero until set. */
  static final class Ints {
    int[][] pages = new int[0][];

    Ints() {}

    Ints(long n) {
      ensure(n);
    }

    int get(int i) {
      return pages[i >>> SHIFT][i & MASK];
    }

    void set(int i, int v) {
      pages[i >>> SHIFT][i & MASK] = v;
    }

    /** Adds 1 to element {@code i} and returns the new value. */
    int increment(int i) {
      return ++pages[i >>> SHIFT][i & MASK];
    }

    /** Makes room for elements {@code 0} to {@code n - 1}. */
    void ensure(long n) {
      pages = addPages(pages, n, () -> new int[PAGE]);
    }

    long capacity() {
      return (long) pages.length << SHIFT;
    }

    long bytes() {
      return capacity() * Integer.BYTES + pages.length * 24L;
    }
  }

  /** Paged {@code long}s, zero until set. */
  static final class Longs {
    long[][] pages = new long[0][];

    Longs() {}

    Longs(long n) {
      ensure(n);
    }

    long get(int i) {
      return pages[i >>> SHIFT][i & MASK];
    }

    void set(int i, long v) {
      pages[i >>> SHIFT][i & MASK] = v;
    }

    void or(int i, long v) {
      pages[i >>> SHIFT][i & MASK] |= v;
    }

    void ensure(long n) {
      pages = addPages(pages, n, () -> new long[PAGE]);
    }

    long capacity() {
      return (long) pages.length << SHIFT;
    }

    long bytes() {
      return capacity() * Long.BYTES + pages.length * 24L;
    }
  }

  /** Paged bytes, zero until set. */
  static final class Bytes {
    byte[][] pages = new byte[0][];

    byte get(int i) {
      return pages[i >>> SHIFT][i & MASK];
    }

    void set(int i, byte v) {
      pages[i >>> SHIFT][i & MASK] = v;
    }

    void ensure(long n) {
      pages = addPages(pages, n, () -> new byte[PAGE]);
    }

    /** Writes {@code b} from element {@code at} on (across pages). */
    void put(int at, byte[] b) {
      ensure((long) at + b.length);
      for (int i = 0; i < b.length; ) {
        int p = (at + i) >>> SHIFT;
        int o = (at + i) & MASK;
        int n = Math.min(b.length - i, PAGE - o);
        System.arraycopy(b, i, pages[p], o, n);
        i += n;
      }
    }

    /** Elements {@code from} to {@code to - 1}. */
    byte[] copy(int from, int to) {
      byte[] out = new byte[to - from];
      for (int i = 0; i < out.length; ) {
        int p = (from + i) >>> SHIFT;
        int o = (from + i) & MASK;
        int n = Math.min(out.length - i, PAGE - o);
        System.arraycopy(pages[p], o, out, i, n);
        i += n;
      }
      return out;
    }

    long bytes() {
      return ((long) pages.length << SHIFT) + pages.length * 24L;
    }
  }
}
