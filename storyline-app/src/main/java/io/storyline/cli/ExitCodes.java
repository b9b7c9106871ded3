package io.storyline.cli;

/** Exit codes of every {@code storyline} command. */
public final class ExitCodes {
  /** Everything was read and processed. */
  public static final int OK = 0;
  /** A failure: nothing useful could be produced (e.g. an input path does not exist). */
  public static final int FAILURE = 1;
  /** Usage error: unknown command or option, missing argument. */
  public static final int USAGE = 2;
  /** Partial: output was written, but some inputs were skipped; the report on stderr names each one. */
  public static final int PARTIAL = 3;

  private ExitCodes() {}
}
