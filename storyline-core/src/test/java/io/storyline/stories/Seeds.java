package io.storyline.stories;

import io.storyline.extract.Article;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * The three seed pages bundled at {@code examples/seeds}, as articles built directly (title and date given here,
 * the whole page text, chrome included, as body) so the tests do not depend on the extraction stage.
 */
final class Seeds {
  private Seeds() {}

  static Path folder() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path p = dir.resolve("examples/seeds");
      if (Files.isDirectory(p)) {
        return p;
      }
    }
    throw new IllegalStateException("examples/seeds not found above " + Path.of("").toAbsolutePath());
  }

  static Article article(String file, String title, String published, String outlet) {
    try {
      String text = Files.readString(folder().resolve(file), StandardCharsets.UTF_8).replace(title, "").strip();
      return new Article(file, null, title, text, null, Instant.parse(published), outlet, "Reuters", null, "en",
          Article.Status.ARTICLE, Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Article moscowTimes() {
    return article("000_07f4cbc89c93d9ec.txt", "Russia Vows Support for Syria's Assad to Combat 'Terrorism'",
        "2014-11-26T14:00:00Z", "The Moscow Times");
  }

  static Article huffPost() {
    return article("001_ad8f6daf88e7a778.txt", "Russia Vows Support For Syria's Bashar Assad",
        "2014-11-26T16:30:00Z", "HuffPost");
  }

  static Article dw() {
    return article("003_0eaa330e43070bbf.txt", "Russia seeks distance from Syria's al-Assad amid Vienna peace talks",
        "2016-05-17T18:00:00Z", "DW");
  }
}
