package io.storyline.copies;

import java.util.List;
import java.util.Objects;

/**
 * The answer to "is this a copy, of what, how much" for one document against the documents indexed before it.
 *
 * @param id           the document's id
 * @param relation     {@link Relation#EXACT}, {@link Relation#NEAR}, {@link Relation#PARTIAL} or
 *                     {@link Relation#UNIQUE} (never {@code ORIGINAL}: that needs the whole group, see
 *                     {@link CopyIndex#results()})
 * @param sources      the indexed documents it shares text with, highest containment first
 * @param evidence     what the relation was decided from ({@link Derivation}): reused and traced shares (see
 *                     {@link #reusedShare()}, {@link #tracedShare()}), its words, the main source's words
 * @param reason       why the document is {@code unique} when that is not simply "no shared text" (e.g. too
 *                     short to compare), else {@code null}
 */
public record CopyMatch(String id, Relation relation, List<Source> sources, Derivation.Evidence evidence,
    String reason) {

  public CopyMatch {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(relation, "relation");
    sources = List.copyOf(sources);
    if (relation == Relation.ORIGINAL) {
      throw new IllegalArgumentException("a single match cannot be ORIGINAL (document " + id + ")");
    }
    Objects.requireNonNull(evidence, "evidence");
  }

  /** Share of its words that lie in a run of 3 or more words also found in the sources. */
  public double reusedShare() {
    return evidence.reusedShare();
  }

  /**
   * Share of its words in sentences that trace back to a passage of a source (half or more of the sentence's
   * content, weighted by rarity, found there).
   */
  public double tracedShare() {
    return evidence.tracedShare();
  }
}
