package io.storyline.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Front door of reading: opens files, directory trees, JSON Lines and WARC files as one stream of
 * {@link RawDocument}s. Immutable and thread-safe; each {@link #open} gives an independent, single-threaded
 * reader.
 *
 * <pre>{@code
 * Ingest ingest = Ingest.builder().problems(p -> System.err.println(p)).build();
 * try (DocumentReader reader = ingest.open(List.of(Path.of("crawl")))) {
 *   reader.stream().forEach(doc -> ...);
 * }
 * }</pre>
 */
public final class Ingest {
  /** Default largest document: 20 MB per file, JSON line or WARC record. */
  public static final long DEFAULT_MAX_FILE_SIZE = 20L * 1024 * 1024;
  /** The most {@link Builder#maxFileSize} accepts (documents are held in memory one at a time). */
  public static final long MAX_FILE_SIZE_LIMIT = Integer.MAX_VALUE - 8;

  private final long maxFileSize;
  private final Consumer<ReadProblem> problems;
  private final Path exclude;
  private final ObjectMapper json;

  private Ingest(Builder b) {
    this.maxFileSize = b.maxFileSize;
    this.problems = b.problems;
    this.exclude = b.exclude;
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxStringLength((int) Math.max(StreamReadConstraints.DEFAULT_MAX_STRING_LEN, maxFileSize))
            .build())
        .build();
    this.json = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /** A reader with the defaults: 20 MB limit, problems dropped (set a sink with {@link #builder()}). */
  public static Ingest create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Opens the inputs, in the order given, as one lazy reader. Nothing is read until {@link DocumentReader#next()}.
   *
   * @throws NoSuchFileException      when an input does not exist (nothing is read then)
   * @throws IllegalArgumentException when {@code inputs} is empty
   */
  public DocumentReader open(List<Path> inputs) throws IOException {
    Objects.requireNonNull(inputs, "inputs");
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("inputs must name at least one file or directory, got []");
    }
    for (Path p : inputs) {
      Objects.requireNonNull(p, "inputs contains null");
      if (!Files.exists(p)) {
        throw new NoSuchFileException(p.toString(), null, "input not found; check the path");
      }
    }
    return new InputReader(inputs, maxFileSize, json, problems, exclude);
  }

  /** {@link #open(List)} for a few paths. */
  public DocumentReader open(Path... inputs) throws IOException {
    return open(List.of(inputs));
  }

  /**
   * Reads JSON Lines from a stream that is not a file, such as an HTTP request body: the same fields and rules as a
   * {@code .jsonl} input, with {@code name} standing for the file in locations ({@code name:3}) and in the ids of
   * lines without one. Bad lines go to the problem sink; duplicate ids are passed on (the caller decides). Closing
   * the reader closes {@code in}.
   */
  public DocumentReader openJsonLines(InputStream in, String name) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(name, "name");
    JsonLinesSource source = new JsonLinesSource(in, name, name, maxFileSize, json, problems);
    return new DocumentReader() {
      @Override
      public Optional<RawDocument> next() throws IOException {
        try {
          return Optional.ofNullable(source.next());
        } catch (BadInputException e) {
          problems.accept(e.problem());
          return Optional.empty();
        }
      }

      @Override
      public void close() throws IOException {
        source.close();
      }
    };
  }

  /**
   * Opens one file under a name of the caller's choosing, for callers that list inputs themselves (the Spark job
   * lists HDFS or S3 folders, copies a file to local disk and reads it here). Documents are read as
   * {@link #open(List)} reads that file; the format comes from the file's name, as always. A text or HTML
   * document gets {@code id} as its id, a JSON line without an id gets {@code id:line}; every location (for
   * messages and problems) starts with {@code location} instead of the local path, e.g.
   * {@code hdfs://nn/crawl/a.warc.gz@1234}.
   *
   * @throws NoSuchFileException      when {@code file} does not exist
   * @throws IllegalArgumentException when {@code file} is a directory, or {@code id} or {@code location} is blank
   */
  public DocumentReader openFile(Path file, String id, String location) throws IOException {
    Objects.requireNonNull(file, "file");
    if (id == null || id.isBlank() || location == null || location.isBlank()) {
      throw new IllegalArgumentException("id and location must not be blank, got id=\"" + id + "\" location=\""
          + location + "\" for " + file);
    }
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException("openFile reads one file, got the directory " + file + "; use open(...)");
    }
    if (!Files.exists(file)) {
      throw new NoSuchFileException(file.toString(), null, "input not found; check the path");
    }
    return new InputReader(file, id, location, maxFileSize, json, problems);
  }

  /** The largest file, JSON line or WARC record read, in bytes. */
  public long maxFileSize() {
    return maxFileSize;
  }

  /** Configures an {@link Ingest}; each option may be set once. */
  public static final class Builder {
    private long maxFileSize = DEFAULT_MAX_FILE_SIZE;
    private boolean maxFileSizeSet;
    private Consumer<ReadProblem> problems = p -> { };
    private boolean problemsSet;
    private Path exclude;

    private Builder() {}

    /**
     * The largest document in bytes: a text or HTML file (after gunzip), a JSON line, or a WARC record's page.
     * Larger ones are skipped with a {@link ReadProblem.Cause#TOO_LARGE} problem. Container files (WARC, JSONL)
     * may be of any size. Default {@link #DEFAULT_MAX_FILE_SIZE}.
     */
    public Builder maxFileSize(long bytes) {
      if (maxFileSizeSet) {
        throw new IllegalStateException("maxFileSize was already set to " + maxFileSize);
      }
      if (bytes < 1 || bytes > MAX_FILE_SIZE_LIMIT) {
        throw new IllegalArgumentException("maxFileSize must be between 1 and " + MAX_FILE_SIZE_LIMIT
            + " bytes, got " + bytes);
      }
      this.maxFileSize = bytes;
      this.maxFileSizeSet = true;
      return this;
    }

    /**
     * Where skipped files, lines and records are reported, as they happen, on the reading thread.
     * Default: dropped.
     */
    public Builder problems(Consumer<ReadProblem> sink) {
      if (problemsSet) {
        throw new IllegalStateException("problems was already set");
      }
      this.problems = Objects.requireNonNull(sink, "sink");
      this.problemsSet = true;
      return this;
    }

    /**
     * A file that is passed over when a directory walk meets it: the caller's own output file, so that
     * {@code storyline extract crawl -o crawl/articles.jsonl} does not read what it is writing. Compared by
     * real path when the walk reaches a file of that name; it need not exist yet.
     */
    public Builder exclude(Path file) {
      if (exclude != null) {
        throw new IllegalStateException("exclude was already set to " + exclude);
      }
      this.exclude = Objects.requireNonNull(file, "file");
      return this;
    }

    public Ingest build() {
      return new Ingest(this);
    }
  }
}
