package io.storyline.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * The {@link DocumentReader} behind {@link Ingest}: walks the inputs in the order given (directories
 * depth-first, sorted), opens one {@link DocumentSource} per file, names documents, drops duplicate ids, and
 * turns every failure of a file, line or record into a {@link ReadProblem}. Holds at most one file's source
 * and one document at a time. Not thread-safe.
 */
final class InputReader implements DocumentReader {
  private final Iterator<Path> inputs;
  private final long limit;
  private final ObjectMapper json;
  private final Consumer<ReadProblem> problems;
  private final Path exclude;
  private final SeenIds seen = new SeenIds();
  /** For {@link Ingest#openFile}: the id and location the caller gave its one file; null otherwise. */
  private final String namedId;
  private final String namedLocation;
  private Path root;
  private FileWalker walker;
  private DocumentSource source;
  private String sourceLocation;
  private boolean closed;

  InputReader(List<Path> inputs, long limit, ObjectMapper json, Consumer<ReadProblem> problems, Path exclude) {
    this.inputs = List.copyOf(inputs).iterator();
    this.exclude = exclude;
    this.limit = limit;
    this.json = json;
    this.problems = problems;
    this.namedId = null;
    this.namedLocation = null;
  }

  /** Reads one file under the caller's id and location ({@link Ingest#openFile}). */
  InputReader(Path file, String id, String location, long limit, ObjectMapper json, Consumer<ReadProblem> problems) {
    this.inputs = List.of(file).iterator();
    this.exclude = null;
    this.limit = limit;
    this.json = json;
    this.problems = problems;
    this.namedId = id;
    this.namedLocation = location;
  }

  @Override
  public Optional<RawDocument> next() throws IOException {
    if (closed) {
      throw new IllegalStateException("reader is closed");
    }
    while (true) {
      if (source != null) {
        RawDocument doc = null;
        try {
          doc = source.next();
        } catch (BadInputException e) {
          problems.accept(e.problem());
        } catch (IOException e) {
          problems.accept(unreadable(sourceLocation, e));
        } catch (RuntimeException e) {
          problems.accept(new ReadProblem(sourceLocation, "unexpected error while reading ("
              + e.getClass().getSimpleName() + ": " + e.getMessage() + "); rest of the file skipped",
              ReadProblem.Cause.OTHER));
        }
        if (doc == null) {
          closeSource();
          continue;
        }
        String first = seen.add(doc.id(), source.position());
        if (first != null) {
          problems.accept(new ReadProblem(doc.location(), "duplicate id \"" + doc.id() + "\", already read from "
              + first + "; this one skipped", ReadProblem.Cause.DUPLICATE_ID));
          continue;
        }
        return Optional.of(doc);
      }
      Path file = nextFile();
      if (file == null) {
        return Optional.empty();
      }
      open(file);
    }
  }

  /** The next file to read, from the current directory walk or the next input; null when all are done. */
  private Path nextFile() {
    while (true) {
      if (walker != null) {
        Path p = walker.next();
        if (p != null) {
          return p;
        }
        walker = null;
      }
      if (!inputs.hasNext()) {
        return null;
      }
      Path input = inputs.next();
      if (Files.isDirectory(input)) {
        root = input;
        walker = new FileWalker(input, problems, exclude);
      } else {
        root = null;
        if (!Files.exists(input)) {
          problems.accept(new ReadProblem(namedLocation != null ? namedLocation : input.toString(),
              "input disappeared before it was read",
              ReadProblem.Cause.UNREADABLE));
          continue;
        }
        if (!Files.isRegularFile(input)) {
          // a pipe would block until a writer comes, and sniffing its first bytes would consume them
          problems.accept(new ReadProblem(input.toString(), "not a regular file (device, socket or pipe); "
              + "save the stream to a file and read that", ReadProblem.Cause.UNSUPPORTED));
          continue;
        }
        return input;
      }
    }
  }

  private void open(Path file) {
    String name = file.getFileName().toString();
    String id = namedId != null ? namedId : root == null ? name : relativeId(root, file);
    String location = namedLocation != null ? namedLocation : file.toString();
    sourceLocation = location;
    FileType type = FileType.of(name);
    try {
      if (type.format() == FileType.Format.UNSUPPORTED) {
        throw new BadInputException(location, ReadProblem.Cause.UNSUPPORTED, "unsupported file type "
            + FileType.extension(type.gzip() ? name.substring(0, name.length() - 3) : name)
            + "; Storyline reads " + FileType.SUPPORTED);
      }
      if (type.format() == FileType.Format.SNIFF) {
        type = sniff(file, type.gzip(), location);
      }
      switch (type.format()) {
        case WARC:
          source = new WarcSource(file, location, limit, problems);
          break;
        case JSONL:
          source = new JsonLinesSource(ByteInput.open(file, type.gzip(), location), id, location, limit, json,
              problems);
          break;
        default:
          source = new SingleFileSource(file, id, location, type.format() == FileType.Format.HTML, type.gzip(),
              limit);
          break;
      }
      seen.enterFile(location, source.placeKind());
    } catch (BadInputException e) {
      problems.accept(e.problem());
    } catch (IOException e) {
      problems.accept(unreadable(location, e));
    }
  }

  /**
   * What a file without an extension holds, from its first KB: a WARC ({@code WARC/}, possibly gzipped), a JSON
   * Lines file (starts with '{'), an HTML page ({@code <html}, {@code <!doctype html}, {@code <head},
   * {@code <body}), else plain text.
   */
  private static FileType sniff(Path file, boolean gzip, String location) throws IOException, BadInputException {
    byte[] head;
    try (InputStream in = ByteInput.open(file, gzip, location)) {
      head = in.readNBytes(1024);
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      throw ByteInput.gzipProblem(location, e, "its first bytes");
    }
    if (!gzip && TextDecoding.startsWith(head, 0x1f, 0x8b)) {
      try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
        byte[] inner = in.readNBytes(5);
        if (new String(inner, StandardCharsets.US_ASCII).equals("WARC/")) {
          return new FileType(FileType.Format.WARC, false);
        }
      } catch (IOException e) {
        // not a readable gzip: fall through, the binary check names it
      }
    }
    String s = new String(head, StandardCharsets.ISO_8859_1).stripLeading();
    if (s.startsWith("\u00ef\u00bb\u00bf")) {
      s = s.substring(3).stripLeading();
    }
    if (!gzip && s.startsWith("WARC/")) {
      return new FileType(FileType.Format.WARC, false);
    }
    if (s.startsWith("{")) {
      return new FileType(FileType.Format.JSONL, gzip);
    }
    String lower = s.toLowerCase(Locale.ROOT);
    boolean html = lower.startsWith("<!doctype html") || lower.contains("<html") || lower.contains("<head")
        || lower.contains("<body");
    return new FileType(html ? FileType.Format.HTML : FileType.Format.TEXT, gzip);
  }

  /** The path of {@code file} relative to {@code dir}, with '/' between names on every platform. */
  static String relativeId(Path dir, Path file) {
    Path rel = dir.relativize(file);
    StringBuilder sb = new StringBuilder();
    for (Path part : rel) {
      if (sb.length() > 0) {
        sb.append('/');
      }
      sb.append(part);
    }
    return sb.toString();
  }

  private static ReadProblem unreadable(String location, IOException e) {
    String next = e instanceof AccessDeniedException ? "; check its permissions" : "";
    return new ReadProblem(location, "cannot read: " + FileWalker.message(e) + next, ReadProblem.Cause.UNREADABLE);
  }

  private void closeSource() {
    if (source != null) {
      try {
        source.close();
      } catch (IOException e) {
        // the file was fully read or already reported; a failed close loses nothing
      }
      source = null;
    }
  }

  @Override
  public void close() {
    closeSource();
    walker = null;
    closed = true;
  }
}
