package io.storyline.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A file that is one document: plain text or an HTML page, possibly gzip-compressed. */
final class SingleFileSource implements DocumentSource {
  private final Path file;
  private final String id;
  private final String location;
  private final boolean html;
  private final boolean gzip;
  private final long limit;
  private boolean done;

  SingleFileSource(Path file, String id, String location, boolean html, boolean gzip, long limit) {
    this.file = file;
    this.id = id;
    this.location = location;
    this.html = html;
    this.gzip = gzip;
    this.limit = limit;
  }

  @Override
  public RawDocument next() throws IOException, BadInputException {
    if (done) {
      return null;
    }
    done = true;
    long size = Files.size(file);
    if (size == 0) {
      throw new BadInputException(location, ReadProblem.Cause.EMPTY, "empty file (0 bytes)");
    }
    if (!gzip && size > limit) {
      throw ByteInput.tooLarge(location, "the file (" + ByteInput.formatSize(size) + ")", limit);
    }
    byte[] bytes;
    try (InputStream in = ByteInput.open(file, gzip, location)) {
      bytes = gzip ? ByteInput.readBounded(in, limit, location, "the decompressed file")
          : ByteInput.readBounded(in, limit, location, "the file", size);
    }
    return decode(bytes, id, location, html);
  }

  /** Bytes of one text or HTML document to a document, or the reason they are not one. */
  static RawDocument decode(byte[] bytes, String id, String location, boolean html)
      throws BadInputException {
    if (bytes.length == 0) {
      throw new BadInputException(location, ReadProblem.Cause.EMPTY, "empty file (no bytes after decompression)");
    }
    String binary = TextDecoding.binaryReason(bytes);
    if (binary != null) {
      throw new BadInputException(location, ReadProblem.Cause.BINARY, binary);
    }
    TextDecoding.Decoded d = html ? TextDecoding.decodeHtml(bytes, null) : TextDecoding.decodeText(bytes);
    if (d.text().isBlank()) {
      throw new BadInputException(location, ReadProblem.Cause.EMPTY, "no text (only whitespace)");
    }
    return new RawDocument(id, location, html ? RawDocument.ContentKind.HTML : RawDocument.ContentKind.TEXT,
        d.charset(), d.text(), null, null, null, null);
  }

  @Override
  public long position() {
    return 0;
  }

  @Override
  public SeenIds.PlaceKind placeKind() {
    return SeenIds.PlaceKind.FILE;
  }

  @Override
  public void close() {
    // nothing held open between calls
  }
}
