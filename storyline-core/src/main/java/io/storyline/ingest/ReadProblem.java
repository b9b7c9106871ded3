package io.storyline.ingest;

import java.util.Objects;

/**
 * Something in the input that was skipped, and why.
 *
 * @param location the file, {@code file:line} or {@code file@offset} that was skipped
 * @param reason   a sentence naming what is wrong and, where there is one, what to do about it
 */
public record ReadProblem(String location, String reason) {
  public ReadProblem {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    return location + ": " + reason;
  }
}
