package io.storyline.ingest;

import java.io.Closeable;
import java.io.IOException;

/**
 * The documents of one file. Problems with single lines or records go to the reader's problem sink and the
 * source carries on; a {@link BadInputException} or {@link IOException} ends the file (the reader reports it and
 * goes on with the next file).
 */
interface DocumentSource extends Closeable {

  /** The next document of this file, or null at its end. */
  RawDocument next() throws IOException, BadInputException;

  /** The line (JSONL) or byte offset (WARC) of the document last returned; 0 for one-document files. */
  long position();

  /** How {@link #position()} reads in a location. */
  SeenIds.PlaceKind placeKind();
}
