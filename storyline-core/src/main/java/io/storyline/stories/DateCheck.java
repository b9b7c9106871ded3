package io.storyline.stories;

import java.time.Duration;
import java.time.Instant;

/** Whether a publication date is usable for placing a document in the stream. */
final class DateCheck {
  /** Clock skew and time zones: a date up to a day ahead of the clock is still believed. */
  static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);

  private DateCheck() {}

  /** Why {@code published} cannot be used, or {@code null} when it can. */
  static String problem(Instant published, Instant now) {
    if (published == null) {
      return "no publication date";
    }
    if (published.equals(Instant.EPOCH)) {
      return "publication date is the epoch (1970-01-01), a parse default";
    }
    if (published.isAfter(now.plus(FUTURE_TOLERANCE))) {
      return "publication date " + published + " is in the future";
    }
    return null;
  }
}
