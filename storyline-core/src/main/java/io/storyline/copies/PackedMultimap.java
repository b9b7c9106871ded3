package io.storyline.copies;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * The multimap of the LSH bands and the shingle postings (32-bit keys to document numbers) at 4.2 to 4.5 bytes an
 * entry instead of 10: recent entries in a small {@link IntMultimap} (8 bytes per entry, cheap to add to), older
 * ones in immutable packed {@link Segment}s.
 *
 * <p><b>Method</b> (a log-structured merge, O'Neil et al. 1996, with quotienting as in quotient filters, Bender et
 * al. 2012). When the recent table holds {@code flushAt} entries they are sorted by key and merged into a small
 * segment; when the small segment reaches a quarter of the big one, it is merged into the big one. So a lookup
 * reads three places (recent table, small and big segment: about five cache misses, against one in a plain hash
 * table); with a segment per flush, or a binary counter of segments (log2 of entries / flushAt of them), an
 * absent key cost 1.25 us at 1,000,000 documents instead of 0.24. Merging costs about 10 rewrites of each entry
 * at 1,000,000 documents, a few seconds in all, in pauses of up to half a second for the largest. A segment of
 * {@code n} entries cuts the key space into {@code 2^b} buckets of about 16 entries by the top {@code b} key bits
 * (the quotient): an int per bucket says where its entries start, and an entry keeps only the other
 * {@code 32 - b} key bits (the remainder) and its document number minus the segment's first, packed at a fixed
 * width of {@code 32 - b + ceil(log2(documents spanned))} bits. The bucket restores the full key, so segments
 * merge without the texts. At 1,000,000 documents the postings (26 million entries, b = 20) take 12 + 20 bits and
 * 1.3 bits of bucket starts, 4.2 bytes an entry, and the bands (8 million, b = 18) 4.5 bytes; growth costs no
 * spare room beyond the recent table.
 *
 * <p><b>Semantics</b> are {@link IntMultimap}'s: a key holds its first {@code cap} documents (later ones are
 * ignored; merges drop what a recent table took beyond that), lookups return at most {@code cap}, the oldest
 * first. A lookup reads the recent table and a bucket of 16 to 32 entries in each segment. Not thread-safe.
 */
final class PackedMultimap {
  /** Entries in a bucket of a segment, on average. */
  static final int BUCKET = 16;
  /** The small segment is merged into the big one when it holds this share of the big one's entries. */
  static final int SMALL_SHARE = 4;
  private final int cap;
  private final int flushAt;
  private final IntMultimap recent;
  /** Older documents than those of {@link #small}, which are older than those of {@link #recent}; or null. */
  private Segment big;
  private Segment small;

  /**
   * A multimap packing its recent entries once it holds {@code flushAt} of them; the recent table starts at
   * {@code initialCapacity} slots and grows up to that.
   */
  PackedMultimap(int cap, int flushAt, int initialCapacity) {
    if (flushAt < 1) {
      throw new IllegalArgumentException("flushAt must be at least 1, got " + flushAt);
    }
    this.cap = cap;
    this.flushAt = flushAt;
    this.recent = new IntMultimap(Math.min(initialCapacity, (int) (flushAt / 0.85) + 16), cap);
  }

  /** Adds {@code doc} under {@code key}; documents must be added in increasing order (insertion numbers). */
  void put(int key, int doc) {
    recent.put(key, doc);
    if (recent.size() >= flushAt) {
      flush();
    }
  }

  /** Calls {@code sink} with the documents under {@code key}, at most {@code cap}, oldest first. */
  void get(int key, IntMultimap.DocSink sink) {
    int[] buf = new int[cap]; // per call: lookups run in parallel
    int n = get(key, buf);
    for (int i = 0; i < n; i++) {
      sink.accept(buf[i]);
    }
  }

  /** Copies the documents under {@code key} (at most {@code min(cap, out.length)}), oldest first, into {@code out}. */
  int get(int key, int[] out) {
    int limit = Math.min(cap, out.length);
    int n = big == null ? 0 : big.get(key, out, 0, limit);
    n = small == null ? n : small.get(key, out, n, limit);
    return n < limit ? n + recent.get(key, out, n, limit - n) : n;
  }

  /** Whether a document numbered {@code from} to {@code to - 1} is held under one of {@code keys}. */
  boolean anyIn(int[] keys, int from, int to) {
    int[] buf = new int[cap];
    for (int k : keys) {
      int n = get(k, buf);
      for (int i = 0; i < n; i++) {
        if (buf[i] >= from && buf[i] < to) {
          return true;
        }
      }
    }
    return false;
  }

  /** Entries held (those a merge will drop beyond a key's cap included). */
  long size() {
    return recent.size() + (big == null ? 0 : big.size) + (small == null ? 0 : small.size);
  }

  long bytes() {
    return recent.bytes() + (big == null ? 0 : big.bytes()) + (small == null ? 0 : small.bytes());
  }

  /** Merges the recent entries into the small segment, and that into the big one when it has grown. */
  private void flush() {
    long[] fresh = recent.sortedEntries();
    recent.clear();
    long[] s = small == null ? fresh : merge(small.decode(), fresh);
    small = null;
    if (big == null) {
      big = Segment.pack(capped(s, cap));
    } else if ((long) s.length * SMALL_SHARE >= big.size) {
      big = Segment.pack(capped(merge(big.decode(), s), cap));
    } else {
      small = Segment.pack(capped(s, cap));
    }
  }

  /** Every entry, sorted and capped. */
  private long[] all() {
    long[] a = recent.sortedEntries();
    if (small != null) {
      a = merge(small.decode(), a);
    }
    if (big != null) {
      a = merge(big.decode(), a);
    }
    return capped(a, cap);
  }

  /** Writes every entry as one sorted run: int count, then (int key, int doc) pairs. */
  void write(DataOutputStream out) throws IOException {
    long[] a = all();
    out.writeInt(a.length);
    for (long e : a) {
      out.writeInt(key(e));
      out.writeInt(doc(e));
    }
  }

  /** Reads what {@link #write} wrote, into one segment. */
  static PackedMultimap read(DataInputStream in, int cap, int flushAt) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      throw new IOException("corrupt index: negative entry count " + n);
    }
    long[] entries = new long[n];
    for (int i = 0; i < n; i++) {
      int key = in.readInt();
      int doc = in.readInt();
      if (doc < 0) {
        throw new IOException("corrupt index: entry " + i + " names document " + doc);
      }
      entries[i] = entry(key, doc);
      if (i > 0 && entries[i] <= entries[i - 1]) {
        throw new IOException("corrupt index: table entries out of order at " + i);
      }
    }
    PackedMultimap m = new PackedMultimap(cap, flushAt, 1024);
    if (n > 0) {
      m.big = Segment.pack(capped(entries, cap));
    }
    return m;
  }

  /**
   * An entry as a sortable long: the key with its top bit flipped in the high half (so that signed order is
   * unsigned key order) and the document in the low half.
   */
  static long entry(int key, int doc) {
    return (long) (key ^ Integer.MIN_VALUE) << 32 | doc;
  }

  static int key(long e) {
    return (int) (e >>> 32) ^ Integer.MIN_VALUE;
  }

  static int doc(long e) {
    return (int) e;
  }

  private static long[] merge(long[] x, long[] y) {
    long[] out = new long[x.length + y.length];
    int i = 0;
    int j = 0;
    int k = 0;
    while (i < x.length && j < y.length) {
      out[k++] = x[i] <= y[j] ? x[i++] : y[j++];
    }
    System.arraycopy(x, i, out, k, x.length - i);
    k += x.length - i;
    System.arraycopy(y, j, out, k, y.length - j);
    return out;
  }

  /** The entries of sorted {@code a} but each key's first {@code cap} (the oldest), in place. */
  private static long[] capped(long[] a, int cap) {
    int n = 0;
    int run = 0;
    for (int i = 0; i < a.length; i++) {
      run = i > 0 && a[i] >>> 32 == a[i - 1] >>> 32 ? run + 1 : 1;
      if (run <= cap) {
        a[n++] = a[i];
      }
    }
    return n == a.length ? a : Arrays.copyOf(a, n);
  }

  /**
   * An immutable packed run of entries sorted by key, then document: {@code 2^b} buckets by the top {@code b}
   * key bits; each entry the other key bits and {@code doc - base}, {@code width} bits, in one bit array.
   */
  static final class Segment {
    final int size;
    private final int b;
    private final int remBits;
    private final int docBits;
    private final int width;
    private final int base;
    /** Index of the first entry of each bucket, and the size at the end (paged: see {@link Pages}). */
    private final Pages.Ints start;
    private final Pages.Longs bits;

    private Segment(int size, int b, int docBits, int base, Pages.Ints start, Pages.Longs bits) {
      this.size = size;
      this.b = b;
      this.remBits = 32 - b;
      this.docBits = docBits;
      this.width = remBits + docBits;
      this.base = base;
      this.start = start;
      this.bits = bits;
    }

    /** Packs sorted entries ({@link #entry} longs). */
    static Segment pack(long[] kept) {
      int n = kept.length;
      int minDoc = Integer.MAX_VALUE;
      int maxDoc = 0;
      for (long e : kept) {
        int d = doc(e);
        minDoc = Math.min(minDoc, d);
        maxDoc = Math.max(maxDoc, d);
      }
      int b = Math.min(30, Math.max(0, 31 - Integer.numberOfLeadingZeros(Math.max(1, n / BUCKET))));
      int docBits = n == 0 ? 1 : Math.max(1, 32 - Integer.numberOfLeadingZeros(maxDoc - minDoc));
      int remBits = 32 - b;
      int width = remBits + docBits;
      Pages.Ints start = new Pages.Ints((1L << b) + 1);
      Pages.Longs bits = new Pages.Longs((((long) n * width + 63) >>> 6) + 1);
      long remMask = remBits == 32 ? 0xFFFFFFFFL : (1L << remBits) - 1;
      int bucket = 0;
      for (int i = 0; i < n; i++) {
        long key = key(kept[i]) & 0xFFFFFFFFL;
        int q = b == 0 ? 0 : (int) (key >>> remBits);
        while (bucket < q) {
          start.set(++bucket, i);
        }
        long v = (key & remMask) << docBits | (doc(kept[i]) - minDoc);
        write(bits, (long) i * width, width, v);
      }
      while (bucket < (1 << b)) {
        start.set(++bucket, n);
      }
      return new Segment(n, b, docBits, n == 0 ? 0 : minDoc, start, bits);
    }

    private static void write(Pages.Longs bits, long at, int width, long v) {
      int w = (int) (at >>> 6);
      int o = (int) (at & 63);
      bits.or(w, v << o);
      if (o + width > 64) {
        bits.or(w + 1, v >>> (64 - o));
      }
    }

    private long read(long at) {
      int w = (int) (at >>> 6);
      int o = (int) (at & 63);
      long v = bits.get(w) >>> o;
      if (o + width > 64) {
        v |= bits.get(w + 1) << (64 - o);
      }
      return width == 64 ? v : v & ((1L << width) - 1);
    }

    /** Copies documents under {@code key} into {@code out} from index {@code n} while fewer than {@code limit}. */
    int get(int key, int[] out, int n, int limit) {
      long k = key & 0xFFFFFFFFL;
      int q = b == 0 ? 0 : (int) (k >>> remBits);
      long rem = remBits == 32 ? k : k & ((1L << remBits) - 1);
      long docMask = (1L << docBits) - 1;
      for (int i = start.get(q), end = start.get(q + 1); i < end && n < limit; i++) {
        long v = read((long) i * width);
        long r = v >>> docBits;
        if (r == rem) {
          out[n++] = base + (int) (v & docMask);
        } else if (r > rem) {
          break;
        }
      }
      return n;
    }

    /** The entries in order, as {@link #entry} longs. */
    long[] decode() {
      long[] out = new long[size];
      long docMask = (1L << docBits) - 1;
      int i = 0;
      for (int q = 0, buckets = 1 << b; q < buckets; q++) {
        long high = (long) q << remBits;
        for (int end = start.get(q + 1); i < end; i++) {
          long v = read((long) i * width);
          out[i] = entry((int) (high | v >>> docBits), base + (int) (v & docMask));
        }
      }
      return out;
    }

    long bytes() {
      return start.bytes() + bits.bytes();
    }
  }
}
