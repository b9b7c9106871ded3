package io.storyline.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A pull reader of documents. Lifecycle: open, call {@link #next()} until it is empty, {@link #close()}.
 * Recoverable problems (a bad file, line or record) go to the {@link ReadProblem} sink given when the reader
 * was opened; only fatal ones (the input itself cannot be listed) throw.
 */
public interface DocumentReader extends Closeable {

  /** The next document, or empty at the end of the input. */
  Optional<RawDocument> next() throws IOException;

  /** The remaining documents as a lazy sequential stream; closing the stream closes this reader. */
  default Stream<RawDocument> stream() {
    Iterator<RawDocument> it = new Iterator<>() {
      private RawDocument pending;

      @Override
      public boolean hasNext() {
        if (pending == null) {
          try {
            pending = DocumentReader.this.next().orElse(null);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        return pending != null;
      }

      @Override
      public RawDocument next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        RawDocument d = pending;
        pending = null;
        return d;
      }
    };
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false)
        .onClose(() -> {
          try {
            close();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
