package io.storyline.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates the shared benchmark data ({@code ../shared} beside the repository) for tests that need it.
 * Set {@code -Dstoryline.shared=DIR} or {@code STORYLINE_SHARED=DIR} to point elsewhere.
 */
public final class SharedData {
  private SharedData() {}

  /** The shared folder, if present. */
  public static Optional<Path> find() {
    String explicit = System.getProperty("storyline.shared", System.getenv("STORYLINE_SHARED"));
    if (explicit != null && !explicit.isBlank()) {
      Path p = Path.of(explicit).toAbsolutePath().normalize();
      return Files.isRegularFile(p.resolve("DATA.md")) ? Optional.of(p) : Optional.empty();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolveSibling("shared");
      if (candidate != null && Files.isRegularFile(candidate.resolve("DATA.md"))) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** A path inside the shared folder; skips the calling test with a clear message when it is absent. */
  public static Path require(String relative) {
    Optional<Path> root = find();
    Assumptions.assumeTrue(root.isPresent(),
        "skipped: ../shared (benchmark data) is not beside the repository; set -Dstoryline.shared=DIR to run");
    Path p = root.get().resolve(relative);
    Assumptions.assumeTrue(Files.exists(p), "skipped: " + p + " is missing from the shared data");
    return p;
  }
}
