package io.storyline.copies;

import io.storyline.internal.Agencies;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-document columns of the copy index, in primitive arrays indexed by insertion number: the id (UTF-8 bytes
 * in one arena, found again through an open-addressing table of document numbers), normalised-text hash, token
 * count (the shingle count follows from it), publication minute, agency, flags and the union-find parent of its
 * copy group. About 27 bytes plus the id's length and 5 bytes of lookup table per document, instead of the ~200
 * bytes of an object per document with its fields and a {@code HashMap} entry.
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

  private final int shingleSize;
  private byte[] idBytes = new byte[1 << 14];
  private int idEnd;
  int[] idStart = new int[1025];
  long[] normalizedHash = new long[1024];
  int[] tokens = new int[1024];
  int[] publishedMinute = new int[1024];
  short[] agency = new short[1024];
  byte[] flags = new byte[1024];
  int[] parent = new int[1024];
  /**
   * The next member of the document's copy group, in a circular list through all members (a document alone points
   * to itself): {@link #union} splices two lists, so a group's members are read without scanning the table.
   */
  int[] nextMember = new int[1024];
  int size;
  /** Document number + 1 by hash of the id, linear probing, at most 3/4 full (0: empty). */
  private int[] byId = new int[2048];
  private final List<String> agencies = new ArrayList<>(List.of(""));
  private final Map<String, Short> agencyCodes = new HashMap<>();

  /** An empty table for shingles of {@code shingleSize} words. */
  DocTable(int shingleSize) {
    this.shingleSize = shingleSize;
  }

  /** Adds a document and returns its number. */
  int add(String id, long hash, int tokenCount, Instant published, String agencyName, int flagBits) {
    if (size == normalizedHash.length) {
      grow();
    }
    byte[] b = id.getBytes(StandardCharsets.UTF_8);
    if (idEnd + b.length > idBytes.length) {
      idBytes = Arrays.copyOf(idBytes, Math.max(idBytes.length + (idBytes.length >> 1), idEnd + b.length));
    }
    System.arraycopy(b, 0, idBytes, idEnd, b.length);
    idStart[size] = idEnd;
    idEnd += b.length;
    idStart[size + 1] = idEnd;
    int doc = size;
    normalizedHash[doc] = hash;
    tokens[doc] = tokenCount;
    publishedMinute[doc] = published == null ? NO_TIME
        : (int) Math.max(Integer.MIN_VALUE + 1L, Math.min(Integer.MAX_VALUE, Math.floorDiv(published.getEpochSecond(), 60)));
    agency[doc] = agencyCode(agencyName);
    flags[doc] = (byte) flagBits;
    parent[doc] = doc;
    nextMember[doc] = doc;
    size++;
    if (size * 4L > byId.length * 3L) {
      int[] old = byId;
      byId = new int[old.length * 2];
      for (int e : old) {
        if (e != 0) {
          byId[freeSlot(idHash(idBytes, idStart[e - 1], idStart[e]))] = e;
        }
      }
    }
    byId[freeSlot(idHash(b, 0, b.length))] = doc + 1;
    return doc;
  }

  /** Shingles of document {@code doc}: one per token from the {@code k}-th on. */
  int shingles(int doc) {
    return Math.max(0, tokens[doc] - shingleSize + 1);
  }

  private int freeSlot(int hash) {
    int mask = byId.length - 1;
    int slot = hash & mask;
    while (byId[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private static int idHash(byte[] b, int from, int to) {
    long h = 0xcbf29ce484222325L;
    for (int i = from; i < to; i++) {
      h = (h ^ b[i]) * 0x100000001b3L;
    }
    return (int) (io.storyline.internal.Mix64.mix(h) >>> 32);
  }

  /** The number of the document with this id, or -1. */
  int find(String id) {
    byte[] b = id.getBytes(StandardCharsets.UTF_8);
    int mask = byId.length - 1;
    for (int slot = idHash(b, 0, b.length) & mask; byId[slot] != 0; slot = (slot + 1) & mask) {
      int doc = byId[slot] - 1;
      if (Arrays.equals(idBytes, idStart[doc], idStart[doc + 1], b, 0, b.length)) {
        return doc;
      }
    }
    return -1;
  }

  String id(int doc) {
    return new String(idBytes, idStart[doc], idStart[doc + 1] - idStart[doc], StandardCharsets.UTF_8);
  }

  String agency(int doc) {
    return agency[doc] == 0 ? null : agencies.get(agency[doc]);
  }

  String agencyName(short code) {
    return code <= 0 || code >= agencies.size() ? null : agencies.get(code);
  }

  boolean has(int doc, int flag) {
    return (flags[doc] & flag) != 0;
  }

  void set(int doc, int flag) {
    flags[doc] |= (byte) flag;
  }

  /** Union-find root with path halving. */
  int root(int doc) {
    while (parent[doc] != doc) {
      parent[doc] = parent[parent[doc]];
      doc = parent[doc];
    }
    return doc;
  }

  /** Joins the copy groups of two documents; the smaller root number stays root (stable group numbers). */
  void union(int x, int y) {
    int rx = root(x);
    int ry = root(y);
    if (rx != ry) {
      parent[Math.max(rx, ry)] = Math.min(rx, ry);
      int next = nextMember[rx]; // splice the two circular member lists into one
      nextMember[rx] = nextMember[ry];
      nextMember[ry] = next;
    }
  }

  long bytes() {
    return idBytes.length + idStart.length * 4L + normalizedHash.length * (8L + 4 + 4 + 2 + 1 + 4 + 4)
        + byId.length * 4L;
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

  private void grow() {
    int n = normalizedHash.length * 2;
    idStart = Arrays.copyOf(idStart, n + 1);
    normalizedHash = Arrays.copyOf(normalizedHash, n);
    tokens = Arrays.copyOf(tokens, n);
    publishedMinute = Arrays.copyOf(publishedMinute, n);
    agency = Arrays.copyOf(agency, n);
    flags = Arrays.copyOf(flags, n);
    parent = Arrays.copyOf(parent, n);
    nextMember = Arrays.copyOf(nextMember, n);
  }

  void write(DataOutputStream out) throws IOException {
    out.writeInt(size);
    out.writeInt(agencies.size());
    for (int i = 1; i < agencies.size(); i++) {
      out.writeUTF(agencies.get(i));
    }
    for (int d = 0; d < size; d++) {
      int len = idStart[d + 1] - idStart[d];
      out.writeInt(len);
      out.write(idBytes, idStart[d], len);
      out.writeLong(normalizedHash[d]);
      out.writeInt(tokens[d]);
      out.writeInt(publishedMinute[d]);
      out.writeShort(agency[d]);
      out.writeByte(flags[d]);
      out.writeInt(parent[d]);
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
      long hash = in.readLong();
      int tokenCount = in.readInt();
      int minute = in.readInt();
      short agency = in.readShort();
      byte flags = in.readByte();
      int parent = in.readInt();
      if (agency < 0 || agency >= agencyCount || parent < 0 || parent >= n) {
        throw new IOException("corrupt index: document " + d + " has agency " + agency + ", parent " + parent);
      }
      t.add(new String(id, StandardCharsets.UTF_8), hash, tokenCount, null, null, flags);
      t.publishedMinute[d] = minute;
      t.agency[d] = agency;
      t.parent[d] = parent;
    }
    for (int d = 0; d < n; d++) { // member lists: a root is its group's smallest number, so it comes first
      int r = t.root(d);
      if (r != d) {
        t.nextMember[d] = t.nextMember[r];
        t.nextMember[r] = d;
      }
    }
    return t;
  }
}
