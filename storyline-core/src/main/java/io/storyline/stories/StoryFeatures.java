package io.storyline.stories;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the clusterer reads from one article before it weighs anything: headline and lead terms with their counts,
 * the named entities, the optional sentence embedding, outlet and publication date. These are the costly part of
 * {@link StoryClusterer#add(io.storyline.extract.Article, String)} (tokenising, tagging, the embedding model) and
 * they do not depend on the stream, so a caller that clusters a large corpus in pieces (the Spark job) computes them
 * once, in parallel, and feeds them with {@link StoryClusterer#add(StoryFeatures, String)}; the TF-IDF weights are
 * computed when a clusterer takes them, from its own document frequencies. Immutable and serializable.
 */
public final class StoryFeatures implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String id;
  private final Instant published;
  private final String headline;
  private final String outlet;
  private final Map<String, Integer> termCounts;
  private final List<Entity> entities;
  private final float[] embedding;

  StoryFeatures(String id, Instant published, String headline, String outlet, Map<String, Integer> termCounts,
      List<Entity> entities, float[] embedding) {
    this.id = Objects.requireNonNull(id, "id");
    this.published = published;
    this.headline = headline;
    this.outlet = outlet;
    this.termCounts = Objects.requireNonNull(termCounts, "termCounts");
    this.entities = List.copyOf(entities);
    this.embedding = embedding;
  }

  /** The article's id. */
  public String id() {
    return id;
  }

  /** The article's publication date as given (possibly null or unusable; the clusterer dates it). */
  public Instant published() {
    return published;
  }

  /** Whether the features hold a sentence embedding (they were computed for a clusterer that uses them). */
  public boolean embedded() {
    return embedding != null;
  }

  /** The distinct index terms, as the term document frequencies count them. */
  public Set<String> termKeys() {
    return java.util.Collections.unmodifiableSet(termCounts.keySet());
  }

  /** The distinct entity keys in order of first mention, as the entity document frequencies count them. */
  public Set<String> entityKeys() {
    Set<String> keys = new LinkedHashSet<>();
    for (Entity e : entities) {
      keys.add(e.key());
    }
    return keys;
  }

  /** The entity keys, most mentioned first, first mentioned first on ties ({@link StoryClusterer#entityKeys}). */
  public List<String> entityKeysByMentions() {
    List<Entity> sorted = new ArrayList<>(entities);
    sorted.sort(Comparator.comparingInt((Entity e) -> -e.mentions()));
    List<String> keys = new ArrayList<>(sorted.size());
    for (Entity e : sorted) {
      keys.add(e.key());
    }
    return keys;
  }

  String headline() {
    return headline;
  }

  String outlet() {
    return outlet;
  }

  Map<String, Integer> termCounts() {
    return termCounts;
  }

  List<Entity> entities() {
    return entities;
  }

  float[] embedding() {
    return embedding;
  }

  /** Serialized as flat arrays ({@link Form}): a third of the default form's work for the map and the entities. */
  private Object writeReplace() {
    return new Form(this);
  }

  private void readObject(java.io.ObjectInputStream in) throws java.io.InvalidObjectException {
    throw new java.io.InvalidObjectException("StoryFeatures is serialized through its Form");
  }

  /**
   * The serialized form: term keys and counts in the map's iteration order (read back into a map of the same
   * default growth in that order, so it iterates alike and sums weights in the same order), entity fields.
   */
  private static final class Form implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String id;
    private final Instant published;
    private final String headline;
    private final String outlet;
    private final String[] terms;
    private final int[] counts;
    private final String[] entityKeys;
    private final String[] entityNames;
    private final byte[] entityTypes;
    private final int[] mentions;
    private final float[] embedding;

    Form(StoryFeatures f) {
      id = f.id;
      published = f.published;
      headline = f.headline;
      outlet = f.outlet;
      terms = new String[f.termCounts.size()];
      counts = new int[terms.length];
      int i = 0;
      for (Map.Entry<String, Integer> e : f.termCounts.entrySet()) {
        terms[i] = e.getKey();
        counts[i++] = e.getValue();
      }
      int n = f.entities.size();
      entityKeys = new String[n];
      entityNames = new String[n];
      entityTypes = new byte[n];
      mentions = new int[n];
      for (int j = 0; j < n; j++) {
        Entity e = f.entities.get(j);
        entityKeys[j] = e.key();
        entityNames[j] = e.name();
        entityTypes[j] = (byte) e.type().ordinal();
        mentions[j] = e.mentions();
      }
      embedding = f.embedding;
    }

    private Object readResolve() {
      Map<String, Integer> tf = new java.util.HashMap<>();
      for (int i = 0; i < terms.length; i++) {
        tf.put(terms[i], counts[i]);
      }
      List<Entity> entities = new ArrayList<>(entityKeys.length);
      for (int j = 0; j < entityKeys.length; j++) {
        entities.add(new Entity(entityKeys[j], entityNames[j], EntityType.values()[entityTypes[j]], mentions[j]));
      }
      return new StoryFeatures(id, published, headline, outlet, tf, entities, embedding);
    }
  }
}
