package io.storyline.stories;

import java.util.HashMap;
import java.util.Map;

/**
 * Online document frequencies for inverse document frequency: every document counts once per distinct key as it
 * arrives, so IDF reflects the stream seen so far (as in Miranda et al. 2018). {@code idf = ln((N + 1) / (df + 1)) + 1}
 * (the smoothed form: never zero, so a term every document has still counts a little). Memory grows with the
 * number of distinct keys (Heaps' law: about 100k distinct stems per million news articles, ~10 MB).
 */
final class Vocabulary {
  private final Map<String, int[]> df = new HashMap<>();
  private long documents;

  /** Counts one document holding these distinct keys. */
  void addDocument(Iterable<String> distinctKeys) {
    documents++;
    for (String k : distinctKeys) {
      df.computeIfAbsent(k, x -> new int[1])[0]++;
    }
  }

  /**
   * Takes in the counts of {@code documents} documents seen elsewhere before this stream's first (a stream cut into
   * pieces carries the frequencies of the pieces before): as if they had been added one by one.
   */
  void seed(long documents, Map<String, Integer> counts) {
    if (documents < 0) {
      throw new IllegalArgumentException("documents must be >= 0, was " + documents);
    }
    this.documents += documents;
    counts.forEach((k, n) -> {
      if (n < 0 || n > documents) {
        throw new IllegalArgumentException("document frequency of '" + k + "' must be in [0, " + documents
            + "], was " + n);
      }
      df.computeIfAbsent(k, x -> new int[1])[0] += n;
    });
  }

  /** Smoothed inverse document frequency of a key. */
  double idf(String key) {
    int[] d = df.get(key);
    return Math.log((documents + 1.0) / ((d == null ? 0 : d[0]) + 1.0)) + 1.0;
  }

  long documents() {
    return documents;
  }

  int size() {
    return df.size();
  }
}
