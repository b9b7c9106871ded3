package io.storyline.copies;

import java.util.Objects;

/**
 * A document that another one takes text from.
 *
 * @param id          the source document's id
 * @param containment share of the taking document's shingles found in the source (0 to 1)
 * @param resemblance Jaccard resemblance of the two shingle sets (0 to 1)
 */
public record Source(String id, double containment, double resemblance) {
  public Source {
    Objects.requireNonNull(id, "id");
    if (!(containment >= 0 && containment <= 1) || !(resemblance >= 0 && resemblance <= 1)) {
      throw new IllegalArgumentException(
          "containment and resemblance must be in [0, 1], got " + containment + " and " + resemblance + " for " + id);
    }
  }
}
