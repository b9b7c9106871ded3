package io.storyline.eval;

import java.util.Arrays;
import java.util.Random;

/**
 * A generated stream of news-like documents with known copies, for {@code storyline bench copies}. Deterministic
 * for a seed. Words follow a Zipf law (exponent 1.1) over a 50,000-word vocabulary of pronounceable nonsense
 * words; sentences have 8 to 28 words, paragraphs 1 to 3 sentences, documents a log-normal length (median 400
 * words, 60 to 2,000). Every document is one of:
 * <ul>
 *   <li>{@code original} (60%): new text;</li>
 *   <li>{@code exact} (10%): a recent original with case, spacing and punctuation changed;</li>
 *   <li>{@code near} (15%): a recent original with 1 word in 20 substituted, deleted or inserted;</li>
 *   <li>{@code cut} (8%): the first 40&ndash;90% of a recent original's paragraphs, 1 edit in 50 words;</li>
 *   <li>{@code partial} (7%): 2&ndash;4 paragraphs of a recent original inside 2&ndash;6 new ones.</li>
 * </ul>
 * "Recent" is one of the last 2,000 originals: copies follow their source closely in a news stream.
 */
public final class CopiesSyntheticCorpus {
  /** How a generated document was made. */
  public enum Kind {
    ORIGINAL, EXACT, NEAR, CUT, PARTIAL
  }

  private static final int VOCABULARY = 50_000;
  private static final int RECENT = 2_000;
  private static final String[] SYLLABLES = {"ka", "lo", "mi", "ren", "sa", "to", "vi", "dan", "el", "ro", "ne",
      "ta", "bu", "sh", "or", "ia", "com", "pre", "st", "ga", "li", "mo", "ur", "en", "wa", "ki", "der", "pa", "ol",
      "is"};
  private final Random rnd;
  private final String[] words;
  private final double[] cdf;
  private final String[] recent = new String[RECENT];
  private final int[] recentIds = new int[RECENT];
  private int recentCount;
  private int produced;
  private final StringBuilder sb = new StringBuilder(8192);

  /**
   * One generated document: its text, how it was made, the original it copies ({@code -1} for none) and, for a
   * partial copy, how many of the original's paragraphs it takes (else 0).
   */
  public record Doc(int number, String text, Kind kind, int source, int paragraphs) {}

  public CopiesSyntheticCorpus(long seed) {
    this.rnd = new Random(seed);
    this.words = new String[VOCABULARY];
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < VOCABULARY; i++) {
      String w;
      do {
        StringBuilder b = new StringBuilder();
        int syl = 1 + Math.min(4, (int) (Math.log(i + 2) / Math.log(12)) + rnd.nextInt(2));
        for (int s = 0; s < syl; s++) {
          b.append(SYLLABLES[rnd.nextInt(SYLLABLES.length)]);
        }
        w = b.toString();
      } while (!seen.add(w));
      words[i] = w;
    }
    cdf = new double[VOCABULARY];
    double sum = 0;
    for (int i = 0; i < VOCABULARY; i++) {
      sum += 1 / Math.pow(i + 1, 1.1);
      cdf[i] = sum;
    }
    for (int i = 0; i < VOCABULARY; i++) {
      cdf[i] /= sum;
    }
  }

  /** The next document of the stream. */
  public Doc next() {
    int n = produced++;
    double r = rnd.nextDouble();
    if (recentCount < 10 || r < 0.60) {
      String text = original(logNormalWords());
      int slot = recentCount++ % RECENT;
      recent[slot] = text;
      recentIds[slot] = n;
      return new Doc(n, text, Kind.ORIGINAL, -1, 0);
    }
    int slot = rnd.nextInt(Math.min(recentCount, RECENT));
    String source = recent[slot];
    int sourceId = recentIds[slot];
    if (r < 0.70) {
      return new Doc(n, restyle(source), Kind.EXACT, sourceId, 0);
    }
    if (r < 0.85) {
      return new Doc(n, edit(source, 0.05), Kind.NEAR, sourceId, 0);
    }
    if (r < 0.93) {
      String[] paras = source.split("\n\n");
      int keep = Math.max(1, (int) Math.round(paras.length * (0.4 + 0.5 * rnd.nextDouble())));
      return new Doc(n, edit(String.join("\n\n", Arrays.copyOf(paras, keep)), 0.02), Kind.CUT, sourceId, 0);
    }
    String[] paras = source.split("\n\n");
    int take = Math.min(paras.length, 2 + rnd.nextInt(3));
    int from = rnd.nextInt(paras.length - take + 1);
    StringBuilder out = new StringBuilder();
    int own = 2 + rnd.nextInt(5);
    for (int p = 0; p < own; p++) {
      if (p == own / 2) {
        for (int i = from; i < from + take; i++) {
          out.append(paras[i]).append("\n\n");
        }
      }
      out.append(paragraph()).append("\n\n");
    }
    return new Doc(n, out.toString().strip(), Kind.PARTIAL, sourceId, take);
  }

  private int logNormalWords() {
    double w = Math.exp(Math.log(400) + 0.6 * rnd.nextGaussian());
    return (int) Math.max(60, Math.min(2000, w));
  }

  private String original(int wordsWanted) {
    sb.setLength(0);
    int w = 0;
    while (w < wordsWanted) {
      if (sb.length() > 0) {
        sb.append("\n\n");
      }
      int before = sb.length();
      sb.append(paragraph());
      w += countSpaces(sb, before) + 1;
    }
    return sb.toString();
  }

  private String paragraph() {
    StringBuilder p = new StringBuilder(512);
    int sentences = 1 + rnd.nextInt(3);
    for (int s = 0; s < sentences; s++) {
      if (s > 0) {
        p.append(' ');
      }
      int len = 8 + rnd.nextInt(21);
      for (int i = 0; i < len; i++) {
        String word = word();
        if (i == 0) {
          p.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
        } else {
          p.append(' ').append(word);
        }
        if (i > 2 && i < len - 2 && rnd.nextInt(12) == 0) {
          p.append(',');
        }
      }
      p.append('.');
    }
    return p.toString();
  }

  private String word() {
    int i = Arrays.binarySearch(cdf, rnd.nextDouble());
    return words[Math.min(VOCABULARY - 1, i < 0 ? -i - 1 : i)];
  }

  /** The same words with other case, spacing and punctuation: an exact copy once normalised. */
  private String restyle(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',') {
        continue;
      }
      out.append(c == ' ' && rnd.nextInt(40) == 0 ? "  " : String.valueOf(c));
    }
    return out.toString().toUpperCase(java.util.Locale.ROOT);
  }

  /** Substitutes, deletes or inserts a word at rate {@code rate}. */
  private String edit(String text, double rate) {
    String[] paras = text.split("\n\n");
    StringBuilder out = new StringBuilder(text.length() + 64);
    for (int p = 0; p < paras.length; p++) {
      if (p > 0) {
        out.append("\n\n");
      }
      String[] ws = paras[p].split(" ");
      boolean first = true;
      for (String w : ws) {
        double r = rnd.nextDouble();
        if (r < rate / 3) {
          continue; // deleted
        }
        if (!first) {
          out.append(' ');
        }
        first = false;
        if (r < 2 * rate / 3) {
          out.append(word()).append(w.endsWith(".") ? "." : ""); // substituted
        } else {
          out.append(w);
          if (r < rate) {
            out.append(' ').append(word()); // inserted
          }
        }
      }
    }
    return out.toString();
  }

  private static int countSpaces(CharSequence s, int from) {
    int n = 0;
    for (int i = from; i < s.length(); i++) {
      if (s.charAt(i) == ' ') {
        n++;
      }
    }
    return n;
  }
}
