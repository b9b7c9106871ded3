package io.storyline.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * The ids read so far, to find duplicates in bounded memory.
 *
 * <p>Method: an open-addressing hash table (linear probing, load at most 0.5) of 64-bit id hashes, each beside
 * a packed "place" of its first occurrence: the ordinal of the file it came from (the high 24 bits) and the line
 * or byte offset inside that file (the low 40 bits). File locations are kept once per file that yielded a
 * document, so the table costs 32 bytes per distinct id plus one path per file — 32 MB for a million documents —
 * instead of every id string. Both places of a duplicate can still be named. The hash is FNV-1a over the UTF-16
 * chars followed by the MurmurHash3 64-bit finaliser (Appleby 2011); two different ids collide with probability
 * about n²/2⁶⁵ (3·10⁻⁶ for ten million ids), and a collision would be reported as a duplicate naming both places,
 * so it can be checked by hand.
 */
final class SeenIds {
  private static final int FILE_BITS = 24;
  private static final int POSITION_BITS = 64 - FILE_BITS;
  private static final long POSITION_MASK = (1L << POSITION_BITS) - 1;

  /** How a file's location and a position combine into a document location. */
  enum PlaceKind {
    /** A whole file is one document: the location is the path. */
    FILE,
    /** {@code path:line}. */
    LINE,
    /** {@code path@offset}. */
    OFFSET
  }

  private record FilePlace(String path, PlaceKind kind) {}

  private long[] hashes = new long[1 << 10];
  private long[] places = new long[1 << 10];
  private int size;
  private final List<FilePlace> files = new ArrayList<>();
  private String currentPath;
  private PlaceKind currentKind;
  private int currentFile = -1;

  /** Starts a new file; documents recorded after this call are placed in it. */
  void enterFile(String path, PlaceKind kind) {
    currentPath = path;
    currentKind = kind;
    currentFile = -1; // registered lazily, only if the file yields a document
  }

  /**
   * Records {@code id} at {@code position} (line or offset) of the current file. Returns null when the id is
   * new, else the location where it was first seen.
   */
  String add(String id, long position) {
    long h = hash(id);
    int mask = hashes.length - 1;
    int i = (int) h & mask;
    while (hashes[i] != 0) {
      if (hashes[i] == h) {
        return describe(places[i]);
      }
      i = (i + 1) & mask;
    }
    if (currentFile < 0) {
      files.add(new FilePlace(currentPath, currentKind));
      currentFile = files.size() - 1;
    }
    hashes[i] = h;
    places[i] = currentFile < (1 << FILE_BITS) && position >= 0 && position <= POSITION_MASK
        ? ((long) currentFile << POSITION_BITS) | position
        : -1L;
    if (++size * 2 > hashes.length) {
      grow();
    }
    return null;
  }

  int size() {
    return size;
  }

  private String describe(long place) {
    if (place == -1L) {
      return "an earlier input";
    }
    FilePlace f = files.get((int) (place >>> POSITION_BITS));
    long position = place & POSITION_MASK;
    switch (f.kind()) {
      case LINE:
        return f.path() + ":" + position;
      case OFFSET:
        return f.path() + "@" + position;
      default:
        return f.path();
    }
  }

  private void grow() {
    long[] oldHashes = hashes;
    long[] oldPlaces = places;
    hashes = new long[oldHashes.length * 2];
    places = new long[oldPlaces.length * 2];
    int mask = hashes.length - 1;
    for (int j = 0; j < oldHashes.length; j++) {
      long h = oldHashes[j];
      if (h != 0) {
        int i = (int) h & mask;
        while (hashes[i] != 0) {
          i = (i + 1) & mask;
        }
        hashes[i] = h;
        places[i] = oldPlaces[j];
      }
    }
  }

  /** 64-bit hash of a string; never 0 (0 marks an empty slot). */
  static long hash(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h == 0 ? 1 : h;
  }
}
