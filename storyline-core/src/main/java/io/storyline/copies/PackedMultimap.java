package io.storyline.copies;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The multimap of the LSH bands and the shingle postings (32-bit keys to document numbers) at about 4 bytes per
 * entry instead of 10: recent entries in a small {@link IntMultimap} (8 bytes per entry, cheap to add to), older
 * ones in immutable packed {@link Segment}s.
 *
 * <p><b>Method</b> (a log-structured merge, O'Neil et al. 1996, with quotienting as in quotient filters, Bender et
 * al. 2012). When the recent table holds {@code flushAt} entries they are sorted by key and packed into a segment;
 * when the newest segment has grown to at least half the size of the one before, the two are merged (a binary
 * counter: about log2 of (entries / flushAt) segments, each entry rewritten as many times). A segment of
 * {@code n} entries cuts the key space into {@code 2^b} buckets of about 16 entries by the top {@code b} key bits
 * (the quotient): an int per bucket says where its entries start, and an entry keeps only the other
 * {@code 32 - b} key bits (the remainder) and its document number minus the segment's first, packed at a fixed
 * width of {@code 32 - b + ceil(log2(documents spanned))} bits. The bucket restores the full key, so segments
 * merge without the texts. At 1,000,000 documents (34 million entries, b = 21) that is 11 + 20 bits and 2 bits
 * of bucket starts: 4.1 bytes per entry, wherever the table's growth fell.
 *
 * <p><b>Semantics</b> are {@link IntMultimap}'s: a key holds its first {@code cap} documents (later ones are
 * ignored; merges drop what a recent table took beyond that), lookups return at most {@code cap}, the oldest
 * first. A lookup reads the recent table and a bucket of about 16 entries in each segment. Not thread-safe.
 */
final class PackedMultimap {
  /** Entries in a bucket of a segment, on average. */
  static final int BUCKET = 16;
  private final int cap;
  private final int flushAt;
  private final IntMultimap recent;
  /** Oldest first: every document of a segment is older than those of the next one and of the recent table. */
  private final List<Segment> segments = new ArrayList<>();

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
    int n = 0;
    for (Segment s : segments) {
      n = s.get(key, sink, n, cap);
    }
    if (n < cap) {
      recent.get(key, sink, cap - n);
    }
  }

  /** Copies the documents under {@code key} (at most {@code min(cap, out.length)}), oldest first, into {@code out}. */
  int get(int key, int[] out) {
    int limit = Math.min(cap, out.length);
    int n = 0;
    for (Segment s : segments) {
      n = s.get(key, out, n, limit);
    }
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
    long n = recent.size();
    for (Segment s : segments) {
      n += s.size;
    }
    return n;
  }

  long bytes() {
    long b = recent.bytes();
    for (Segment s : segments) {
      b += s.bytes();
    }
    return b;
  }

  /** Packs the recent entries into a segment and merges segments of similar size. */
  private void flush() {
    long[] sorted = recent.sortedEntries();
    recent.clear();
    segments.add(Segment.pack(new ArrayCursor(sorted), sorted.length, cap));
    while (segments.size() >= 2) {
      Segment last = segments.get(segments.size() - 1);
      Segment before = segments.get(segments.size() - 2);
      if (last.size * 2L < before.size) {
        break;
      }
      segments.remove(segments.size() - 1);
      segments.set(segments.size() - 1, Segment.pack(new MergeCursor(before.cursor(), last.cursor()),
          before.size + last.size, cap));
    }
  }

  /** Writes every entry as one sorted run: int count, then (int key, int doc) pairs. */
  void write(DataOutputStream out) throws IOException {
    long[] sorted = recent.sortedEntries();
    Cursor all = new ArrayCursor(sorted);
    for (Segment s : segments) {
      all = new MergeCursor(s.cursor(), all);
    }
    long n = 0;
    List<long[]> chunks = new ArrayList<>(); // counted first: the count comes before the entries
    long[] chunk = new long[1 << 16];
    int c = 0;
    Cap capped = new Cap(all, cap);
    for (long e = capped.next(); e != Cursor.END; e = capped.next()) {
      if (c == chunk.length) {
        chunks.add(chunk);
        chunk = new long[chunk.length];
        c = 0;
      }
      chunk[c++] = e;
      n++;
    }
    chunks.add(Arrays.copyOf(chunk, c));
    if (n > Integer.MAX_VALUE) {
      throw new IOException("copy index has " + n + " entries in one table, more than a file can hold");
    }
    out.writeInt((int) n);
    for (long[] ch : chunks) {
      for (long e : ch) {
        out.writeInt(Cursor.key(e));
        out.writeInt(Cursor.doc(e));
      }
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
      entries[i] = Cursor.entry(key, doc);
      if (i > 0 && entries[i] <= entries[i - 1]) {
        throw new IOException("corrupt index: table entries out of order at " + i);
      }
    }
    PackedMultimap m = new PackedMultimap(cap, flushAt, 1024);
    if (n > 0) {
      m.segments.add(Segment.pack(new ArrayCursor(entries), n, cap));
    }
    return m;
  }

  /**
   * Entries in ascending order as sortable longs: the key with its top bit flipped in the high half (so that signed
   * order is unsigned key order) and the document in the low half.
   */
  interface Cursor {
    long END = Long.MAX_VALUE;

    long next();

    static long entry(int key, int doc) {
      return (long) (key ^ Integer.MIN_VALUE) << 32 | doc;
    }

    static int key(long e) {
      return (int) (e >>> 32) ^ Integer.MIN_VALUE;
    }

    static int doc(long e) {
      return (int) e;
    }
  }

  private static final class ArrayCursor implements Cursor {
    private final long[] a;
    private int i;

    ArrayCursor(long[] a) {
      this.a = a;
    }

    @Override
    public long next() {
      return i < a.length ? a[i++] : END;
    }
  }

  private static final class MergeCursor implements Cursor {
    private final Cursor x;
    private final Cursor y;
    private long nx;
    private long ny;

    MergeCursor(Cursor x, Cursor y) {
      this.x = x;
      this.y = y;
      nx = x.next();
      ny = y.next();
    }

    @Override
    public long next() {
      long e;
      if (nx <= ny) {
        e = nx;
        nx = e == END ? END : x.next();
      } else {
        e = ny;
        ny = y.next();
      }
      return e;
    }
  }

  /** Passes at most {@code cap} entries of each key (the oldest: entries of a key come in document order). */
  private static final class Cap implements Cursor {
    private final Cursor in;
    private final int cap;
    private long lastKey = Long.MIN_VALUE;
    private int run;

    Cap(Cursor in, int cap) {
      this.in = in;
      this.cap = cap;
    }

    @Override
    public long next() {
      for (long e = in.next(); e != END; e = in.next()) {
        long k = e >>> 32;
        run = k == lastKey ? run + 1 : 1;
        lastKey = k;
        if (run <= cap) {
          return e;
        }
      }
      return END;
    }
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
    /** Index of the first entry of each bucket, and the size at the end. */
    private final int[] start;
    private final long[] bits;

    private Segment(int size, int b, int docBits, int base, int[] start, long[] bits) {
      this.size = size;
      this.b = b;
      this.remBits = 32 - b;
      this.docBits = docBits;
      this.width = remBits + docBits;
      this.base = base;
      this.start = start;
      this.bits = bits;
    }

    /**
     * Packs the sorted entries of {@code in} ({@code upTo} at most), keeping each key's first {@code cap}. The kept
     * entries are collected first (8 bytes each, for the time of the packing): the widths depend on their count
     * and document range.
     */
    static Segment pack(Cursor in, long upTo, int cap) {
      long[] kept = new long[(int) Math.min(Integer.MAX_VALUE - 8, upTo)];
      int n = 0;
      int minDoc = Integer.MAX_VALUE;
      int maxDoc = 0;
      Cap capped = new Cap(in, cap);
      for (long e = capped.next(); e != Cursor.END; e = capped.next()) {
        kept[n++] = e;
        int d = Cursor.doc(e);
        minDoc = Math.min(minDoc, d);
        maxDoc = Math.max(maxDoc, d);
      }
      int b = Math.min(30, Math.max(0, 31 - Integer.numberOfLeadingZeros(Math.max(1, n / BUCKET))));
      int docBits = n == 0 ? 1 : Math.max(1, 32 - Integer.numberOfLeadingZeros(maxDoc - minDoc));
      int remBits = 32 - b;
      int width = remBits + docBits;
      int[] start = new int[(1 << b) + 1];
      long[] bits = new long[(int) (((long) n * width + 63) >>> 6) + 1];
      long remMask = remBits == 32 ? 0xFFFFFFFFL : (1L << remBits) - 1;
      int bucket = 0;
      for (int i = 0; i < n; i++) {
        long key = Cursor.key(kept[i]) & 0xFFFFFFFFL;
        int q = b == 0 ? 0 : (int) (key >>> remBits);
        while (bucket < q) {
          start[++bucket] = i;
        }
        long v = (key & remMask) << docBits | (Cursor.doc(kept[i]) - minDoc);
        write(bits, (long) i * width, width, v);
      }
      while (bucket < (1 << b)) {
        start[++bucket] = n;
      }
      return new Segment(n, b, docBits, n == 0 ? 0 : minDoc, start, bits);
    }

    private static void write(long[] bits, long at, int width, long v) {
      int w = (int) (at >>> 6);
      int o = (int) (at & 63);
      bits[w] |= v << o;
      if (o + width > 64) {
        bits[w + 1] |= v >>> (64 - o);
      }
    }

    private long read(long at) {
      int w = (int) (at >>> 6);
      int o = (int) (at & 63);
      long v = bits[w] >>> o;
      if (o + width > 64) {
        v |= bits[w + 1] << (64 - o);
      }
      return width == 64 ? v : v & ((1L << width) - 1);
    }

    /** Calls {@code sink} with the documents under {@code key} while fewer than {@code cap} were given; returns the count. */
    int get(int key, IntMultimap.DocSink sink, int given, int cap) {
      long k = key & 0xFFFFFFFFL;
      int q = b == 0 ? 0 : (int) (k >>> remBits);
      long rem = remBits == 32 ? k : k & ((1L << remBits) - 1);
      int n = given;
      for (int i = start[q], end = start[q + 1]; i < end && n < cap; i++) {
        long v = read((long) i * width);
        long r = v >>> docBits;
        if (r == rem) {
          sink.accept(base + (int) (v & ((1L << docBits) - 1)));
          n++;
        } else if (r > rem) {
          break;
        }
      }
      return n;
    }

    /** Copies documents under {@code key} into {@code out} from index {@code n} while fewer than {@code limit}. */
    int get(int key, int[] out, int n, int limit) {
      long k = key & 0xFFFFFFFFL;
      int q = b == 0 ? 0 : (int) (k >>> remBits);
      long rem = remBits == 32 ? k : k & ((1L << remBits) - 1);
      long docMask = (1L << docBits) - 1;
      for (int i = start[q], end = start[q + 1]; i < end && n < limit; i++) {
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

    /** The entries in order. */
    Cursor cursor() {
      return new Cursor() {
        private int i;
        private int bucket;

        @Override
        public long next() {
          if (i >= size) {
            return END;
          }
          while (start[bucket + 1] <= i) {
            bucket++;
          }
          long v = read((long) i * width);
          i++;
          long key = (long) bucket << remBits | v >>> docBits;
          return Cursor.entry((int) key, base + (int) (v & ((1L << docBits) - 1)));
        }
      };
    }

    long bytes() {
      return start.length * 4L + bits.length * 8L;
    }
  }
}
