package io.storyline.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.zip.ZipException;

/**
 * A JSON Lines file: one object per line with {@code id}, optional {@code url}, {@code title}, {@code text} or
 * {@code html}, {@code published} (ISO-8601, or Unix time in seconds or milliseconds) and {@code source}. Lines
 * are read one at a time from a 64 KB buffer; a line longer than the size limit is skipped without being held. Blank lines are ignored. Each bad
 * line (invalid UTF-8, malformed JSON, a field of the wrong type, neither body nor title) is reported as
 * {@code file:line} and skipped.
 */
final class JsonLinesSource implements DocumentSource {
  /** Jackson's pointer to a redacted source, e.g. " (start marker at [Source: REDACTED ...; line: 1, column: 1])". */
  private static final Pattern JACKSON_SOURCE = Pattern.compile("\\s*\\(?(start marker )?at \\[Source:.*$");
  private static final Pattern SPACE_BEFORE_TIME = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:.*)$");
  private static final Pattern OFFSET_WITHOUT_COLON =
      Pattern.compile("(T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?[+-]\\d{2})(\\d{2})$");

  private final InputStream in;
  private final String fileId;
  private final String path;
  private final long limit;
  private final ObjectMapper json;
  private final Consumer<ReadProblem> problems;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int end;
  private byte[] line = new byte[4096];
  private int lineLength;
  private boolean lineTooLong;
  private long lineNumber;
  private long documentLine;
  private boolean anyLine;

  JsonLinesSource(InputStream in, String fileId, String path, long limit, ObjectMapper json,
      Consumer<ReadProblem> problems) {
    this.in = in;
    this.fileId = fileId;
    this.path = path;
    this.limit = limit;
    this.json = json;
    this.problems = problems;
  }

  @Override
  public RawDocument next() throws IOException, BadInputException {
    while (readLine()) {
      String location = path + ":" + lineNumber;
      if (lineTooLong) {
        anyLine = true;
        problems.accept(ByteInput.tooLarge(location, "the line", limit).problem());
        continue;
      }
      int start = lineNumber == 1 && TextDecoding.startsWith(line, 0xef, 0xbb, 0xbf) && lineLength >= 3 ? 3 : 0;
      if (isBlank(start)) {
        continue;
      }
      anyLine = true;
      try {
        RawDocument doc = parse(Arrays.copyOfRange(line, start, lineLength), location);
        documentLine = lineNumber;
        return doc;
      } catch (BadInputException e) {
        problems.accept(e.problem());
      }
    }
    if (!anyLine) {
      anyLine = true; // reported once
      throw new BadInputException(path, ReadProblem.Cause.EMPTY,
          lineNumber == 0 ? "empty file (0 bytes)" : "empty file (only blank lines)");
    }
    return null;
  }

  private RawDocument parse(byte[] bytes, String location) throws BadInputException {
    String text = TextDecoding.strictUtf8(bytes, 0);
    if (text == null) {
      throw new BadInputException(location, ReadProblem.Cause.BAD_ENCODING, "invalid UTF-8 at byte "
          + (TextDecoding.firstInvalidUtf8(bytes) + 1) + " of the line; JSON Lines must be UTF-8");
    }
    JsonNode node;
    try {
      node = json.readTree(text);
    } catch (JsonProcessingException e) {
      String at = e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
      throw new BadInputException(location, ReadProblem.Cause.BAD_JSON_LINE,
          "malformed JSON" + at + ": " + firstLine(e.getOriginalMessage()));
    }
    if (node == null || !node.isObject()) {
      throw new BadInputException(location, ReadProblem.Cause.BAD_JSON_LINE,
          "expected one JSON object per line, got " + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)));
    }
    String id = field(node, "id", location, true);
    String url = field(node, "url", location, false);
    String title = field(node, "title", location, false);
    String body = field(node, "text", location, false);
    String html = field(node, "html", location, false);
    String source = field(node, "source", location, false);
    JsonNode published = node.get("published");
    RawDocument.ContentKind kind;
    String content;
    if (html != null && !html.isBlank()) {
      kind = RawDocument.ContentKind.HTML;
      content = html;
    } else if (body != null && !body.isBlank()) {
      kind = RawDocument.ContentKind.TEXT;
      content = body;
    } else if (title != null && !title.isBlank()) {
      kind = RawDocument.ContentKind.NONE;
      content = "";
    } else {
      throw new BadInputException(location, ReadProblem.Cause.EMPTY,
          "the line has no \"text\", \"html\" or \"title\"; nothing to read");
    }
    Instant when = published(published, location);
    return new RawDocument(id == null || id.isBlank() ? fileId + ":" + lineNumber : id, location, kind, null,
        content, url, title, when, source);
  }

  /**
   * The {@code published} field: an ISO-8601 string ({@link #parseInstant}) or a Unix time as a JSON integer, in
   * seconds, or in milliseconds when above 10^11 (seconds that large are past the year 5000). Anything else is
   * reported and the document kept without a date.
   */
  private Instant published(JsonNode v, String location) {
    if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
      return null;
    }
    Instant when = null;
    if (v.isTextual()) {
      when = parseInstant(v.asText());
    } else if (v.isIntegralNumber() && v.canConvertToLong()) {
      long n = v.asLong();
      when = Math.abs(n) < 100_000_000_000L ? Instant.ofEpochSecond(n) : Instant.ofEpochMilli(n);
    }
    if (when == null) {
      String shown = v.isTextual() ? "\"" + abbreviate(v.asText()) + "\"" : abbreviate(v.toString());
      problems.accept(new ReadProblem(location, "\"published\" is not an ISO-8601 date or time: " + shown
          + "; document kept without a date", ReadProblem.Cause.BAD_FIELD));
    }
    return when;
  }

  /** A string field, or null when absent or null; numbers are accepted for the id only. */
  private static String field(JsonNode node, String name, String location, boolean numberOk)
      throws BadInputException {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isTextual() || (numberOk && v.isIntegralNumber())) {
      return v.asText();
    }
    throw new BadInputException(location, ReadProblem.Cause.BAD_JSON_LINE,
        "field \"" + name + "\" must be a string, got " + v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * ISO-8601 instants, offset or zoned date-times; a local date-time or date is taken as UTC; a space instead of
   * 'T' between date and time, and an offset without a colon ({@code +0100}, PHP's {@code DATE_ISO8601}) are
   * accepted (common in feeds). Null when none of these parse.
   */
  static Instant parseInstant(String raw) {
    String s = SPACE_BEFORE_TIME.matcher(raw.trim()).replaceFirst("$1T$2");
    s = OFFSET_WITHOUT_COLON.matcher(s).replaceFirst("$1:$2");
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return ZonedDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Reads the next line into {@link #line}; false at the end of input. */
  private boolean readLine() throws IOException, BadInputException {
    lineLength = 0;
    lineTooLong = false;
    boolean any = false;
    while (true) {
      if (pos == end) {
        int n;
        try {
          n = in.read(buf);
        } catch (ZipException | EOFException e) {
          throw ByteInput.gzipProblem(path, e, lineNumber + " complete lines");
        }
        if (n < 0) {
          if (any) {
            lineNumber++;
          }
          return any;
        }
        pos = 0;
        end = n;
      }
      any = true;
      int nl = pos;
      while (nl < end && buf[nl] != '\n') {
        nl++;
      }
      append(pos, nl);
      if (nl < end) {
        pos = nl + 1;
        lineNumber++;
        if (lineLength > 0 && line[lineLength - 1] == '\r') {
          lineLength--;
        }
        return true;
      }
      pos = end;
    }
  }

  private void append(int from, int to) {
    int n = to - from;
    if (lineTooLong || n == 0) {
      return;
    }
    if ((long) lineLength + n > limit) {
      lineTooLong = true;
      lineLength = 0;
      return;
    }
    if (lineLength + n > line.length) {
      line = Arrays.copyOf(line, (int) Math.min(limit, Math.max((long) line.length * 2, lineLength + n)));
    }
    System.arraycopy(buf, from, line, lineLength, n);
    lineLength += n;
  }

  private boolean isBlank(int start) {
    for (int i = start; i < lineLength; i++) {
      byte b = line[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable";
    }
    int nl = s.indexOf('\n');
    String first = nl < 0 ? s : s.substring(0, nl);
    return JACKSON_SOURCE.matcher(first).replaceFirst("");
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }

  @Override
  public long position() {
    return documentLine;
  }

  @Override
  public SeenIds.PlaceKind placeKind() {
    return SeenIds.PlaceKind.LINE;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
