package io.storyline.stories;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the word lists shipped beside this class ({@code stopwords.txt}, {@code places.txt}, ...). */
final class Lexicon {
  private Lexicon() {}

  /** Non-comment, non-blank lines of a bundled resource, stripped. */
  static List<String> lines(String resource) {
    InputStream in = Lexicon.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("bundled resource io/storyline/stories/" + resource
          + " is missing from the jar; rebuild storyline-core");
    }
    List<String> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        String s = line.strip();
        if (!s.isEmpty() && !s.startsWith("#")) {
          out.add(s);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled resource " + resource, e);
    }
    return out;
  }

  /** Whitespace-separated words of a bundled resource (for word lists written several to a line). */
  static List<String> words(String resource) {
    List<String> out = new ArrayList<>();
    for (String line : lines(resource)) {
      for (String w : line.split("\\s+")) {
        out.add(w);
      }
    }
    return out;
  }
}
