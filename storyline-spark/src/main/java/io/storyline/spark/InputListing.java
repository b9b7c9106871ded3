package io.storyline.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Lists the job's inputs on the driver with the Hadoop file system API, so any file system Spark is configured for
 * works ({@code file:}, {@code hdfs:}, {@code s3a:}, ...). Files get the ids and the order the CLI gives them
 * ({@code io.storyline.ingest.FileWalker}): the inputs in the order given; a folder depth-first with each folder's
 * entries sorted by name, which is the order of the relative paths compared name by name; hidden entries
 * ({@code .name}) skipped, and also {@code _name} entries, which Hadoop and Spark use for their own markers
 * ({@code _SUCCESS}, {@code _temporary}). An input may be a glob ({@code s3a://bucket/2024-0[1-3]/}); its matches
 * are inputs in sorted order.
 *
 * <p>Only names and sizes come to the driver (about 200 bytes a file): one listing of 10^5 WARC files is
 * 20 MB. Corpora of billions of small files should be packed into WARC or JSON Lines files first.
 */
final class InputListing {

  private InputListing() {}

  /**
   * The files of the inputs, in reading order.
   *
   * @throws FileNotFoundException when an input (or a glob) matches nothing: "INPUT: input not found; check the
   *                               path"
   */
  static List<InputFile> list(List<String> inputs, Configuration conf) throws IOException {
    List<InputFile> files = new ArrayList<>();
    for (String input : inputs) {
      String given = stripTrailingSlash(input);
      Path path = new Path(given);
      FileSystem fs = path.getFileSystem(conf);
      FileStatus[] matches = fs.globStatus(path);
      if (matches == null || matches.length == 0) {
        throw new FileNotFoundException(input + ": input not found; check the path");
      }
      boolean glob = isGlob(given);
      Arrays.sort(matches, Comparator.comparing(s -> s.getPath().toString()));
      for (FileStatus match : matches) {
        if (glob && hidden(match.getPath().getName())) {
          continue;
        }
        String base = glob ? match.getPath().toString() : given;
        if (match.isDirectory()) {
          listFolder(fs, match.getPath(), base, files);
        } else {
          files.add(new InputFile(match.getPath().toString(), match.getPath().getName(), base, files.size(),
              match.getLen()));
        }
      }
    }
    return files;
  }

  private static void listFolder(FileSystem fs, Path dir, String base, List<InputFile> out) throws IOException {
    String root = dir.toUri().getPath();
    root = root.endsWith("/") ? root : root + "/";
    List<String[]> rel = new ArrayList<>();
    List<FileStatus> statuses = new ArrayList<>();
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
    while (it.hasNext()) {
      LocatedFileStatus s = it.next();
      String p = s.getPath().toUri().getPath();
      if (!p.startsWith(root)) {
        continue; // cannot happen for a listing below dir; be safe rather than mis-name
      }
      String[] segments = p.substring(root.length()).split("/");
      if (Arrays.stream(segments).anyMatch(InputListing::hidden)) {
        continue;
      }
      rel.add(segments);
      statuses.add(s);
    }
    Integer[] idx = new Integer[rel.size()];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (a, b) -> compareSegments(rel.get(a), rel.get(b)));
    for (int i : idx) {
      String id = String.join("/", rel.get(i));
      out.add(new InputFile(statuses.get(i).getPath().toString(), id, base + "/" + id, out.size(),
          statuses.get(i).getLen()));
    }
  }

  /** Depth-first order with sorted names: relative paths compared name by name. */
  static int compareSegments(String[] a, String[] b) {
    int n = Math.min(a.length, b.length);
    for (int i = 0; i < n; i++) {
      int c = a[i].compareTo(b[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.length, b.length);
  }

  static boolean hidden(String name) {
    return name.startsWith(".") || name.startsWith("_");
  }

  /** Whether Hadoop reads the input as a pattern (its matches are named by their full path then). */
  static boolean isGlob(String input) {
    return input.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
  }

  private static String stripTrailingSlash(String s) {
    String t = s;
    while (t.length() > 1 && t.endsWith("/") && !t.endsWith("://")) {
      t = t.substring(0, t.length() - 1);
    }
    return t;
  }
}
