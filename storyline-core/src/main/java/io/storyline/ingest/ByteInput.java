package io.storyline.ingest;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Opening files (gunzipping {@code .gz}), reading with a size limit, and naming what went wrong. */
final class ByteInput {
  private static final int BUFFER = 1 << 16;

  private ByteInput() {}

  /** Opens a file, gunzipping it when {@code gzip}; a file that is not gzip data fails with BAD_GZIP. */
  static InputStream open(Path file, boolean gzip, String location) throws IOException, BadInputException {
    InputStream raw = Files.newInputStream(file);
    if (!gzip) {
      return new BufferedInputStream(raw, BUFFER);
    }
    try {
      return new BufferedInputStream(new GZIPInputStream(raw, BUFFER), BUFFER);
    } catch (ZipException | EOFException e) {
      raw.close();
      throw new BadInputException(location, ReadProblem.Cause.BAD_GZIP,
          "not gzip data although the name ends in .gz (" + FileWalker.message(e) + ")");
    } catch (IOException e) {
      raw.close();
      throw e;
    }
  }

  /**
   * Reads all of {@code in}, failing with TOO_LARGE once more than {@code limit} bytes arrive and with BAD_GZIP
   * when a gzip stream is corrupt or ends early.
   */
  static byte[] readBounded(InputStream in, long limit, String location, String what)
      throws IOException, BadInputException {
    return readBounded(in, limit, location, what, -1);
  }

  /**
   * As {@link #readBounded(InputStream, long, String, String)}, with the expected size (or -1) as a hint: a
   * stream of the expected length is read into one array of that size, without growing or copying.
   */
  static byte[] readBounded(InputStream in, long limit, String location, String what, long expectedSize)
      throws IOException, BadInputException {
    byte[] buf = new byte[(int) (expectedSize >= 0 ? Math.min(expectedSize, limit + 1) : Math.min(8192, limit + 1))];
    int n = 0;
    try {
      while (true) {
        if (n == buf.length) {
          int b = in.read(); // full: end of stream, or one more byte and the array grows
          if (b < 0) {
            break;
          }
          if (n + 1L > limit) {
            throw tooLarge(location, what, limit);
          }
          buf = Arrays.copyOf(buf, (int) Math.min(limit + 1, Math.max(8192, (long) n * 2)));
          buf[n++] = (byte) b;
          continue;
        }
        int r = in.read(buf, n, buf.length - n);
        if (r < 0) {
          break;
        }
        n += r;
      }
    } catch (ZipException | EOFException e) {
      throw gzipProblem(location, e, null);
    }
    if (n > limit) {
      throw tooLarge(location, what, limit);
    }
    return n == buf.length ? buf : Arrays.copyOf(buf, n);
  }

  static BadInputException tooLarge(String location, String what, long limit) {
    return new BadInputException(location, ReadProblem.Cause.TOO_LARGE,
        what + " is larger than the limit of " + formatSize(limit) + "; raise the limit (--max-file-size) to read it");
  }

  /** The problem for a failure of a gzip stream; {@code progress} (may be null) says how far reading got. */
  static BadInputException gzipProblem(String location, IOException e, String progress) {
    String what = e instanceof EOFException ? "truncated gzip: the data ends early"
        : "corrupt gzip: " + FileWalker.message(e);
    return new BadInputException(location, ReadProblem.Cause.BAD_GZIP,
        progress == null ? what : what + " (after " + progress + ")");
  }

  /** 20971520 → "20 MB"; 1536 → "1.5 KB". */
  static String formatSize(long bytes) {
    String[] units = {"bytes", "KB", "MB", "GB", "TB"};
    double v = bytes;
    int u = 0;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    if (u == 0) {
      return bytes + " bytes";
    }
    String number = String.format(Locale.ROOT, "%.1f", v);
    return (number.endsWith(".0") ? number.substring(0, number.length() - 2) : number) + " " + units[u];
  }
}
