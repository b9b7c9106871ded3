package io.storyline.extract;

import opennlp.tools.util.normalizer.CharSequenceNormalizer;
import opennlp.tools.util.normalizer.EmojiCharSequenceNormalizer;
import opennlp.tools.util.normalizer.ShrinkCharSequenceNormalizer;
import opennlp.tools.util.normalizer.TwitterCharSequenceNormalizer;
import opennlp.tools.util.normalizer.UrlCharSequenceNormalizer;

/**
 * The text normalisation of OpenNLP's language detector ({@code LanguageDetectorFactory} 2.5.4: emoji, URL and
 * e-mail, Twitter, number and shrink normalisers, in that order), with the same output, doing only the work that
 * can change something.
 *
 * <p>The five normalisers are nine {@code replaceAll} passes of regular expressions over the sample, each
 * scanning all of it although in news text almost none matches: about 45 µs of a 600-character sample, a third
 * of the detection once the scoring itself is cheap ({@link LanguageScorer}). Here:
 * <ul>
 *   <li>emoji: the pattern is the Java string "[" U+D83C "-" U+DBFF U+DC00 "-" U+DFFF "]+", replaced by a space.
 *       Its U+DBFF U+DC00 is one code point, U+10FC00, so the class is "-" and every code point from U+D83C to
 *       U+10FC00 (measured: hyphens, U+E000..U+FFFF and emoji are replaced, U+D7FF and U+10FFFF are not).
 *       Without a character at or above U+D83C only runs of "-" can match, and they become one space here;
 *       otherwise the library's normaliser runs;
 *   <li>URL and e-mail: only when the text holds "://" or "@";
 *   <li>Twitter ({@code [#@]\S+}, {@code \b(rt[ :])+}, {@code [:;x]-?[()dop]}, {@code ([hj])+([aieou])+(\1+\2+)+},
 *       ASCII case-insensitive): only when a character test finds "#" or "@", "rt" and a space or colon after a
 *       character that is not an ASCII word character, a face, or an h/j, vowels and the same h/j;
 *   <li>numbers, {@code \d+} (ASCII digits without UNICODE_CHARACTER_CLASS): each run of digits becomes one space
 *       here;
 *   <li>shrink: each run of two or more {@code \s} characters ({@code [ \t\n\x0B\f\r]}) becomes one space here;
 *       the library's pass (which then finds no such run) runs only when three equal characters (ASCII
 *       case-insensitive) or a surrogate make {@code (.)\1{2,}} possible; else {@code trim()}.
 * </ul>
 * Each test is applied to the text as the previous passes left it. {@code LanguageNormalizerTest} compares the
 * result with the library's on random strings over the characters these tests look at, and
 * {@code LanguageScorerTest} the final scores on real texts.
 */
final class LanguageNormalizer {

  private static final CharSequenceNormalizer EMOJI = EmojiCharSequenceNormalizer.getInstance();
  private static final CharSequenceNormalizer URL = UrlCharSequenceNormalizer.getInstance();
  private static final CharSequenceNormalizer TWITTER = TwitterCharSequenceNormalizer.getInstance();
  private static final CharSequenceNormalizer SHRINK = ShrinkCharSequenceNormalizer.getInstance();

  private LanguageNormalizer() {}

  /** What the library's aggregate of the five normalisers gives for {@code text}. */
  static String normalize(String text) {
    String s = hasCharFrom(text, '\uD83C') ? EMOJI.normalize(text).toString() : replaceRuns(text, HYPHEN, 1);
    if (s.contains("://") || s.indexOf('@') >= 0) {
      s = URL.normalize(s).toString();
    }
    if (mayBeTwitter(s)) {
      s = TWITTER.normalize(s).toString();
    }
    s = replaceRuns(replaceRuns(s, DIGIT, 1), SPACE, 2); // \d+, then \s{2,}
    return mayRepeatThrice(s) ? SHRINK.normalize(s).toString() : s.trim();
  }

  private static boolean hasCharFrom(String s, char from) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= from) {
        return true;
      }
    }
    return false;
  }

  /** Character kinds of {@link #replaceRuns}: "-", an ASCII digit, a {@code \s} character. */
  private static final int HYPHEN = 0;
  private static final int DIGIT = 1;
  private static final int SPACE = 2;

  private static boolean is(int kind, char c) {
    return switch (kind) {
      case HYPHEN -> c == '-';
      case DIGIT -> c >= '0' && c <= '9';
      default -> c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    };
  }

  /** Each maximal run of at least {@code minRun} characters of {@code kind} replaced by one space. */
  private static String replaceRuns(String s, int kind, int minRun) {
    int n = s.length();
    StringBuilder b = null;
    int copied = 0;
    for (int i = 0; i < n; i++) {
      if (is(kind, s.charAt(i))) {
        int end = i + 1;
        while (end < n && is(kind, s.charAt(end))) {
          end++;
        }
        if (end - i >= minRun) {
          if (b == null) {
            b = new StringBuilder(n);
          }
          b.append(s, copied, i).append(' ');
          copied = end;
        }
        i = end - 1;
      }
    }
    return b == null ? s : b.append(s, copied, n).toString();
  }

  /** Whether any of {@code [#@]\S+}, {@code \b(rt[ :])+}, {@code [:;x]-?[()dop]}, the laugh pattern can match. */
  private static boolean mayBeTwitter(String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      char lower = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
      switch (lower) {
        case '#', '@' -> {
          return true;
        }
        case 'r' -> {
          if (i + 2 < n && (s.charAt(i + 1) | 32) == 't' && (s.charAt(i + 2) == ' ' || s.charAt(i + 2) == ':')
              && (i == 0 || !isAsciiWordChar(s.charAt(i - 1)))) {
            return true; // \b before a word character: only after a non-word character
          }
        }
        case ':', ';', 'x' -> {
          if (i + 1 < n && (isFaceMouth(s.charAt(i + 1))
              || s.charAt(i + 1) == '-' && i + 2 < n && isFaceMouth(s.charAt(i + 2)))) {
            return true;
          }
        }
        case 'h', 'j' -> {
          int j = i + 1;
          while (j < n && isVowel(s.charAt(j))) {
            j++;
          }
          if (j > i + 1 && j < n && (s.charAt(j) | 32) == lower) {
            return true; // ([hj])+([aieou])+(\1+\2+)+ holds "h", vowels, "h" (case-insensitive)
          }
        }
        default -> { }
      }
    }
    return false;
  }

  private static boolean isAsciiWordChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
  }

  private static boolean isFaceMouth(char c) {
    return c == '(' || c == ')' || c == 'd' || c == 'o' || c == 'p' || c == 'D' || c == 'O' || c == 'P';
  }

  private static boolean isVowel(char c) {
    return switch (c) {
      case 'a', 'i', 'e', 'o', 'u', 'A', 'I', 'E', 'O', 'U' -> true;
      default -> false;
    };
  }

  /** Whether {@code (.)\1{2,}} (case-insensitive) may match: three equal characters or any surrogate. */
  private static boolean mayRepeatThrice(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isSurrogate(c)) {
        return true;
      }
      if (i + 2 < s.length() && sameIgnoringAsciiCase(c, s.charAt(i + 1))
          && sameIgnoringAsciiCase(c, s.charAt(i + 2))) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameIgnoringAsciiCase(char a, char b) {
    return a == b || (a | 32) == (b | 32) && (a | 32) >= 'a' && (a | 32) <= 'z';
  }
}
