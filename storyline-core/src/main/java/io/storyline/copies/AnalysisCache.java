package io.storyline.copies;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Analyses of recently added or verified texts, least recently used evicted first, bounded in bytes. Copies of
 * one wire story arrive close together, so its analysis is verified again and again while it is hot; the cache
 * saves reading and re-tokenising its text each time. Thread-safe.
 */
final class AnalysisCache {
  private final long budget;
  private long used;
  private final LinkedHashMap<Integer, Analysis> map = new LinkedHashMap<>(256, 0.75f, true);

  AnalysisCache(long budgetBytes) {
    this.budget = budgetBytes;
  }

  synchronized long bytes() {
    return used;
  }

  synchronized Analysis get(int doc) {
    return map.get(doc);
  }

  synchronized void put(int doc, Analysis a) {
    long b = a.bytes();
    if (b > budget / 4) {
      return;
    }
    Analysis old = map.put(doc, a);
    if (old != null) {
      used -= old.bytes();
    }
    used += b;
    var it = map.entrySet().iterator();
    while (used > budget && it.hasNext()) {
      Map.Entry<Integer, Analysis> e = it.next();
      used -= e.getValue().bytes();
      it.remove();
    }
  }
}
