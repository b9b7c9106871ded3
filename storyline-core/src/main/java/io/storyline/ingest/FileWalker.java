package io.storyline.ingest;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The files of a directory tree, depth-first, each directory's entries sorted by name (so runs are
 * reproducible), hidden entries (names starting with '.') skipped. Only one directory listing per level is
 * held in memory. Symbolic links are followed; a link back to a directory being walked is reported, not looped.
 * An excluded file (the caller's output) is passed over silently.
 */
final class FileWalker {
  private final Consumer<ReadProblem> problems;
  private final Deque<Iterator<Path>> stack = new ArrayDeque<>();
  private final Deque<Path> open = new ArrayDeque<>();
  private final Set<Path> openReal = new HashSet<>();
  private final Path exclude;
  private final String excludeName;

  /** Walks {@code root}, passing over {@code exclude} (may be null) wherever it is met. */
  FileWalker(Path root, Consumer<ReadProblem> problems, Path exclude) {
    this.problems = problems;
    this.exclude = exclude;
    Path name = exclude == null ? null : exclude.getFileName();
    this.excludeName = name == null ? null : name.toString();
    enter(root);
  }

  /** The next regular file, or null when the tree is done. */
  Path next() {
    while (!stack.isEmpty()) {
      Iterator<Path> it = stack.peek();
      if (!it.hasNext()) {
        stack.pop();
        openReal.remove(open.pop());
        continue;
      }
      Path p = it.next();
      if (Files.isDirectory(p)) {
        enter(p);
      } else if (Files.isRegularFile(p)) {
        if (!isExcluded(p)) {
          return p;
        }
      } else if (Files.isSymbolicLink(p) && !Files.exists(p)) {
        problems.accept(new ReadProblem(p.toString(), "broken symbolic link; skipped", ReadProblem.Cause.UNREADABLE));
      } else if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        problems.accept(new ReadProblem(p.toString(), "cannot read: no such file (deleted while the folder was read?)",
            ReadProblem.Cause.UNREADABLE));
      } else if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        problems.accept(new ReadProblem(p.toString(), "not a regular file (device, socket or pipe); skipped",
            ReadProblem.Cause.UNSUPPORTED));
      }
    }
    return null;
  }

  /** Whether {@code file} is the excluded file; the real paths are only compared when the names are equal. */
  private boolean isExcluded(Path file) {
    if (excludeName == null || !file.getFileName().toString().equals(excludeName)) {
      return false;
    }
    try {
      return Files.exists(exclude) && Files.isSameFile(file, exclude);
    } catch (IOException e) {
      return false;
    }
  }

  private void enter(Path dir) {
    Path real;
    try {
      real = dir.toRealPath();
    } catch (IOException e) {
      problems.accept(new ReadProblem(dir.toString(), "cannot resolve directory: " + message(e),
          ReadProblem.Cause.UNREADABLE));
      return;
    }
    if (openReal.contains(real)) {
      problems.accept(new ReadProblem(dir.toString(),
          "symbolic link loop (points back to " + real + "); not followed", ReadProblem.Cause.OTHER));
      return;
    }
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        Path name = p.getFileName();
        if (name != null && !name.toString().startsWith(".")) {
          entries.add(p);
        }
      }
    } catch (IOException | SecurityException e) {
      problems.accept(new ReadProblem(dir.toString(), "cannot list directory: " + message(e) + "; check its permissions",
          ReadProblem.Cause.UNREADABLE));
      return;
    }
    entries.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
    stack.push(entries.iterator());
    open.push(real);
    openReal.add(real);
  }

  static String message(Exception e) {
    String m = e.getMessage();
    String name = e.getClass().getSimpleName();
    if (m == null || m.isBlank()) {
      return name;
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof NumberFormatException) {
      return "a number field is not a number (" + m + ")";
    }
    return m;
  }
}
