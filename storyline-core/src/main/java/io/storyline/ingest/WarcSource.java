package io.storyline.ingest;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageBody;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTargetRecord;

/**
 * A WARC file (plain, or gzip-compressed per record or as a whole), read with jwarc. Documents are HTML pages:
 * {@code response} records whose HTTP status is 200 and whose payload is {@code text/html} or
 * {@code application/xhtml+xml} (or has no Content-Type and starts like HTML), and {@code resource} records of
 * those types. Requests, metadata, revisits, redirects, errors, images, scripts and the like are passed over
 * silently: they are part of every crawl, not problems. id and url = {@code WARC-Target-URI}, published =
 * {@code WARC-Date} (the capture time). The charset comes from a BOM, else the HTTP Content-Type, else the page.
 *
 * <p>A record that cannot be parsed is reported with its byte offset ({@code file.warc@1234}); reading then
 * resumes at the next record start found after the last good record (the next line starting {@code WARC/1.} in a plain WARC, the
 * next gzip member header in a compressed one), so one bad record does not cost the rest of the file.
 */
final class WarcSource implements DocumentSource {
  private static final byte[] WARC_MAGIC = "WARC/1.".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] GZIP_MAGIC = {0x1f, (byte) 0x8b, 0x08};

  private final FileChannel channel;
  private final String path;
  private final long limit;
  private final Consumer<ReadProblem> problems;
  private WarcReader reader;
  private boolean gzip;
  private boolean resyncing;
  private long offset;
  private long passedOver;

  WarcSource(Path file, String path, long limit, Consumer<ReadProblem> problems) throws IOException {
    this.channel = FileChannel.open(file, StandardOpenOption.READ);
    this.path = path;
    this.limit = limit;
    this.problems = problems;
    try {
      this.reader = openAt(0);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    this.gzip = reader.compression() == WarcCompression.GZIP;
  }

  private WarcReader openAt(long position) throws IOException {
    channel.position(position);
    WarcReader r = new WarcReader(channel);
    r.setLenient(true);
    return r;
  }

  @Override
  public RawDocument next() throws IOException, BadInputException {
    while (true) {
      Optional<WarcRecord> next;
      try {
        next = reader.next();
      } catch (IOException | RuntimeException e) {
        long at = reader.position();
        if (!resyncing) {
          problems.accept(new ReadProblem(path + "@" + at, "bad WARC record: " + FileWalker.message(e)
              + "; skipping to the next record", ReadProblem.Cause.BAD_WARC_RECORD));
        }
        // search from just after the last record read, not from where parsing failed: a record whose
        // Content-Length is too long swallows the start of the next one, which is found again this way
        if (!resync(offset + 1)) {
          return null;
        }
        continue;
      }
      if (next.isEmpty()) {
        return null;
      }
      resyncing = false;
      WarcRecord record = next.get();
      offset = reader.position();
      String location = path + "@" + offset;
      try {
        RawDocument doc = toDocument(record, location);
        if (doc != null) {
          return doc;
        }
        passedOver++;
      } catch (BadInputException e) {
        problems.accept(e.problem());
      } catch (IOException | RuntimeException e) {
        problems.accept(new ReadProblem(location, "bad WARC record: " + FileWalker.message(e),
            ReadProblem.Cause.BAD_WARC_RECORD));
        // a body that failed to read fails the next header too: report the damage once, and look for the next
        // record from just after this one's start (an overlong record may hold the next one's header)
        resyncing = true;
        if (!resync(offset + 1)) {
          return null;
        }
      }
    }
  }

  private RawDocument toDocument(WarcRecord record, String location) throws IOException, BadInputException {
    MediaType type;
    MessageBody body;
    boolean typeDeclared;
    if (record instanceof WarcResponse) {
      WarcResponse response = (WarcResponse) record;
      String base = base(response.contentType());
      if (!base.equals("application/http")) {
        return null; // dns:, gemini: and other non-HTTP captures
      }
      HttpResponse http = response.http();
      if (http.status() != 200) {
        return null;
      }
      typeDeclared = http.headers().first("Content-Type").isPresent();
      type = http.contentType();
      if (typeDeclared && !isHtml(type)) {
        return null;
      }
      body = http.bodyDecoded();
    } else if (record instanceof WarcResource) {
      typeDeclared = record.headers().first("Content-Type").isPresent();
      type = record.contentType();
      if (!isHtml(type)) {
        return null;
      }
      body = record.body();
    } else {
      return null;
    }
    String target = ((WarcTargetRecord) record).target();
    if (target == null || target.isBlank()) {
      throw new BadInputException(location, ReadProblem.Cause.BAD_WARC_RECORD,
          "record has no WARC-Target-URI, so the page has no id");
    }
    byte[] bytes;
    long size;
    try {
      size = body.size();
    } catch (IOException | RuntimeException e) {
      size = -1; // unknown for chunked or encoded bodies: the array grows as it reads
    }
    try (InputStream in = endIsDamage(body.stream())) {
      bytes = ByteInput.readBounded(in, limit, location, "the page", size);
    }
    if (!typeDeclared && !looksLikeHtml(bytes)) {
      return null;
    }
    if (bytes.length == 0) {
      throw new BadInputException(location, ReadProblem.Cause.EMPTY, "HTML response with an empty body");
    }
    String binary = TextDecoding.binaryReason(bytes);
    if (binary != null) {
      throw new BadInputException(location, ReadProblem.Cause.BINARY, "page declared as HTML holds " + binary);
    }
    TextDecoding.Decoded d = TextDecoding.decodeHtml(bytes, type.parameters().get("charset"));
    Instant date = null;
    try {
      date = record.date();
    } catch (RuntimeException e) {
      problems.accept(new ReadProblem(location, "unreadable WARC-Date: " + FileWalker.message(e)
          + "; document kept without a date", ReadProblem.Cause.BAD_FIELD));
    }
    return new RawDocument(target, location, RawDocument.ContentKind.HTML, d.charset(), d.text(), target, null,
        date, null);
  }

  /**
   * The body stream with an early end reported as a damaged record: jwarc signals a body shorter than its
   * Content-Length with an {@link EOFException}, which the size-limited read would take for a truncated gzip.
   */
  private static InputStream endIsDamage(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        try {
          return super.read();
        } catch (EOFException e) {
          throw damaged(e);
        }
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        try {
          return super.read(b, off, len);
        } catch (EOFException e) {
          throw damaged(e);
        }
      }

      private IOException damaged(EOFException e) {
        return new IOException("the record ends before its Content-Length (truncated file or wrong length)", e);
      }
    };
  }

  private static String base(MediaType type) {
    return (type.type() + "/" + type.subtype()).toLowerCase(Locale.ROOT);
  }

  private static boolean isHtml(MediaType type) {
    String base = base(type);
    return base.equals("text/html") || base.equals("application/xhtml+xml");
  }

  private static boolean looksLikeHtml(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1)
        .toLowerCase(Locale.ROOT);
    return head.contains("<html") || head.contains("<!doctype html") || head.contains("<head") || head.contains("<body");
  }

  /**
   * Finds the next record start at or after {@code from} and reopens the reader there; false at the end of the
   * file. Failures while resyncing are not reported again: the first report covers the damaged region.
   */
  private boolean resync(long from) throws IOException {
    resyncing = true;
    byte[] magic = gzip ? GZIP_MAGIC : WARC_MAGIC;
    long at = find(magic, from, !gzip);
    if (at < 0) {
      return false;
    }
    reader = openAt(at);
    offset = at;
    return true;
  }

  /** The position of the next {@code magic} at or after {@code from} (at a line start if asked), or -1. */
  private long find(byte[] magic, long from, boolean lineStart) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(1 << 16);
    long base = Math.max(0, from - 1); // one byte before, to see the preceding newline
    while (base < channel.size()) {
      buf.clear();
      int n = channel.read(buf, base);
      if (n <= 0) {
        return -1;
      }
      byte[] a = buf.array();
      for (int i = 0; i + magic.length <= n; i++) {
        long p = base + i;
        if (p < from || (lineStart && p > 0 && (i == 0 || a[i - 1] != '\n'))) {
          continue;
        }
        boolean match = true;
        for (int k = 0; k < magic.length && match; k++) {
          match = a[i + k] == magic[k];
        }
        if (match) {
          return p;
        }
      }
      if (n < magic.length + 1) {
        return -1;
      }
      base += n - magic.length; // overlap so a magic across the boundary is found
    }
    return -1;
  }

  /** How many records were passed over as not pages (requests, metadata, non-200, non-HTML). */
  long passedOver() {
    return passedOver;
  }

  @Override
  public long position() {
    return offset;
  }

  @Override
  public SeenIds.PlaceKind placeKind() {
    return SeenIds.PlaceKind.OFFSET;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
