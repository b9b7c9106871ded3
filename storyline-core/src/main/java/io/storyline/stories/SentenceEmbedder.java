package io.storyline.stories;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Dense sentence embeddings from all-MiniLM-L6-v2 (Reimers and Gurevych 2019; Wang et al. 2020), the 8-bit
 * quantized ONNX export shipped inside the langchain4j jar and run by ONNX Runtime 1.20.0 in process: nothing is
 * downloaded at run time. 384 dimensions, unit length. The model reads at most 256 word pieces, so callers pass the
 * headline and lead, which is where a news text says what it is about. Thread-safe; the model loads once (about
 * 0.8 s) on first use.
 */
final class SentenceEmbedder {
  static final int DIMENSIONS = 384;

  private static final class Holder {
    static final EmbeddingModel MODEL = new AllMiniLmL6V2QuantizedEmbeddingModel();
  }

  /**
   * Recent embeddings by text. Copies of one wire story share their headline and lead, so a stream repeats inputs;
   * the cache also makes re-running a batch with other thresholds cheap. 8192 entries, about 13 MB.
   */
  private static final int CACHE_ENTRIES = 8192;

  private static final Map<String, float[]> CACHE = Collections.synchronizedMap(
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
          return size() > CACHE_ENTRIES;
        }
      });

  /** Unit-length embedding of {@code text}; a zero vector for blank text. The result must not be modified. */
  float[] embed(String text) {
    if (text == null || text.isBlank()) {
      return new float[DIMENSIONS];
    }
    float[] cached = CACHE.get(text);
    if (cached != null) {
      return cached;
    }
    float[] v = compute(text);
    CACHE.put(text, v);
    return v;
  }

  private static float[] compute(String text) {
    float[] v = Holder.MODEL.embed(text).content().vector();
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) {
      for (int i = 0; i < v.length; i++) {
        v[i] = (float) (v[i] / norm);
      }
    }
    return v;
  }
}
