package io.storyline.copies;

/** How one document relates to the copies of its text. */
public enum Relation {
  /** The group's original: the text the other members copy (see {@link CopyIndex#results()} for the rule). */
  ORIGINAL,
  /** The same text as another member once normalised (case, spacing, punctuation, quotes, accents). */
  EXACT,
  /** A version of the same text: wholly derived from it, or an edited, cut or extended copy. */
  NEAR,
  /** Takes a substantial part of its text (at least the partial threshold) from other documents. */
  PARTIAL,
  /** No reused text found (or the text is too short to compare; see the reason). */
  UNIQUE;

  /** The lower-case name used in JSON output. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
