package io.storyline.stories;

/**
 * Document-to-story similarity: a weighted mean of three cosines, damped by the time gap.
 *
 * <pre>
 *   base  = (w_lex · cos(tfidf_d, Σ tfidf_s) + w_ent · cos(ent_d, Σ ent_s) + w_emb · cos(emb_d, Σ emb_s)) / Σ w
 *   score = base · exp(−gap / τ),  gap = hours between the document and the story's [first, last] span
 * </pre>
 * A component the document lacks (no entities in a short headline; embeddings off) drops out of both sums, so a
 * missing signal neither helps nor hurts; a story lacking what the document has scores 0 on it (evidence against).
 * This is the feature set of Miranda et al. (2018, TF-IDF of title and body, entities, time) and Staykovski et al.
 * (2019), with the dense embedding added as SCStory (Yoon et al. 2023) does. Weights and τ are set in
 * {@link StoryClusterer.Builder}; the defaults and the measurements behind them are documented there.
 */
final class Similarity {
  final double lexical;
  final double entity;
  final double embedding;
  final double timeScaleHours;

  Similarity(double lexical, double entity, double embedding, double timeScaleHours) {
    this.lexical = lexical;
    this.entity = entity;
    this.embedding = embedding;
    this.timeScaleHours = timeScaleHours;
  }

  /**
   * Background cosine of embeddings: the running mean over all document-to-story comparisons, most of which pair
   * unrelated texts. Sentence-embedding cosines have a corpus-dependent floor (about 0.15 between unrelated
   * headlines of a general feed, 0.35 or more between two court reports of one news desk), so the raw cosine is
   * rescaled to {@code (cos - background) / (1 - background)}, floored at 0, before it is mixed with the TF-IDF
   * cosine, whose floor is near 0 everywhere. Starts from {@value #PRIOR_BACKGROUND} weighted as
   * {@value #PRIOR_COMPARISONS} comparisons.
   */
  static final double PRIOR_BACKGROUND = 0.2;
  static final double PRIOR_COMPARISONS = 100;
  private double backgroundSum = PRIOR_BACKGROUND * PRIOR_COMPARISONS;
  private double backgroundCount = PRIOR_COMPARISONS;

  double background() {
    return backgroundSum / backgroundCount;
  }

  private double calibrated(double cosine) {
    double bg = background();
    return Math.max(0, (cosine - bg) / (1 - bg));
  }

  double score(DocumentFeatures d, StoryState s) {
    double sum = lexical * s.terms.cosine(d.terms());
    double weights = lexical;
    if (!d.entityVector().isEmpty() && entity > 0) {
      sum += entity * s.entities.cosine(d.entityVector());
      weights += entity;
    }
    if (d.embedding() != null && s.embeddingSum != null && embedding > 0) {
      double cos = s.embeddingCosine(d.embedding());
      sum += embedding * calibrated(cos);
      weights += embedding;
      backgroundSum += cos;
      backgroundCount++;
    }
    double base = weights == 0 ? 0 : sum / weights;
    return base * Math.exp(-s.gapHours(d.time()) / timeScaleHours);
  }

  /**
   * Whether a score is 0 for a story that shares no term and no entity key with the document (or story): true
   * without the embedding component, whose calibrated cosine can be positive for any pair and whose background
   * mean takes in every comparison. Candidate retrieval through {@link Postings} is exact only then.
   */
  boolean zeroWithoutSharedKeys() {
    return embedding == 0;
  }

  /**
   * {@link #score(DocumentFeatures, StoryState)} without embeddings, from the dot products of the document's term
   * and entity vectors with the story's centroids (accumulated through postings): the same expression, so equal
   * up to the order of the summed products.
   */
  double scoreFromDots(DocumentFeatures d, StoryState s, double termDot, double entityDot) {
    double sum = lexical * s.terms.cosineFromDot(termDot, d.terms().isEmpty());
    double weights = lexical;
    if (!d.entityVector().isEmpty() && entity > 0) {
      sum += entity * s.entities.cosineFromDot(entityDot, false);
      weights += entity;
    }
    double base = weights == 0 ? 0 : sum / weights;
    return base * Math.exp(-s.gapHours(d.time()) / timeScaleHours);
  }

  /**
   * The weighted mean of a term cosine and (when {@code withEntities}) an entity cosine: the base of the scores
   * without embeddings, before the time decay (at most 1). Nondecreasing in both cosines, so it turns bounds on
   * them into a bound on the score ({@link PrunedSearch}).
   */
  double mean(double termCosine, double entityCosine, boolean withEntities) {
    double sum = lexical * termCosine;
    double weights = lexical;
    if (withEntities) {
      sum += entity * entityCosine;
      weights += entity;
    }
    return weights == 0 ? 0 : sum / weights;
  }

  /** {@link #score(StoryState, StoryState)} without embeddings, from the centroids' dot products. */
  double scoreFromDots(StoryState a, StoryState b, double termDot, double entityDot) {
    double sum = lexical * a.terms.cosineFromDot(b.terms, termDot);
    double weights = lexical;
    if (!a.entities.isEmpty() && !b.entities.isEmpty() && entity > 0) {
      sum += entity * a.entities.cosineFromDot(b.entities, entityDot);
      weights += entity;
    }
    double base = weights == 0 ? 0 : sum / weights;
    double gap = b.last.isBefore(a.first) ? a.gapHours(b.last) : b.first.isAfter(a.last) ? a.gapHours(b.first) : 0;
    return base * Math.exp(-gap / timeScaleHours);
  }

  /** Story-to-story similarity with the same components (centroid cosines) and the gap between their spans. */
  double score(StoryState a, StoryState b) {
    double sum = lexical * a.terms.cosine(b.terms);
    double weights = lexical;
    if (!a.entities.isEmpty() && !b.entities.isEmpty() && entity > 0) {
      sum += entity * a.entities.cosine(b.entities);
      weights += entity;
    }
    if (a.embeddingSum != null && b.embeddingSum != null && embedding > 0) {
      sum += embedding * calibrated(StoryState.cosine(a.embeddingSum, b.embeddingSum));
      weights += embedding;
    }
    double base = weights == 0 ? 0 : sum / weights;
    double gap = b.last.isBefore(a.first) ? a.gapHours(b.last) : b.first.isAfter(a.last) ? a.gapHours(b.first) : 0;
    return base * Math.exp(-gap / timeScaleHours);
  }
}
