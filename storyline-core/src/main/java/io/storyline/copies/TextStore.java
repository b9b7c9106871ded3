package io.storyline.copies;

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
import java.util.Arrays;
import java.util.List;

/**
 * The texts of indexed documents, for verifying candidates (exact containment and alignment need the words).
 * Either in memory, or appended to a file so that memory is bounded by the index and not by the texts: a
 * document costs 12 bytes of heap there (offset and length) and its text is read back with one positional read,
 * usually from the page cache.
 */
abstract class TextStore implements Closeable {

  abstract void put(int doc, String text);

  abstract String get(int doc);

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
    void put(int doc, String text) {
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
    private long[] offsets = new long[1024];
    private int[] lengths = new int[1024];
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
    synchronized void put(int doc, String text) {
      if (doc != count) {
        throw new IllegalStateException("documents must be stored in order: expected " + count + ", got " + doc);
      }
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      if (count == offsets.length) {
        offsets = Arrays.copyOf(offsets, count * 2);
        lengths = Arrays.copyOf(lengths, count * 2);
      }
      offsets[count] = end;
      lengths[count] = bytes.length;
      count++;
      end += bytes.length;
      try {
        if (bytes.length > writeBuffer.remaining()) {
          flush();
        }
        if (bytes.length > writeBuffer.capacity()) {
          ByteBuffer big = ByteBuffer.wrap(bytes);
          while (big.hasRemaining()) {
            flushed += channel.write(big, flushed);
          }
        } else {
          writeBuffer.put(bytes);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the copy index's text file " + file + ": " + e.getMessage()
            + "; check free disk space", e);
      }
    }

    @Override
    synchronized String get(int doc) {
      if (doc < 0 || doc >= count) {
        throw new IndexOutOfBoundsException("document " + doc + " of " + count);
      }
      try {
        if (offsets[doc] + lengths[doc] > flushed) {
          flush();
        }
        ByteBuffer buf = ByteBuffer.allocate(lengths[doc]);
        long pos = offsets[doc];
        while (buf.hasRemaining()) {
          int r = channel.read(buf, pos + buf.position());
          if (r < 0) {
            throw new IOException("unexpected end of file at " + (pos + buf.position()));
          }
        }
        return new String(buf.array(), StandardCharsets.UTF_8);
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
      return (long) offsets.length * Long.BYTES + (long) lengths.length * Integer.BYTES;
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
