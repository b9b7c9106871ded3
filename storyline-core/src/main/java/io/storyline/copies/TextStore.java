package io.storyline.copies;

import io.storyline.fingerprint.Fingerprinter;
import io.storyline.fingerprint.Tokens;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The texts of indexed documents, for verifying candidates (exact containment and alignment need the words).
 * Either in memory, or appended to a file so that memory is bounded by the index and not by the texts: a
 * document costs 12 bytes of heap there (offset and length) and its text is read back with one positional read,
 * usually from the page cache. The file also keeps each text's tokens after it ({@link Tokens#writeTo}: 8 bytes
 * per word, and the set sizes when known), so that a source verified long after it was added is read back in
 * a few microseconds instead of being tokenised again (about 40 us for 480 words).
 */
abstract class TextStore implements Closeable {

  /** Stores a document's text and, when the store keeps them, its tokens and set sizes. */
  abstract void put(int doc, String text, SourceText source);

  abstract String get(int doc);

  /**
   * The stored tokens of a document ({@code tokenCount} of them, text hash {@code textHash}), or {@code null}
   * when this store does not keep tokens.
   */
  abstract SourceText source(int doc, int tokenCount, int textHash, Fingerprinter fp);

  /** Heap bytes used per document beyond the text itself (for the memory report). */
  abstract long overheadBytes();

  static TextStore inMemory() {
    return new Memory();
  }

  /** A store appending to {@code file} (created or truncated); {@code deleteOnClose} removes it at the end. */
  static TextStore onDisk(Path file, boolean deleteOnClose) throws IOException {
    return new Disk(file, deleteOnClose);
  }

  private static final class Memory extends TextStore {
    private final List<String> texts = new ArrayList<>();

    @Override
    void put(int doc, String text, SourceText source) {
      if (doc != texts.size()) {
        throw new IllegalStateException("documents must be stored in order: expected " + texts.size() + ", got " + doc);
      }
      texts.add(text);
    }

    @Override
    String get(int doc) {
      return texts.get(doc);
    }

    @Override
    SourceText source(int doc, int tokenCount, int textHash, Fingerprinter fp) {
      return null;
    }

    @Override
    long overheadBytes() {
      return texts.size() * 4L;
    }

    @Override
    public void close() {
      texts.clear();
    }
  }

  private static final class Disk extends TextStore {
    private final Path file;
    private final boolean deleteOnClose;
    private final FileChannel channel;
    private final Pages.Longs offsets = new Pages.Longs(); // paged: see Pages
    private final Pages.Ints lengths = new Pages.Ints();
    private int count;
    private long end;
    private final ByteBuffer writeBuffer = ByteBuffer.allocate(1 << 16);
    private long flushed;

    Disk(Path file, boolean deleteOnClose) throws IOException {
      this.file = file;
      this.deleteOnClose = deleteOnClose;
      this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    @Override
    synchronized void put(int doc, String text, SourceText source) {
      if (doc != count) {
        throw new IllegalStateException("documents must be stored in order: expected " + count + ", got " + doc);
      }
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      offsets.ensure(count + 1L);
      lengths.ensure(count + 1L);
      offsets.set(count, end);
      lengths.set(count, bytes.length);
      count++;
      ByteBuffer tokens = ByteBuffer.allocate(8 + Tokens.storedBytes(source.tokens.size()));
      tokens.putInt(source.knownShingles()).putInt(source.knownRuns());
      source.tokens.writeTo(tokens);
      tokens.flip();
      end += bytes.length + tokens.remaining();
      try {
        append(ByteBuffer.wrap(bytes));
        append(tokens);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the copy index's text file " + file + ": " + e.getMessage()
            + "; check free disk space", e);
      }
    }

    private void append(ByteBuffer data) throws IOException {
      if (data.remaining() > writeBuffer.remaining()) {
        flush();
      }
      if (data.remaining() > writeBuffer.capacity()) {
        while (data.hasRemaining()) {
          flushed += channel.write(data, flushed);
        }
      } else {
        writeBuffer.put(data);
      }
    }

    @Override
    SourceText source(int doc, int tokenCount, int textHash, Fingerprinter fp) {
      ByteBuffer buf = read(doc, 8 + Tokens.storedBytes(tokenCount));
      int shingles = buf.getInt();
      int runs = buf.getInt();
      return new SourceText(fp.readTokens(buf, tokenCount), textHash, fp.shingleSize(), shingles, runs);
    }

    @Override
    String get(int doc) {
      return new String(read(doc, -1).array(), StandardCharsets.UTF_8);
    }

    /** Document {@code doc}'s text, or when {@code tokenBytes >= 0} the token record of that size after it. */
    private ByteBuffer read(int doc, int tokenBytes) {
      long pos;
      int length;
      synchronized (this) {
        if (doc < 0 || doc >= count) {
          throw new IndexOutOfBoundsException("document " + doc + " of " + count);
        }
        pos = offsets.get(doc) + (tokenBytes < 0 ? 0 : lengths.get(doc));
        length = tokenBytes < 0 ? lengths.get(doc) : tokenBytes;
        if (pos + length > flushed) {
          try {
            flush();
          } catch (IOException e) {
            throw new UncheckedIOException("cannot write the copy index's text file " + file + ": "
                + e.getMessage() + "; check free disk space", e);
          }
        }
      }
      try {
        ByteBuffer buf = ByteBuffer.allocate(length);
        while (buf.hasRemaining()) {
          int r = channel.read(buf, pos + buf.position()); // positional reads: safe in parallel
          if (r < 0) {
            throw new IOException("unexpected end of file at " + (pos + buf.position()));
          }
        }
        return buf.flip();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the copy index's text file " + file + ": " + e.getMessage(), e);
      }
    }

    private void flush() throws IOException {
      writeBuffer.flip();
      while (writeBuffer.hasRemaining()) {
        flushed += channel.write(writeBuffer, flushed);
      }
      writeBuffer.clear();
    }

    @Override
    long overheadBytes() {
      return offsets.bytes() + lengths.bytes();
    }

    @Override
    public synchronized void close() throws IOException {
      channel.close();
      if (deleteOnClose) {
        Files.deleteIfExists(file);
      }
    }
  }
}
