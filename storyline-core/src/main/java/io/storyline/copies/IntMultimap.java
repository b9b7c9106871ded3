package io.storyline.copies;

/**
 * A multimap from 32-bit keys to document numbers: the recent entries of a {@link PackedMultimap} (the LSH bands
 * and the shingle postings), before they are packed. One {@code long} per entry ({@code key << 32 | doc + 1}; 0 marks an empty slot) in one open-addressing
 * table with linear probing, so an entry costs 8 bytes divided by the load factor and a lookup reads consecutive
 * memory. Entries of one key sit in one probe run. The table grows by a quarter when 88% full, so the load
 * stays between 0.70 and 0.88 (about 10 bytes per entry on average; growing by half at 0.85 averaged 11.5,
 * doubling at 0.8 13.7): capacities are not powers of two, and a key's home slot is
 * {@code hash * capacity >>> 32} (Lemire's fast range). At that load a lookup of an absent key scans a few
 * hundred consecutive bytes, which the prefetcher streams.
 *
 * <p>A key may hold at most {@code cap} documents: beyond that it is boilerplate (a shingle of a site footer, a
 * band of a text copied hundreds of times) and further documents are not added. Lookups still return the first
 * {@code cap}, which is enough to link a new copy to its group. Not thread-safe.
 */
final class IntMultimap {
  private static final double MAX_LOAD = 0.88;
  private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;
  private long[] table;
  private int size;
  private final int cap;

  IntMultimap(int initialCapacity, int cap) {
    table = new long[Math.max(16, initialCapacity)];
    this.cap = cap;
  }

  /** Adds {@code doc} under {@code key}; false when the key already holds {@code cap} documents. */
  boolean put(int key, int doc) {
    if (size + 1 > table.length * MAX_LOAD) {
      resize();
    }
    int same = 0;
    for (int slot = slot(key); ; slot = next(slot)) {
      long e = table[slot];
      if (e == 0) {
        table[slot] = entry(key, doc);
        size++;
        return true;
      }
      if ((int) (e >>> 32) == key && ++same >= cap) {
        return false;
      }
    }
  }

  /** Copies at most {@code limit} documents under {@code key} into {@code out} from index {@code from}; returns how many. */
  int get(int key, int[] out, int from, int limit) {
    int n = 0;
    for (int slot = slot(key); n < limit; slot = next(slot)) {
      long e = table[slot];
      if (e == 0) {
        break;
      }
      if ((int) (e >>> 32) == key) {
        out[from + n++] = (int) e - 1;
      }
    }
    return n;
  }

  /** The entries as {@link PackedMultimap#entry} longs, sorted (by key, then document). */
  long[] sortedEntries() {
    long[] out = new long[size];
    int n = 0;
    for (long e : table) {
      if (e != 0) {
        out[n++] = PackedMultimap.entry((int) (e >>> 32), (int) e - 1);
      }
    }
    java.util.Arrays.sort(out);
    return out;
  }

  /** Removes every entry, keeping the table's capacity. */
  void clear() {
    java.util.Arrays.fill(table, 0L);
    size = 0;
  }

  int size() {
    return size;
  }

  long bytes() {
    return (long) table.length * Long.BYTES;
  }

  private void resize() {
    long[] old = table;
    if (old.length >= MAX_CAPACITY) {
      throw new IllegalStateException("copy index is full: " + size + " entries; split the corpus");
    }
    table = new long[(int) Math.min(MAX_CAPACITY, old.length + (old.length >> 2))];
    size = 0;
    for (long e : old) {
      if (e != 0) {
        insertRaw(e);
      }
    }
  }

  private void insertRaw(long e) {
    if (size + 1 > table.length * MAX_LOAD) {
      resize();
    }
    int slot = slot((int) (e >>> 32));
    while (table[slot] != 0) {
      slot = next(slot);
    }
    table[slot] = e;
    size++;
  }

  private int slot(int key) {
    int h = key * 0x9E3779B9; // keys are hash bits already; the multiply and shift spread any regularity
    h ^= h >>> 16;
    return (int) (((h & 0xffffffffL) * table.length) >>> 32);
  }

  private int next(int slot) {
    return slot + 1 == table.length ? 0 : slot + 1;
  }

  private static long entry(int key, int doc) {
    return ((long) key << 32) | ((doc + 1) & 0xffffffffL);
  }

  /** Receives document numbers. */
  @FunctionalInterface
  interface DocSink {
    void accept(int doc);
  }
}
