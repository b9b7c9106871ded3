package io.storyline.ingest;

import java.util.Objects;

/**
 * Something in the input that was skipped, and why.
 *
 * @param location the file, {@code file:line} or {@code file@offset} that was skipped
 * @param reason   a sentence naming what is wrong and, where there is one, what to do about it
 * @param cause    the kind of problem, for summaries ("3 empty files, 1 truncated gzip")
 */
public record ReadProblem(String location, String reason, Cause cause) {

  /** The kinds of problem a reader reports; each is one line of the summary. */
  public enum Cause {
    /** The file could not be opened or read (permissions, I/O error). */
    UNREADABLE("unreadable file"),
    /** The file holds no bytes, or only whitespace. */
    EMPTY("empty file"),
    /** The file is not text (NUL bytes or mostly control characters). */
    BINARY("binary file"),
    /** A file, JSON line or WARC record is larger than the configured limit. */
    TOO_LARGE("over the size limit"),
    /** A gzip stream is corrupt or ends early. */
    BAD_GZIP("corrupt or truncated gzip"),
    /** A WARC record cannot be parsed. */
    BAD_WARC_RECORD("bad WARC record"),
    /** A JSONL line is not one valid JSON object with the expected fields. */
    BAD_JSON_LINE("malformed JSON line"),
    /** Bytes that are not valid in the required encoding (UTF-8 for JSONL). */
    BAD_ENCODING("invalid UTF-8"),
    /** A field could not be used; the document was kept without it. */
    BAD_FIELD("unusable field (document kept)"),
    /** A second document with an id already read; it was skipped. */
    DUPLICATE_ID("duplicate id"),
    /** A file whose name does not say what it holds. */
    UNSUPPORTED("unsupported file type"),
    /** Anything else. */
    OTHER("other problem");

    private final String label;

    Cause(String label) {
      this.label = label;
    }

    /** A short noun phrase for summaries, e.g. "malformed JSON line". */
    public String label() {
      return label;
    }
  }

  public ReadProblem {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(cause, "cause");
  }

  /** A problem of cause {@link Cause#OTHER}. */
  public ReadProblem(String location, String reason) {
    this(location, reason, Cause.OTHER);
  }

  @Override
  public String toString() {
    return location + ": " + reason;
  }
}
