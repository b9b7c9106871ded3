package io.storyline.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes one JSON object per line (UTF-8) to a file or to standard output: records and maps are written with
 * their fields in declaration order, null fields left out, {@link Instant}s as ISO-8601 strings.
 */
final class JsonLinesWriter implements Closeable {
  /** The mapper every command writes with; thread-safe. */
  static final ObjectMapper MAPPER = new ObjectMapper()
      .setSerializationInclusion(JsonInclude.Include.NON_NULL)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .registerModule(new SimpleModule("storyline-time").addSerializer(Instant.class, ToStringSerializer.instance));

  private final Writer out;
  private final boolean ownsOut;
  private final String target;
  private long lines;

  private JsonLinesWriter(Writer out, boolean ownsOut, String target) {
    this.out = out;
    this.ownsOut = ownsOut;
    this.target = target;
  }

  /** Writes to {@code file}, or to {@code stdout} when {@code file} is null. */
  static JsonLinesWriter open(Path file, PrintWriter stdout) throws IOException {
    if (file == null) {
      return new JsonLinesWriter(stdout, false, "standard output");
    }
    return new JsonLinesWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), true, file.toString());
  }

  /** Writes {@code value} as one line; an I/O failure is unchecked (it ends the command with exit code 1). */
  void write(Object value) {
    try {
      String line = MAPPER.writeValueAsString(value);
      out.write(line);
      out.write('\n');
      lines++;
      if ((lines & 255) == 0 && out instanceof PrintWriter && ((PrintWriter) out).checkError()) {
        throw new IOException("the reader went away (closed pipe?)");
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getName() + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to " + target + ": " + e.getMessage(), e);
    }
  }

  /** Pushes the lines written so far to the file or standard output (e.g. once they are acknowledged). */
  void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to " + target + ": " + e.getMessage(), e);
    }
  }

  /** Lines written so far. */
  long lines() {
    return lines;
  }

  /** Where the lines go, for messages. */
  String target() {
    return target;
  }

  @Override
  public void close() throws IOException {
    if (ownsOut) {
      out.close();
    } else {
      out.flush();
      if (out instanceof PrintWriter && ((PrintWriter) out).checkError()) {
        throw new IOException("the write failed (closed pipe or full disk?)");
      }
    }
  }
}
