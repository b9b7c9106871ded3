package io.storyline.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Main content of already-flattened text. INTERIM: first line is the title, the rest are paragraphs; the
 * line classifier (appeals, teasers, captions, credits, template lines) replaces it.
 */
final class TextArticleExtractor {

  /** Paragraphs of the text, the first being the headline. */
  List<String> blocks(String text) {
    List<String> out = new ArrayList<>();
    for (String block : text.split("\\R\\s*\\R")) {
      String b = block.strip().replaceAll("\\s*\\R\\s*", " ");
      if (!b.isEmpty()) {
        out.add(b);
      }
    }
    return out;
  }
}
