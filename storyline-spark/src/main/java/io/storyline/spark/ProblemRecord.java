package io.storyline.spark;

import io.storyline.ingest.ReadProblem;
import java.util.Objects;

/**
 * A skipped file, line, record or document, as the CLI reports it ({@link ReadProblem}), with the input order
 * of the file it came from so that the problem report reads in input order.
 */
record ProblemRecord(long order, String location, String reason, ReadProblem.Cause cause) implements Item {

  ProblemRecord {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(cause, "cause");
  }

  static ProblemRecord of(long order, ReadProblem p) {
    return new ProblemRecord(order, p.location(), p.reason(), p.cause());
  }

  ReadProblem toProblem() {
    return new ReadProblem(location, reason, cause);
  }
}
