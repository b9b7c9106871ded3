package io.storyline.stories;

/** Kind of a named entity, typed by cues (gazetteers, titles, given names, organisation suffixes, prepositions). */
enum EntityType {
  PERSON,
  PLACE,
  ORGANISATION,
  /** A capitalised name without a decisive cue (events, products, works). */
  OTHER
}
