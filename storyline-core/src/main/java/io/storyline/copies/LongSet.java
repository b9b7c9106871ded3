package io.storyline.copies;

/**
 * A set of 64-bit hashes in one open-addressing array (linear probing, load at most 1/2): membership in one or
 * two reads of consecutive memory, where a binary search over a sorted array needs nine scattered ones. Each
 * value can carry an {@code int} (used for "first posting of this word"). Built once, then read only.
 */
final class LongSet {
  private static final long EMPTY = 0;
  /** Stands for the value 0, which marks empty slots. */
  private static final long ZERO = 0x9E3779B97F4A7C15L;
  private final long[] keys;
  private final int[] values;
  private final int mask;
  private int size;

  LongSet(int expected, boolean withValues) {
    int cap = Integer.highestOneBit(Math.max(8, expected) * 2 - 1) * 2;
    keys = new long[cap];
    values = withValues ? new int[cap] : null;
    mask = cap - 1;
  }

  /** Adds {@code v}; returns false when it was already there. */
  boolean add(long v) {
    return put(v, 0) < 0;
  }

  /** Adds {@code v} with {@code value} unless present; returns -1 when added, else the slot of {@code v}. */
  int put(long v, int value) {
    long k = v == EMPTY ? ZERO : v;
    for (int slot = slot(k); ; slot = (slot + 1) & mask) {
      long e = keys[slot];
      if (e == EMPTY) {
        keys[slot] = k;
        if (values != null) {
          values[slot] = value;
        }
        size++;
        return -1;
      }
      if (e == k) {
        return slot;
      }
    }
  }

  boolean contains(long v) {
    long k = v == EMPTY ? ZERO : v;
    for (int slot = slot(k); ; slot = (slot + 1) & mask) {
      long e = keys[slot];
      if (e == k) {
        return true;
      }
      if (e == EMPTY) {
        return false;
      }
    }
  }

  /** The value stored with {@code v}, or -1 when absent. */
  int get(long v) {
    long k = v == EMPTY ? ZERO : v;
    for (int slot = slot(k); ; slot = (slot + 1) & mask) {
      long e = keys[slot];
      if (e == k) {
        return values[slot];
      }
      if (e == EMPTY) {
        return -1;
      }
    }
  }

  /** The value in {@code slot} (as returned by {@link #put}). */
  int valueAt(int slot) {
    return values[slot];
  }

  int size() {
    return size;
  }

  /** How many values of this set are in {@code other}. */
  int intersection(LongSet other) {
    LongSet small = size <= other.size ? this : other;
    LongSet large = small == this ? other : this;
    int n = 0;
    for (long k : small.keys) {
      if (k != EMPTY && large.containsKey(k)) {
        n++;
      }
    }
    return n;
  }

  private boolean containsKey(long k) {
    for (int slot = slot(k); ; slot = (slot + 1) & mask) {
      long e = keys[slot];
      if (e == k) {
        return true;
      }
      if (e == EMPTY) {
        return false;
      }
    }
  }

  long bytes() {
    return keys.length * 8L + (values == null ? 0 : values.length * 4L);
  }

  private int slot(long k) {
    return (int) (k ^ (k >>> 32)) & mask; // values are hashes already
  }
}
