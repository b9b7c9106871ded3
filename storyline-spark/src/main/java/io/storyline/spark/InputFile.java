package io.storyline.spark;

import java.io.Serializable;
import java.util.Objects;

/**
 * One file to read, as listed on the driver.
 *
 * @param uri      the file's fully qualified Hadoop path ({@code file:/...}, {@code hdfs://...}, {@code s3a://...})
 * @param id       the id the CLI gives it: its path relative to the folder given as input ('/' between names), or
 *                 its name when the file itself was given
 * @param location how messages name it: the input as given, joined with the relative path
 * @param rank     its place in the CLI's reading order (inputs as given, folders depth-first, names sorted)
 * @param size     length in bytes
 */
record InputFile(String uri, String id, String location, long rank, long size) implements Serializable {

  InputFile {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(location, "location");
    if (rank < 0 || size < 0) {
      throw new IllegalArgumentException("rank and size must be >= 0, got rank " + rank + ", size " + size
          + " for " + uri);
    }
  }

  /** The file's name (the last segment of its id), which says what format it holds. */
  String name() {
    int slash = id.lastIndexOf('/');
    return slash < 0 ? id : id.substring(slash + 1);
  }
}
