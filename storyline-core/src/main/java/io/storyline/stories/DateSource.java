package io.storyline.stories;

/** Where the time used to place a document in the stream came from. */
public enum DateSource {
  /** The article's own publication time. */
  PUBLISHED,
  /** The article had no usable date (missing, in the future, or the epoch): the time of the document before it. */
  PREVIOUS_DOCUMENT,
  /** The article had no usable date and was the first document: the clock's time when it arrived. */
  ARRIVAL
}
