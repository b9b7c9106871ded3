package io.storyline.stories;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the clusterer knows of one document: unit-length TF-IDF term and entity vectors, the optional unit-length
 * sentence embedding ({@code null} when embeddings are off), the entities found, and the time used.
 */
record DocumentFeatures(
    String id,
    String headline,
    String outlet,
    Instant time,
    Map<String, Double> terms,
    Map<String, Double> entityVector,
    List<Entity> entities,
    float[] embedding) {}
