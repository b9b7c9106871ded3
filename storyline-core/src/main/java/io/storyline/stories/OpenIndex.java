package io.storyline.stories;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Candidate retrieval among a clusterer's open stories, used when the similarity has no embedding component
 * ({@link Similarity#zeroWithoutSharedKeys}) and the thresholds are positive. Method: term-at-a-time scoring through
 * {@link Postings} of the stories' term and entity keys; a story reached by no key of the document has similarity
 * exactly 0, below any positive threshold, so it can be neither joined nor merged. The stories whose accumulated
 * score reaches the threshold less {@link #MARGIN} are returned in opening order and rescored by the caller with
 * {@link Similarity}'s own methods, so the clusterer's choice (the first best story in opening order, the first
 * mergeable story) and the scores it reports are those of scanning every open story: the margin covers the
 * rounding of summing the same products in another order (relative error about 1e-13 for 600 products).
 *
 * <p>Measured: see the README, Benchmarks / Stories and Spark (cost per document no longer grows with the number
 * of open stories that share nothing with it; a story's common words still reach many stories).
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
    terms.add(story, doc.terms().keySet());
    entities.add(story, doc.entityVector().keySet());
  }

  /** {@code keep} absorbed {@code gone}, which is no longer open. */
  void absorb(StoryState keep, StoryState gone) {
    terms.add(keep, terms.keys(gone));
    entities.add(keep, entities.keys(gone));
    remove(gone);
  }

  void remove(StoryState story) {
    terms.remove(story);
    entities.remove(story);
  }

  /** The open stories whose similarity to {@code doc} may reach {@code threshold}, in opening order. */
  List<StoryState> candidates(DocumentFeatures doc, double threshold) {
    Map<StoryState, double[]> dots = Postings.dots();
    terms.accumulate(doc.terms(), (s, k) -> s.terms.weight(k), dots, 0);
    entities.accumulate(doc.entityVector(), (s, k) -> s.entities.weight(k), dots, 1);
    return Postings.reaching(dots,
        e -> similarity.scoreFromDots(doc, e.getKey(), e.getValue()[0], e.getValue()[1]), threshold - MARGIN,
        OPENING);
  }

  /** The other open stories whose similarity to {@code grown} may reach {@code threshold}, in opening order. */
  List<StoryState> mergeCandidates(StoryState grown, double threshold) {
    Map<StoryState, double[]> dots = Postings.dots();
    terms.accumulate(grown.terms, grown, (s, k) -> s.terms.weight(k), dots, 0);
    entities.accumulate(grown.entities, grown, (s, k) -> s.entities.weight(k), dots, 1);
    return Postings.reaching(dots,
        e -> similarity.scoreFromDots(grown, e.getKey(), e.getValue()[0], e.getValue()[1]), threshold - MARGIN,
        OPENING);
  }

  private static int number(String storyId) {
    return Integer.parseInt(storyId.substring(1));
  }
}
