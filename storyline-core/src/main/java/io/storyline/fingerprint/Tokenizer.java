package io.storyline.fingerprint;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * Normalises a text and cuts it into word tokens for shingling. One pass, no regular expressions.
 *
 * <p>Normalisation, chosen so that the spelling differences outlets make to one wire text cost as little as
 * possible (each changed token changes at most {@code k} shingles):
 * <ul>
 *   <li>Unicode compatibility decomposition (NFKD, only when the text is not ASCII): ligatures, full-width forms,
 *       superscripts fold to their plain letters; combining accents after a Latin, Greek or Cyrillic letter are
 *       dropped ({@code café} = {@code cafe}); in other scripts marks stay part of the word.</li>
 *   <li>Case folding with {@link Character#toLowerCase(int)}.</li>
 *   <li>A token is a run of letters and digits. Everything else separates tokens, so quotes of every kind,
 *       dashes and hyphens are unified: {@code al-Qaida} = {@code al Qaida}; then only {@code qaida}/{@code qaeda}
 *       differs, one token.</li>
 *   <li>Apostrophes inside a word are dropped ({@code Syria's} = {@code Syrias}, {@code don’t} = {@code dont}).</li>
 *   <li>Digit groups are joined ({@code 200,000} = {@code 200000}); currency signs are separators, so
 *       {@code £200,000} and PA's {@code #200,000} give the same token.</li>
 *   <li>Han, Hiragana and Katakana characters are one token each (those scripts do not separate words).</li>
 * </ul>
 * A sentence starts at the first token, after a blank line, and after {@code . ! ?} when the next token starts
 * with a capital letter, a digit, or follows an opening quote. Abbreviations ("Mr.") may split a sentence in two;
 * that only makes alignment units shorter.
 */
final class Tokenizer {
  private static final String STOPWORDS = "stopwords.txt";
  private static final byte OTHER = 0;
  private static final byte LOWER = 1;
  private static final byte UPPER = 2;
  private static final byte DIGIT = 3;
  /** Class of each ASCII character. */
  private static final byte[] ASCII = new byte[128];

  static {
    for (int c = 0; c < 128; c++) {
      ASCII[c] = c >= 'a' && c <= 'z' ? LOWER : c >= 'A' && c <= 'Z' ? UPPER : c >= '0' && c <= '9' ? DIGIT : OTHER;
    }
  }
  /** Open-addressing set of the hashes of function words. */
  private final long[] stopwords;
  private final long seed;

  Tokenizer(long seed) {
    this.seed = seed;
    this.stopwords = loadStopwords(seed);
  }

  Tokens tokenize(CharSequence input) {
    CharSequence text = input;
    boolean ascii = true;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (!ascii) {
      text = Normalizer.normalize(text, Normalizer.Form.NFKD);
    }
    int n = text.length();
    long[] hashes = new long[Math.max(8, n / 5)];
    int[] sentences = new int[Math.max(4, n / 80)];
    int size = 0;
    int sentenceCount = 0;

    long h = Hashing.FNV_OFFSET;
    boolean inToken = false;
    boolean boundary = true; // the next token starts a sentence
    boolean endPunct = false; // . ! ? seen since the last token
    boolean openQuote = false;
    int newlines = 0;
    boolean lastWasDigit = false;
    boolean baseStripsMarks = false;

    for (int i = 0; i < n; ) {
      char ch = text.charAt(i);
      if (ch < 0x80) {
        // ASCII fast path: one table lookup per character (most news text is ASCII).
        byte cls = ASCII[ch];
        if (cls >= LOWER) {
          if (!inToken) {
            boolean starts = boundary || newlines >= 2 || endPunct && (cls != LOWER || openQuote);
            if (starts || size == 0) {
              sentences = growInts(sentences, sentenceCount);
              sentences[sentenceCount++] = size;
            }
            inToken = true;
            boundary = false;
            endPunct = false;
            openQuote = false;
            newlines = 0;
            h = Hashing.FNV_OFFSET;
          }
          baseStripsMarks = true;
          lastWasDigit = cls == DIGIT;
          h = (h ^ (cls == UPPER ? ch | 0x20 : ch)) * Hashing.FNV_PRIME;
          i++;
          continue;
        }
        if (inToken) {
          char next = i + 1 < n ? text.charAt(i + 1) : 0;
          if (ch == '\'' && !lastWasDigit && next != 0 && (next < 0x80 ? ASCII[next] >= LOWER && ASCII[next] != DIGIT
              : Character.isLetter(next))) {
            i++;
            continue;
          }
          if ((ch == ',' || ch == '.') && lastWasDigit && next >= '0' && next <= '9') {
            i++;
            continue;
          }
          size = emit(hashes, size, h);
          hashes = grow(hashes, size);
          inToken = false;
        }
        if (ch == '.' || ch == '!' || ch == '?') {
          endPunct = true;
        } else if (ch == '\n') {
          newlines++;
        } else if (ch == '"' || ch == '`') {
          openQuote = true;
        }
        i++;
        continue;
      }
      int cp = Character.codePointAt(text, i);
      int len = Character.charCount(cp);
      if (isWordChar(cp)) {
        boolean mark = isMark(cp);
        if (mark) {
          if (!inToken || baseStripsMarks) {
            i += len;
            continue; // a stray mark, or an accent on a Latin/Greek/Cyrillic letter: dropped
          }
        } else if (isIdeograph(cp)) {
          if (inToken) {
            size = emit(hashes, size, h);
            hashes = grow(hashes, size);
            inToken = false;
          }
          if (boundary || endPunct && openQuote) {
            sentences = growInts(sentences, sentenceCount);
            sentences[sentenceCount++] = size;
          }
          boundary = false;
          endPunct = false;
          openQuote = false;
          newlines = 0;
          h = Hashing.fnv(Hashing.FNV_OFFSET, cp);
          size = emit(hashes, size, h);
          hashes = grow(hashes, size);
          i += len;
          continue;
        }
        if (!inToken) {
          boolean starts = boundary || newlines >= 2
              || endPunct && (Character.isUpperCase(cp) || Character.isTitleCase(cp) || Character.isDigit(cp)
                  || openQuote);
          if (starts || size == 0) {
            sentences = growInts(sentences, sentenceCount);
            sentences[sentenceCount++] = size;
          }
          inToken = true;
          boundary = false;
          endPunct = false;
          openQuote = false;
          newlines = 0;
          h = Hashing.FNV_OFFSET;
        }
        if (!mark) {
          baseStripsMarks = stripsMarks(cp);
          lastWasDigit = Character.isDigit(cp);
        }
        int lower = Character.toLowerCase(cp);
        if (lower < 0x10000) {
          h = Hashing.fnv(h, lower);
        } else {
          h = Hashing.fnv(Hashing.fnv(h, Character.highSurrogate(lower)), Character.lowSurrogate(lower));
        }
        i += len;
        continue;
      }
      // Not a word character.
      if (inToken) {
        int next = i + len < n ? Character.codePointAt(text, i + len) : -1;
        if (isApostrophe(cp) && next >= 0 && Character.isLetter(next) && !lastWasDigit) {
          i += len; // inside a word: "Syria's", "don't"
          continue;
        }
        if ((cp == ',' || cp == '.') && lastWasDigit && next >= 0 && Character.isDigit(next)) {
          i += len; // digit group: "200,000", "2.5"
          continue;
        }
        size = emit(hashes, size, h);
        hashes = grow(hashes, size);
        inToken = false;
      }
      if (cp == '.' || cp == '!' || cp == '?' || cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F) {
        endPunct = true;
      } else if (cp == '\n') {
        newlines++;
      } else if (isOpeningQuote(cp)) {
        openQuote = true;
      }
      i += len;
    }
    if (inToken) {
      size = emit(hashes, size, h);
    }
    if (size == 0) {
      sentenceCount = 0;
    }
    return new Tokens(hashes, this, size, sentences, sentenceCount);
  }

  /** The token hash of one already-normalised word, as {@link #tokenize} would compute it. */
  long wordHash(String word) {
    long h = Hashing.FNV_OFFSET;
    for (int i = 0; i < word.length(); i++) {
      h = Hashing.fnv(h, word.charAt(i));
    }
    return Hashing.mix(h ^ seed);
  }

  private int emit(long[] hashes, int size, long h) {
    hashes[size] = Hashing.mix(h ^ seed);
    return size + 1;
  }

  boolean isStopword(long hash) {
    int mask = stopwords.length - 1;
    for (int slot = (int) (hash >>> 40) & mask; ; slot = (slot + 1) & mask) {
      long v = stopwords[slot];
      if (v == hash) {
        return true;
      }
      if (v == 0) {
        return false;
      }
    }
  }

  private long[] loadStopwords(long seed) {
    long[] words = new long[512];
    int count = 0;
    try (InputStream in = Tokenizer.class.getResourceAsStream(STOPWORDS)) {
      if (in == null) {
        throw new IllegalStateException("resource " + STOPWORDS + " is missing from the jar; rebuild it");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.startsWith("#")) {
          continue;
        }
        for (String w : line.trim().split("\\s+")) {
          if (!w.isEmpty()) {
            String norm = Normalizer.normalize(w.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "");
            words = count == words.length ? Arrays.copyOf(words, count * 2) : words;
            words[count++] = wordHash(norm);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + STOPWORDS, e);
    }
    int cap = Integer.highestOneBit(Math.max(16, count * 4));
    long[] table = new long[cap];
    for (int i = 0; i < count; i++) {
      long hash = words[i] == 0 ? 1 : words[i];
      int slot = (int) (hash >>> 40) & (cap - 1);
      while (table[slot] != 0 && table[slot] != hash) {
        slot = (slot + 1) & (cap - 1);
      }
      table[slot] = hash;
    }
    return table;
  }

  private static boolean isWordChar(int cp) {
    return Character.isLetterOrDigit(cp) || isMark(cp);
  }

  private static boolean isMark(int cp) {
    int t = Character.getType(cp);
    return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK
        || t == Character.ENCLOSING_MARK;
  }

  private static boolean stripsMarks(int cp) {
    if (cp < 0x250) {
      return true; // Basic Latin to Latin Extended-B
    }
    Character.UnicodeScript s = Character.UnicodeScript.of(cp);
    return s == Character.UnicodeScript.LATIN || s == Character.UnicodeScript.GREEK
        || s == Character.UnicodeScript.CYRILLIC;
  }

  private static boolean isIdeograph(int cp) {
    if (cp < 0x2E80) {
      return false;
    }
    Character.UnicodeScript s = Character.UnicodeScript.of(cp);
    return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
        || s == Character.UnicodeScript.KATAKANA;
  }

  private static boolean isApostrophe(int cp) {
    return cp == '\'' || cp == 0x2019 || cp == 0x02BC;
  }

  private static boolean isOpeningQuote(int cp) {
    return cp == '"' || cp == 0x201C || cp == 0x2018 || cp == 0x00AB || cp == 0x201E || cp == '`';
  }

  private static long[] grow(long[] a, int size) {
    return size < a.length ? a : Arrays.copyOf(a, a.length * 2);
  }

  private static int[] growInts(int[] a, int size) {
    return size < a.length ? a : Arrays.copyOf(a, a.length * 2);
  }
}
