package io.storyline.extract;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One unit of flattened text with the surface features the classifier uses, and its label. Mutable only during one
 * extraction (labels are set by {@link TextArticleExtractor}); never shared between threads.
 */
final class Block {

  /** A sentence ending inside the unit: "... unfair. It's ..." (headlines have none). */
  private static final Pattern INNER_SENTENCE_END = Pattern.compile(
      "[.!?](?<!\\b(?:\\p{Lu}|Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Prof|Rev|No|vs|Inc|Co|Corp|Ltd)"
          + "[.!?])[\"'\u201D\u2019]?\\s+[\"'\u201C\u2018]?\\p{Lu}|[\u3002\uFF01\uFF1F][\u300D\u300F]?\\S");

  final String text;
  final int words;
  /** Ends a sentence: {@code . ! ? …} possibly followed by closing quotes or brackets. */
  final boolean sentenceEnd;
  /** Ends with a truncation ellipsis ("... according to news...") and no closing quote. */
  final boolean ellipsisEnd;
  /** Short, no sentence-final full stop, comma, colon or semicolon: a headline, crosshead or list item. */
  final boolean headingLike;
  /** A sentence-like paragraph: ends a sentence with six words or more, or has thirty words or more. */
  final boolean prose;

  Chrome chrome;
  boolean title;

  Block(String text) {
    this.text = text;
    this.words = countWords(text);
    String tail = stripClosers(text);
    this.ellipsisEnd = (text.endsWith("...") || text.endsWith("\u2026")) && words >= 6;
    char last = tail.isEmpty() ? ' ' : tail.charAt(tail.length() - 1);
    this.sentenceEnd = last == '.' || last == '!' || last == '?' || last == '\u2026' || last == '\u3002'
        || last == '\uFF01' || last == '\uFF1F';
    boolean closedLikeSentence = last == '.' || last == ',' || last == ';' || last == ':' || last == '\u3002'
        || last == '\uFF0C' || last == '\uFF1B' || last == '\uFF1A' || last == '\u3001';
    int first = text.isEmpty() ? ' ' : text.codePointAt(0);
    this.headingLike = words >= 1 && words <= 25 && !closedLikeSentence && !Character.isLowerCase(first)
        && text.length() <= 250 && !innerSentenceEnd(text);
    this.prose = (sentenceEnd && words >= 6) || words >= 30;
  }

  /** Share of letters that are upper case (computed when asked: only wire-copy titles need it). */
  double upperShare() {
    int letters = 0;
    int upper = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetter(c)) {
        letters++;
        if (Character.isUpperCase(c)) {
          upper++;
        }
      }
    }
    return letters == 0 ? 0 : (double) upper / letters;
  }

  /** Share of words that start with a capital letter. */
  double capitalizedShare() {
    int capital = 0;
    int all = 0;
    for (String w : text.split(" ")) {
      if (!w.isEmpty() && Character.isLetter(w.codePointAt(0))) {
        all++;
        if (Character.isUpperCase(w.codePointAt(0))) {
          capital++;
        }
      }
    }
    return all == 0 ? 0 : (double) capital / all;
  }

  boolean isChrome() {
    return chrome != null;
  }

  /** Content: neither chrome nor the title. */
  boolean isContent() {
    return chrome == null && !title;
  }

  /** Lower-cased word tokens, for near-duplicate tests. */
  Set<String> tokens() {
    Set<String> out = new HashSet<>();
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  /**
   * Words: space-separated tokens, plus one word per two CJK characters (Chinese and Japanese are written without
   * spaces; two characters a word is the usual estimate for Chinese news text).
   */
  static int countWords(String s) {
    int n = 0;
    int cjk = 0;
    boolean in = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ws = c == ' ';
      if (!ws && !in) {
        n++;
      }
      in = !ws;
      if (c >= '\u3040' && c <= '\u9FFF' || c >= '\uAC00' && c <= '\uD7AF' || c >= '\uF900' && c <= '\uFAFF') {
        cjk++;
      }
    }
    return cjk == 0 ? n : n + cjk / 2;
  }

  static String stripClosers(String s) {
    int end = s.length();
    while (end > 0 && "\"'\u201D\u2019)]\u00BB ".indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    return s.substring(0, end);
  }

  /**
   * Whether a sentence ends inside the text. The test for sentence punctuation comes first (a heading rarely has
   * any), and the regex tries its look-behind only after a full stop, not at every position.
   */
  private static boolean innerSentenceEnd(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '.' || c == '!' || c == '?' || c == '\u3002' || c == '\uFF01' || c == '\uFF1F') {
        return INNER_SENTENCE_END.matcher(text).region(i, text.length()).useTransparentBounds(true).find();
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return (chrome != null ? chrome.key() : title ? "TITLE" : "keep") + ": " + text;
  }
}
