package io.storyline.copies;

import io.storyline.eval.CopiesSyntheticCorpus;
import java.util.Arrays;
import java.util.List;

/** Generated article texts for tests (news-like sentences over a Zipf vocabulary; deterministic per seed). */
final class Texts {
  private Texts() {}

  /** An original article of at least {@code minParagraphs} paragraphs. */
  static String article(long seed, int minParagraphs) {
    CopiesSyntheticCorpus gen = new CopiesSyntheticCorpus(seed);
    StringBuilder out = new StringBuilder();
    int paragraphs = 0;
    while (paragraphs < minParagraphs) {
      CopiesSyntheticCorpus.Doc d = gen.next();
      if (d.kind() == CopiesSyntheticCorpus.Kind.ORIGINAL) {
        for (String p : d.text().split("\n\n")) {
          if (paragraphs++ < minParagraphs) {
            out.append(out.length() == 0 ? "" : "\n\n").append(p);
          }
        }
      }
    }
    return out.toString();
  }

  static List<String> paragraphs(String text) {
    return Arrays.asList(text.split("\n\n"));
  }

  /** Replaces every {@code n}th word with "edited". */
  static String editEvery(String text, int n) {
    String[] words = text.split(" ");
    for (int i = n - 1; i < words.length; i += n) {
      words[i] = words[i].endsWith(".") ? "edited." : "edited";
    }
    return String.join(" ", words);
  }
}
