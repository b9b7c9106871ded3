package io.storyline.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The reader fixtures ({@code src/test/resources/io/storyline/ingest}, written by {@code make_fixtures.py}) and
 * the bundled seeds ({@code examples/seeds}), copied into a test's temporary folder so they are real files even
 * when the fixtures come from the core test-jar.
 */
public final class IngestFixtures {
  private static final String BASE = "/io/storyline/ingest/";

  /** The good documents of {@link #mixedFolder}: ids in reading order. */
  public static final List<String> MIXED_GOOD_IDS = List.of(
      "000_07f4cbc89c93d9ec.txt", "001_ad8f6daf88e7a778.txt", "003_0eaa330e43070bbf.txt",
      "http://example.org/one", "http://example.org/two",
      "reuters-1", "dw-2", "headline-3",
      "gzipped.txt.gz", "latin1.txt");

  private IngestFixtures() {}

  /** Copies fixture {@code relative} (e.g. {@code "warc/crawl.warc"}) to {@code dir}, keeping its file name. */
  public static Path copy(String relative, Path dir) {
    Path target = dir.resolve(relative.substring(relative.lastIndexOf('/') + 1));
    try (InputStream in = IngestFixtures.class.getResourceAsStream(BASE + relative)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + BASE + relative + "; run make_fixtures.py");
      }
      Files.createDirectories(dir);
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The acceptance folder: the three seeds, a WARC with two pages (and records that are not pages), a JSONL
   * with one broken line (line 3), a corrupt gzip, a gzip'ed text and a latin-1 text. Reading it gives
   * {@link #MIXED_GOOD_IDS} and two problems: {@code feed.jsonl:3} and {@code corrupt.txt.gz}.
   */
  public static Path mixedFolder(Path tmp) {
    Path dir = tmp.resolve("mixed");
    copySeeds(dir);
    copy("warc/crawl.warc", dir.resolve("crawl"));
    copy("jsonl/feed.jsonl", dir.resolve("feeds"));
    copy("bad/corrupt.txt.gz", dir);
    copy("text/gzipped.txt.gz", dir);
    copy("text/latin1.txt", dir);
    return dir;
  }

  /** Copies the bundled seeds ({@code examples/seeds} of the repository) into {@code dir}. */
  public static Path copySeeds(Path dir) {
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(examplesSeeds())) {
      Files.createDirectories(dir);
      for (Path p : ds) {
        Files.copy(p, dir.resolve(p.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The repository's {@code examples/seeds}, found from the working directory upwards. */
  public static Path examplesSeeds() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path seeds = d.resolve("examples/seeds");
      if (Files.isDirectory(seeds)) {
        return seeds;
      }
    }
    throw new IllegalStateException("examples/seeds not found above " + Path.of("").toAbsolutePath());
  }
}
