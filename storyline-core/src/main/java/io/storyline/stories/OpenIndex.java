package io.storyline.stories;

import java.util.Comparator;
import java.util.List;

/**
 * Candidate retrieval among a clusterer's open stories, used when the similarity has no embedding component
 * ({@link Similarity#zeroWithoutSharedKeys}) and the thresholds are positive. Method: {@link PrunedSearch} over
 * {@link Postings} of the stories' term and entity keys: a story reached by no key of the document has similarity
 * exactly 0, and one reached only by the query's light keys (the common words) has a similarity bounded by the
 * norm of those keys (Cauchy–Schwarz), so neither can reach the threshold once that bound is below it. The stories
 * whose accumulated score reaches the threshold less {@link #MARGIN} are returned in opening order and rescored by
 * the caller with {@link Similarity}'s own methods, so the clusterer's choice (the first best story in opening
 * order, the first mergeable story) and the scores it reports are those of scanning every open story: the margin
 * covers the rounding of summing the same products in another order (relative error about 1e-13 for 600 products).
 *
 * <p>Measured: see the README, Benchmarks / Spark. Accumulating over every key of the query (the index before the
 * bound) made the merge check after each join cost about (open stories) × (centroid size, up to 600 terms): a
 * centroid's common words reach most open stories. With the bound the search stops admitting stories once the
 * keys not yet read (the lightest) can no longer lift an unseen story to the threshold; {@link PrunedSearch} has the
 * share of postings walked and the documents per CPU-second.
 */
final class OpenIndex {
  /** Slack below a threshold for scores accumulated in another order; far above their rounding error. */
  static final double MARGIN = 1e-9;
  private static final Comparator<StoryState> OPENING = Comparator.comparingInt(s -> number(s.id));

  private final Similarity similarity;
  private final Postings<StoryState> terms = new Postings<>();
  private final Postings<StoryState> entities = new Postings<>();

  OpenIndex(Similarity similarity) {
    this.similarity = similarity;
  }

  /** A story took a document (or was opened by it): its new keys are posted. */
  void post(StoryState story, DocumentFeatures doc) {
    terms.add(story, story.terms, doc.terms().keySet());
    entities.add(story, story.entities, doc.entityVector().keySet());
  }

  /** {@code keep} absorbed {@code gone}, which is no longer open. */
  void absorb(StoryState keep, StoryState gone) {
    terms.add(keep, keep.terms, terms.keys(gone));
    entities.add(keep, keep.entities, entities.keys(gone));
    remove(gone);
  }

  void remove(StoryState story) {
    terms.remove(story);
    entities.remove(story);
  }

  /** The open stories whose similarity to {@code doc} may reach {@code threshold}, in opening order. */
  List<StoryState> candidates(DocumentFeatures doc, double threshold) {
    // the document's vectors are unit length: Bag.cosine(Map) divides by the story's norm only
    boolean withEntities = !doc.entityVector().isEmpty() && similarity.entity > 0;
    return PrunedSearch.search(new PrunedSearch.Component<>(terms, doc.terms(), 1, s -> s.terms.norm()),
        new PrunedSearch.Component<>(entities, doc.entityVector(), 1, s -> s.entities.norm()),
        new PrunedSearch.Scoring<>() {
          @Override
          public double score(StoryState s, double termDot, double entityDot) {
            return similarity.scoreFromDots(doc, s, termDot, entityDot);
          }

          @Override
          public double unseen(double termCosine, double entityCosine) {
            return similarity.mean(termCosine, entityCosine, withEntities);
          }
        }, threshold, null, OPENING);
  }

  /** The other open stories whose similarity to {@code grown} may reach {@code threshold}, in opening order. */
  List<StoryState> mergeCandidates(StoryState grown, double threshold) {
    boolean withEntities = !grown.entities.isEmpty() && similarity.entity > 0;
    return PrunedSearch.search(new PrunedSearch.Component<>(terms, grown.terms, s -> s.terms.norm()),
        new PrunedSearch.Component<>(entities, grown.entities, s -> s.entities.norm()), new PrunedSearch.Scoring<>() {
          @Override
          public double score(StoryState s, double termDot, double entityDot) {
            return similarity.scoreFromDots(grown, s, termDot, entityDot);
          }

          @Override
          public double unseen(double termCosine, double entityCosine) {
            // an open story without entities is scored on its terms alone: the larger of the two
            double termsOnly = similarity.mean(termCosine, 0, false);
            return withEntities ? Math.max(termsOnly, similarity.mean(termCosine, entityCosine, true)) : termsOnly;
          }
        }, threshold, grown, OPENING);
  }

  private static int number(String storyId) {
    return Integer.parseInt(storyId.substring(1));
  }
}
