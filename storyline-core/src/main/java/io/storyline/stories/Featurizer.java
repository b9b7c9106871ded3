package io.storyline.stories;

import io.storyline.extract.Article;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an article into {@link DocumentFeatures}, updating the online document frequencies.
 *
 * <p>Terms: stems of the headline, counted {@value #TITLE_WEIGHT} times, and of the first {@value #BODY_TERMS}
 * body terms (the lead carries the story; long tails add noise and cost); weight {@code (1 + ln tf) × idf}, unit
 * length. Entities: {@code (1 + ln mentions) × idf} over entity keys, unit length. Embedding input: the headline and
 * the first {@value #LEAD_WORDS} words of the body. A headline-only article simply has no body terms.
 * Not thread-safe (one per clusterer).
 */
final class Featurizer {
  static final int TITLE_WEIGHT = 2;
  static final int BODY_TERMS = 400;
  static final int LEAD_WORDS = 60;

  private static final java.util.regex.Pattern SPACE = java.util.regex.Pattern.compile("\\s+");
  /** Punctuation around a word (kept: quotes, brackets, and sentence marks after it); compiled once. */
  private static final java.util.regex.Pattern EDGE_PUNCTUATION =
      java.util.regex.Pattern.compile("^[^\\p{L}\\p{N}'\"(]+|[^\\p{L}\\p{N}'\".,;:!?)%]+$");

  private final Vocabulary termFrequencies = new Vocabulary();
  private final Vocabulary entityFrequencies = new Vocabulary();
  private final EntityExtractor entities = new EntityExtractor();
  private final SentenceEmbedder embedder;

  Featurizer(SentenceEmbedder embedder) {
    this.embedder = embedder;
  }

  DocumentFeatures features(Article article, Instant time) {
    return weigh(read(article, entities, embedder), time);
  }

  /** The stream-independent features of an article: term counts, entities, embedding (the costly part). */
  static StoryFeatures read(Article article, EntityExtractor entities, SentenceEmbedder embedder) {
    String title = article.title() == null ? "" : article.title();
    String body = article.text();
    Map<String, Integer> tf = new HashMap<>();
    for (String t : Terms.of(title)) {
      tf.merge(t, TITLE_WEIGHT, Integer::sum);
    }
    List<String> bodyTerms = Terms.of(body);
    for (String t : bodyTerms.subList(0, Math.min(BODY_TERMS, bodyTerms.size()))) {
      tf.merge(t, 1, Integer::sum);
    }
    List<Entity> found = entities.extract(title, body);
    float[] embedding = embedder == null ? null : embedder.embed(lead(title, body));
    String outlet = article.outlet() != null ? article.outlet() : article.agency();
    String headline = words(title, 40).isEmpty() ? firstWords(body, 12) : title;
    return new StoryFeatures(article.id(), article.published(), headline, outlet, tf, found, embedding);
  }

  /**
   * TF-IDF weights of read features at {@code time}, counting the document into the online document frequencies
   * first (as every document is counted when it arrives).
   */
  DocumentFeatures weigh(StoryFeatures f, Instant time) {
    Map<String, Integer> tf = f.termCounts();
    termFrequencies.addDocument(tf.keySet());
    Map<String, Double> terms = new HashMap<>();
    tf.forEach((t, n) -> terms.put(t, (1 + Math.log(n)) * termFrequencies.idf(t)));
    List<Entity> found = f.entities();
    Set<String> keys = new LinkedHashSet<>();
    for (Entity e : found) {
      keys.add(e.key());
    }
    entityFrequencies.addDocument(keys);
    Map<String, Double> ents = new HashMap<>();
    for (Entity e : found) {
      ents.put(e.key(), (1 + Math.log(e.mentions())) * entityFrequencies.idf(e.key()));
    }
    return new DocumentFeatures(f.id(), f.headline(), f.outlet(), time,
        Bag.normalised(terms), Bag.normalised(ents), found, f.embedding());
  }

  /** Counts {@code documents} earlier documents holding these keys (see {@link Vocabulary#seed}). */
  void seed(long documents, Map<String, Integer> termDocuments, Map<String, Integer> entityDocuments) {
    termFrequencies.seed(documents, termDocuments);
    entityFrequencies.seed(documents, entityDocuments);
  }

  EntityExtractor extractor() {
    return entities;
  }

  SentenceEmbedder embedder() {
    return embedder;
  }

  boolean embeds() {
    return embedder != null;
  }

  int vocabularySize() {
    return termFrequencies.size() + entityFrequencies.size();
  }

  /**
   * Headline and first words of the body for the embedding model. Only tokens holding a letter or digit count:
   * rule lines of dashes or equals signs (wire copy, flattened pages) cost one word piece per character and would
   * fill the model's 256-piece window, making unrelated texts look alike.
   */
  static String lead(String title, String body) {
    String t = String.join(" ", words(title, 40));
    String w = String.join(" ", words(body, LEAD_WORDS));
    return t.isEmpty() ? w : w.isEmpty() ? t : t + ". " + w;
  }

  private static String firstWords(String text, int n) {
    return String.join(" ", words(text, n));
  }

  private static List<String> words(String text, int n) {
    List<String> out = new java.util.ArrayList<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    for (String w : SPACE.split(text.strip())) {
      if (out.size() == n) {
        break;
      }
      if (w.codePoints().anyMatch(Character::isLetterOrDigit)) {
        out.add(EDGE_PUNCTUATION.matcher(w).replaceAll(""));
      }
    }
    return out;
  }
}
