package io.storyline.copies;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * The multimap of the LSH bands and the shingle postings (32-bit keys to document numbers) at about 3.8 bytes an
 * entry instead of 10: recent entries in a small {@link IntMultimap} (8 bytes per entry, cheap to add to), older
 * ones in immutable packed {@link Segment}s.
 *
 * <p><b>Method</b> (a log-structured merge, O'Neil et al. 1996, with the keys in Elias&ndash;Fano form, see
 * {@link Segment}). When the recent table holds {@code flushAt} entries they are sorted by key and merged into a
 * small segment; when the small segment reaches a quarter of the big one, it is merged into the big one. So a
 * lookup reads three places (recent table, small and big segment: about five cache misses, against one in a plain
 * hash table); with a segment per flush, or a binary counter of segments (log2 of entries / flushAt of them), an
 * absent key cost 1.25 us at 1,000,000 documents instead of 0.24. Merging costs about 10 rewrites of each entry
 * at 1,000,000 documents, a few seconds in all, in pauses of up to half a second for the largest. In a segment
 * an entry keeps the key bits below its bucket's and its document number minus the segment's first, at a fixed
 * width of {@code 32 - b + ceil(log2(documents spanned))} bits. The bucket restores the full key, so segments
 * merge without the texts. At 1,000,000 documents the postings (26 million entries, b = 24) take 8 + 20 bits
 * and 1.8 bits of unary buckets and samples, 3.7 bytes an entry, and the bands (8 million, b = 22) 3.8 bytes;
 * growth costs no spare room beyond the recent table.
 *
 * <p><b>Semantics</b> are {@link IntMultimap}'s: a key holds its first {@code cap} documents (later ones are
 * ignored; merges drop what a recent table took beyond that), lookups return at most {@code cap}, the oldest
 * first. A lookup reads the recent table and, in each segment, a sample, one or two words of unary code
 * and a bucket of 1 or 2 entries on average. Not thread-safe.
 */
final class PackedMultimap {
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
   * An immutable packed run of entries sorted by key, then document, in Elias&ndash;Fano form (Elias 1974, Fano
   * 1971; as in Vigna, "Quasi-succinct indices", WSDM 2013). The top {@code b} key bits, {@code b = floor(log2 n)},
   * are the bucket (the "upper bits"), written in unary: for each bucket, a 1 per entry then a 0, {@code n + 2^b}
   * bits. Each entry keeps the other {@code 32 - b} key bits and {@code doc - base} at a fixed width (the "lower
   * bits"). A bucket is found from a sample, every 128 buckets, of where its run starts in the unary bits, then by
   * skipping at most 127 zeros with bit counts (about 3 words); entry number = bit position - bucket number. At
   * 1,000,000 documents (26 million posting entries) the key costs 8 + 1.6 + 0.2 = 9.8 bits an entry, against
   * 12 + 1.3 = 13.3 with an int of bucket start per 16 entries (the previous layout): 3.8 bytes an entry with the
   * 20 document bits instead of 4.2, about 13 bytes per document less for the postings and bands.
   */
  static final class Segment {
    /**
     * Buckets per sample of the unary bits' positions: 2^7 = 128, about 320 bits of unary code (5 words) per
     * sample, 0.16 bits an entry (64 took 0.32).
     */
    private static final int SAMPLE_SHIFT = 7;
    final int size;
    private final int b;
    private final int remBits;
    private final int docBits;
    private final int width;
    private final int base;
    /** The buckets in unary (paged: see {@link Pages}). */
    private final Pages.Longs unary;
    /** Position in {@link #unary} where bucket {@code 128 j} starts, for each {@code j}. */
    private final Pages.Ints samples;
    private final Pages.Longs bits;

    private Segment(int size, int b, int docBits, int base, Pages.Longs unary, Pages.Ints samples, Pages.Longs bits) {
      this.size = size;
      this.b = b;
      this.remBits = 32 - b;
      this.docBits = docBits;
      this.width = remBits + docBits;
      this.base = base;
      this.unary = unary;
      this.samples = samples;
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
      int b = Math.min(30, 31 - Integer.numberOfLeadingZeros(Math.max(1, n)));
      int docBits = n == 0 ? 1 : Math.max(1, 32 - Integer.numberOfLeadingZeros(maxDoc - minDoc));
      int remBits = 32 - b;
      int width = remBits + docBits;
      long buckets = 1L << b;
      Pages.Longs unary = new Pages.Longs(((n + buckets + 63) >>> 6) + 1);
      Pages.Ints samples = new Pages.Ints((buckets >>> SAMPLE_SHIFT) + 1);
      Pages.Longs bits = new Pages.Longs((((long) n * width + 63) >>> 6) + 1);
      long remMask = remBits == 32 ? 0xFFFFFFFFL : (1L << remBits) - 1;
      int bucket = 0;
      int pos = 0; // next bit of the unary code; sample 0 is 0
      for (int i = 0; i < n; i++) {
        long key = key(kept[i]) & 0xFFFFFFFFL;
        int q = b == 0 ? 0 : (int) (key >>> remBits);
        while (bucket < q) { // close buckets up to q: a 0 each
          pos++;
          if ((++bucket & ((1 << SAMPLE_SHIFT) - 1)) == 0) {
            samples.set(bucket >>> SAMPLE_SHIFT, pos);
          }
        }
        unary.or(pos >>> 6, 1L << (pos & 63));
        pos++;
        long v = (key & remMask) << docBits | (doc(kept[i]) - minDoc);
        write(bits, (long) i * width, width, v);
      }
      while (bucket < buckets - 1) {
        pos++;
        if ((++bucket & ((1 << SAMPLE_SHIFT) - 1)) == 0) {
          samples.set(bucket >>> SAMPLE_SHIFT, pos);
        }
      }
      return new Segment(n, b, docBits, n == 0 ? 0 : minDoc, unary, samples, bits);
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

    /** Position in {@link #unary} where bucket {@code q}'s run of 1s starts. */
    private int bucketStart(int q) {
      int pos = samples.get(q >>> SAMPLE_SHIFT);
      int skip = q & ((1 << SAMPLE_SHIFT) - 1); // zeros to pass: the ends of the buckets before q in the block
      while (skip > 0) {
        long zeros = ~unary.get(pos >>> 6) >>> (pos & 63); // the shift brings in 0s: not counted as zeros
        int available = Long.bitCount(zeros);
        if (available < skip) {
          skip -= available;
          pos = (pos | 63) + 1;
        } else {
          for (int k = 1; k < skip; k++) {
            zeros &= zeros - 1;
          }
          pos += Long.numberOfTrailingZeros(zeros) + 1;
          skip = 0;
        }
      }
      return pos;
    }

    private boolean one(int pos) {
      return (unary.get(pos >>> 6) & 1L << (pos & 63)) != 0;
    }

    /** Copies documents under {@code key} into {@code out} from index {@code n} while fewer than {@code limit}. */
    int get(int key, int[] out, int n, int limit) {
      if (size == 0) {
        return n;
      }
      long k = key & 0xFFFFFFFFL;
      int q = b == 0 ? 0 : (int) (k >>> remBits);
      long rem = remBits == 32 ? k : k & ((1L << remBits) - 1);
      long docMask = (1L << docBits) - 1;
      int pos = bucketStart(q);
      for (int i = pos - q; n < limit && one(pos); pos++, i++) {
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
      int q = 0;
      for (int i = 0, pos = 0; i < size; pos++) {
        if (one(pos)) {
          long v = read((long) i * width);
          out[i++] = entry((int) ((long) q << remBits | v >>> docBits), base + (int) (v & docMask));
        } else {
          q++;
        }
      }
      return out;
    }

    long bytes() {
      return unary.bytes() + samples.bytes() + bits.bytes();
    }
  }
}
