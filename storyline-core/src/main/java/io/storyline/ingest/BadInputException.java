package io.storyline.ingest;

/**
 * A piece of input that cannot be read as a document: carries the {@link ReadProblem} (location, reason, cause)
 * that the reader hands to its problem sink before skipping to the next file, line or record.
 */
final class BadInputException extends Exception {
  private final transient ReadProblem problem;

  BadInputException(String location, ReadProblem.Cause cause, String reason) {
    super(location + ": " + reason, null, false, false);
    this.problem = new ReadProblem(location, reason, cause);
  }

  ReadProblem problem() {
    return problem;
  }
}
