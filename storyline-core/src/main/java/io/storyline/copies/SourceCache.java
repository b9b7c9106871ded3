package io.storyline.copies;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Source texts (tokens) of recently added or verified documents, least recently used evicted first, bounded in bytes. Copies of
 * one wire story arrive close together, so its text is verified again and again while it is hot; the cache
 * saves reading and re-tokenising its text each time. Holds {@link SourceText}s, about 10 bytes per word: some 15,000 texts of 480 words in the default 64 MB. Thread-safe.
 */
final class SourceCache {
  private final long budget;
  private long used;
  private final LinkedHashMap<Integer, SourceText> map = new LinkedHashMap<>(256, 0.75f, true);

  SourceCache(long budgetBytes) {
    this.budget = budgetBytes;
  }

  synchronized long bytes() {
    return used;
  }

  synchronized SourceText get(int doc) {
    return map.get(doc);
  }

  synchronized void put(int doc, SourceText a) {
    long b = a.bytes();
    if (b > budget / 4) {
      return;
    }
    SourceText old = map.put(doc, a);
    if (old != null) {
      used -= old.bytes();
    }
    used += b;
    var it = map.entrySet().iterator();
    while (used > budget && it.hasNext()) {
      Map.Entry<Integer, SourceText> e = it.next();
      used -= e.getValue().bytes();
      it.remove();
    }
  }
}
