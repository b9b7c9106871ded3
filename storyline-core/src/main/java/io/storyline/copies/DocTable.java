package io.storyline.copies;

import io.storyline.internal.Agencies;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-document columns of the copy index, in paged primitive arrays ({@link Pages}) indexed by insertion number:
 * the id (UTF-8 bytes in one arena, found again through an open-addressing table of document numbers), the top 32
 * bits of the normalised-text hash, token count (the shingle count follows from it), publication minute, agency
 * and flags, the union-find parent of its copy group and the next member of the group. 24 bytes plus the id's
 * bytes, 1.25 bytes to find them and about 6 bytes of lookup table per document, instead of the ~200 bytes of an
 * object per document with its fields and a {@code HashMap} entry.
 *
 * <p><b>Where an id starts.</b> The ids follow one another in {@code idBytes}; each document keeps its id's
 * length in one byte ({@code idLength}), and only every 16th document its start offset
 * ({@code idBlockStart}, an int): a document's id starts at its block's offset plus the lengths of the at most
 * 15 ids before it in the block. That is 1 + 4/16 = 1.25 bytes per document instead of an int of start offset
 * (4 bytes, and one more int for the end of the last id): 2.75 bytes less per document, 2.6 MB at 1,000,000
 * documents. Ids of 255 bytes or more (URLs with long query strings; none in the bench, a few in crawls) keep
 * the escape byte 255 and their length in a small map ({@code longIdLengths}). The price is reading up to 15
 * length bytes (of one page) to read or compare an id; a lookup by id compares the length first (one
 * byte), so only the document of the same length, nearly always the one sought, pays it.
 */
final class DocTable {
  static final int NO_TIME = Integer.MIN_VALUE;
  /** The outlet is itself a news agency: the document is a wire source. */
  static final int OUTLET_IS_AGENCY = 1;
  /** The text was too short to shingle: never compared. */
  static final int TOO_SHORT = 2;
  /** When added, its text was wholly derived from documents already indexed. */
  static final int ADDED_NEAR = 4;
  /** When added, it took a substantial part of its text from documents already indexed. */
  static final int ADDED_PARTIAL = 8;

  /** Documents per kept id start offset. */
  private static final int ID_BLOCK = 16;
  private static final int ID_BLOCK_SHIFT = 4;
  /** The length byte of an id of this many bytes or more: its length is in {@link #longIdLengths}. */
  private static final int LONG_ID = 255;

  private final int shingleSize;
  /** The ids' UTF-8 bytes, one after the other in document order. */
  private final Pages.Bytes idBytes = new Pages.Bytes();
  /** Where the next id will start in {@link #idBytes}. */
  private int idEnd;
  /** Where the id of document {@code k * ID_BLOCK} starts in {@link #idBytes}, by {@code k}. */
  private final Pages.Ints idBlockStart = new Pages.Ints();
  /** Each id's length in bytes, unsigned, or {@link #LONG_ID}. */
  private final Pages.Bytes idLength = new Pages.Bytes();
  /** The lengths of the ids of {@link #LONG_ID} bytes or more, by document. */
  private final Map<Integer, Integer> longIdLengths = new HashMap<>();
  /** {@link SourceText#textHash}: the top 32 bits of the normalised-text hash. */
  private final Pages.Ints textHash = new Pages.Ints();
  private final Pages.Ints tokens = new Pages.Ints();
  private final Pages.Ints publishedMinute = new Pages.Ints();
  /** The agency code in the high bits, the flags in the low 8. */
  private final Pages.Ints agencyFlags = new Pages.Ints();
  private final Pages.Ints parent = new Pages.Ints();
  /**
   * The next member of the document's copy group, in a circular list through all members (a document alone points
   * to itself): {@link #union} splices two lists, so a group's members are read without scanning the table.
   */
  private final Pages.Ints nextMember = new Pages.Ints();
  int size;
  /**
   * Document number + 1 by hash of the id, linear probing (0: empty), at most 3/4 full and grown by a quarter
   * (load 0.6 to 0.75, about 6 bytes per document; doubling a power-of-two table averaged 8), a key's home slot
   * being {@code hash * capacity >>> 32} (Lemire's fast range) as capacities are multiples of a page.
   */
  private Pages.Ints byId = new Pages.Ints(Pages.PAGE);
  private int byIdSlots = Pages.PAGE;
  private final List<String> agencies = new ArrayList<>(List.of(""));
  private final Map<String, Short> agencyCodes = new HashMap<>();

  /** An empty table for shingles of {@code shingleSize} words. */
  DocTable(int shingleSize) {
    this.shingleSize = shingleSize;
  }

  /** Adds a document and returns its number. */
  int add(String id, long hash, int tokenCount, Instant published, String agencyName, int flagBits) {
    int doc = size;
    long n = doc + 1L;
    textHash.ensure(n);
    tokens.ensure(n);
    publishedMinute.ensure(n);
    agencyFlags.ensure(n);
    parent.ensure(n);
    nextMember.ensure(n);
    idLength.ensure(n);
    byte[] b = id.getBytes(StandardCharsets.UTF_8);
    if ((long) idEnd + b.length > Integer.MAX_VALUE) {
      throw new IllegalStateException("the ids of the copy index would take more than 2 GB with document " + doc
          + " (" + b.length + " bytes): split the stream into several indexes");
    }
    idBytes.put(idEnd, b);
    if ((doc & (ID_BLOCK - 1)) == 0) {
      idBlockStart.ensure((doc >>> ID_BLOCK_SHIFT) + 1L);
      idBlockStart.set(doc >>> ID_BLOCK_SHIFT, idEnd);
    }
    if (b.length >= LONG_ID) {
      idLength.set(doc, (byte) LONG_ID);
      longIdLengths.put(doc, b.length);
    } else {
      idLength.set(doc, (byte) b.length);
    }
    idEnd += b.length;
    textHash.set(doc, SourceText.textHash(hash));
    tokens.set(doc, tokenCount);
    publishedMinute.set(doc, published == null ? NO_TIME
        : (int) Math.max(Integer.MIN_VALUE + 1L, Math.min(Integer.MAX_VALUE, Math.floorDiv(published.getEpochSecond(), 60))));
    agencyFlags.set(doc, agencyCode(agencyName) << 8 | (flagBits & 0xFF));
    parent.set(doc, doc);
    nextMember.set(doc, doc);
    size++;
    if (size * 4L > byIdSlots * 3L) {
      Pages.Ints old = byId;
      int oldSlots = byIdSlots;
      byIdSlots = (int) Math.min(Integer.MAX_VALUE - Pages.PAGE, (long) Pages.pagesFor(oldSlots + (oldSlots >> 2)) << Pages.SHIFT);
      byId = new Pages.Ints(byIdSlots);
      for (int s = 0; s < oldSlots; s++) {
        int e = old.get(s);
        if (e != 0) {
          byId.set(freeSlot(idHash(e - 1)), e);
        }
      }
    }
    byId.set(freeSlot(idHash(b, 0, b.length)), doc + 1);
    return doc;
  }

  int textHash(int doc) {
    return textHash.get(doc);
  }

  int tokens(int doc) {
    return tokens.get(doc);
  }

  int publishedMinute(int doc) {
    return publishedMinute.get(doc);
  }

  /** The agency code of document {@code doc} (0: none). */
  short agencyCode(int doc) {
    return (short) (agencyFlags.get(doc) >>> 8);
  }

  int nextMember(int doc) {
    return nextMember.get(doc);
  }

  /** Shingles of document {@code doc}: one per token from the {@code k}-th on. */
  int shingles(int doc) {
    return Math.max(0, tokens.get(doc) - shingleSize + 1);
  }

  private int freeSlot(int hash) {
    int slot = home(hash);
    while (byId.get(slot) != 0) {
      slot = slot + 1 == byIdSlots ? 0 : slot + 1;
    }
    return slot;
  }

  private int home(int hash) {
    return (int) (((hash & 0xFFFFFFFFL) * byIdSlots) >>> 32);
  }

  private static int idHash(byte[] b, int from, int to) {
    long h = 0xcbf29ce484222325L;
    for (int i = from; i < to; i++) {
      h = (h ^ b[i]) * 0x100000001b3L;
    }
    return (int) (io.storyline.internal.Mix64.mix(h) >>> 32);
  }

  /** The length in bytes of document {@code doc}'s id. */
  private int idLength(int doc) {
    int length = idLength.get(doc) & 0xFF;
    return length == LONG_ID ? longIdLengths.get(doc) : length;
  }

  /** Where document {@code doc}'s id starts in {@link #idBytes}: its block's start plus the ids before it. */
  private int idStart(int doc) {
    int start = idBlockStart.get(doc >>> ID_BLOCK_SHIFT);
    for (int d = doc & -ID_BLOCK; d < doc; d++) {
      start += idLength(d);
    }
    return start;
  }

  /** {@link #idHash(byte[], int, int)} of document {@code doc}'s id. */
  private int idHash(int doc) {
    long h = 0xcbf29ce484222325L;
    for (int i = idStart(doc), end = i + idLength(doc); i < end; i++) {
      h = (h ^ idBytes.get(i)) * 0x100000001b3L;
    }
    return (int) (io.storyline.internal.Mix64.mix(h) >>> 32);
  }

  private boolean idEquals(int doc, byte[] b) {
    if (idLength(doc) != b.length) {
      return false;
    }
    int from = idStart(doc);
    for (int i = 0; i < b.length; i++) {
      if (idBytes.get(from + i) != b[i]) {
        return false;
      }
    }
    return true;
  }

  /** The number of the document with this id, or -1. */
  int find(String id) {
    byte[] b = id.getBytes(StandardCharsets.UTF_8);
    for (int slot = home(idHash(b, 0, b.length)); byId.get(slot) != 0; slot = slot + 1 == byIdSlots ? 0 : slot + 1) {
      int doc = byId.get(slot) - 1;
      if (idEquals(doc, b)) {
        return doc;
      }
    }
    return -1;
  }

  String id(int doc) {
    int from = idStart(doc);
    return new String(idBytes.copy(from, from + idLength(doc)), StandardCharsets.UTF_8);
  }

  String agency(int doc) {
    int code = agencyCode(doc);
    return code == 0 ? null : agencies.get(code);
  }

  String agencyName(short code) {
    return code <= 0 || code >= agencies.size() ? null : agencies.get(code);
  }

  boolean has(int doc, int flag) {
    return (agencyFlags.get(doc) & flag) != 0;
  }

  void set(int doc, int flag) {
    agencyFlags.set(doc, agencyFlags.get(doc) | (flag & 0xFF));
  }

  /** Union-find root with path halving. */
  int root(int doc) {
    int p;
    while ((p = parent.get(doc)) != doc) {
      int gp = parent.get(p);
      parent.set(doc, gp);
      doc = gp;
    }
    return doc;
  }

  /** Joins the copy groups of two documents; the smaller root number stays root (stable group numbers). */
  void union(int x, int y) {
    int rx = root(x);
    int ry = root(y);
    if (rx != ry) {
      parent.set(Math.max(rx, ry), Math.min(rx, ry));
      int next = nextMember.get(rx); // splice the two circular member lists into one
      nextMember.set(rx, nextMember.get(ry));
      nextMember.set(ry, next);
    }
  }

  /**
   * Heap held: the pages of the columns and of the id table, and about 64 bytes (a map entry and two boxed ints)
   * per id of {@link #LONG_ID} bytes or more.
   */
  long bytes() {
    return idBytes.bytes() + idBlockStart.bytes() + idLength.bytes() + longIdLengths.size() * 64L + textHash.bytes()
        + tokens.bytes() + publishedMinute.bytes() + agencyFlags.bytes() + parent.bytes() + nextMember.bytes()
        + byId.bytes();
  }

  private short agencyCode(String name) {
    String display = Agencies.display(name);
    if (display == null) {
      return 0;
    }
    Short code = agencyCodes.get(display);
    if (code == null) {
      if (agencies.size() >= Short.MAX_VALUE) {
        return 0; // more than 32,766 distinct credits: the rest are not kept
      }
      code = (short) agencies.size();
      agencies.add(display);
      agencyCodes.put(display, code);
    }
    return code;
  }

  void write(DataOutputStream out) throws IOException {
    out.writeInt(size);
    out.writeInt(agencies.size());
    for (int i = 1; i < agencies.size(); i++) {
      out.writeUTF(agencies.get(i));
    }
    for (int d = 0, start = 0; d < size; d++) { // ids in document order: each starts where the last ended
      int length = idLength(d);
      byte[] id = idBytes.copy(start, start + length);
      start += length;
      out.writeInt(id.length);
      out.write(id);
      out.writeInt(textHash.get(d));
      out.writeInt(tokens.get(d));
      out.writeInt(publishedMinute.get(d));
      out.writeShort(agencyCode(d));
      out.writeByte(agencyFlags.get(d) & 0xFF);
      out.writeInt(parent.get(d));
    }
  }

  static DocTable read(DataInputStream in, int shingleSize) throws IOException {
    DocTable t = new DocTable(shingleSize);
    int n = in.readInt();
    int agencyCount = in.readInt();
    if (n < 0 || agencyCount < 1 || agencyCount > Short.MAX_VALUE) {
      throw new IOException("corrupt index: " + n + " documents, " + agencyCount + " agencies");
    }
    for (int i = 1; i < agencyCount; i++) {
      t.agencyCode(in.readUTF());
    }
    for (int d = 0; d < n; d++) {
      int len = in.readInt();
      if (len < 0 || len > 1 << 20) {
        throw new IOException("corrupt index: id of " + len + " bytes for document " + d);
      }
      byte[] id = new byte[len];
      in.readFully(id);
      long hash = (long) in.readInt() << 32; // the text hash, as the top bits of a normalised hash
      int tokenCount = in.readInt();
      int minute = in.readInt();
      short agency = in.readShort();
      byte flags = in.readByte();
      int parent = in.readInt();
      if (agency < 0 || agency >= agencyCount || parent < 0 || parent >= n) {
        throw new IOException("corrupt index: document " + d + " has agency " + agency + ", parent " + parent);
      }
      t.add(new String(id, StandardCharsets.UTF_8), hash, tokenCount, null, null, flags);
      t.publishedMinute.set(d, minute);
      t.agencyFlags.set(d, agency << 8 | (flags & 0xFF));
      t.parent.set(d, parent);
    }
    for (int d = 0; d < n; d++) { // member lists: a root is its group's smallest number, so it comes first
      int r = t.root(d);
      if (r != d) {
        t.nextMember.set(d, t.nextMember.get(r));
        t.nextMember.set(r, d);
      }
    }
    return t;
  }
}
