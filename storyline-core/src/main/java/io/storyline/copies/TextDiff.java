package io.storyline.copies;

import java.util.List;
import java.util.Objects;

/**
 * A word-level diff from text {@code a} to text {@code b}: the whole of both texts as a sequence of segments,
 * each equal, added (only in b), removed (only in a) or changed (a's words replaced by b's). Made by
 * {@link CopyDetector#diff}.
 *
 * @param segments  the texts in order; concatenating {@code before} gives a, {@code after} gives b
 * @param wordsA    words (and punctuation marks) of a
 * @param wordsB    words (and punctuation marks) of b
 * @param unchanged words common to both
 */
public record TextDiff(List<Segment> segments, int wordsA, int wordsB, int unchanged) {

  public TextDiff {
    segments = List.copyOf(segments);
    if (wordsA < 0 || wordsB < 0 || unchanged < 0 || unchanged > Math.min(wordsA, wordsB)) {
      throw new IllegalArgumentException("bad counts: wordsA=" + wordsA + ", wordsB=" + wordsB + ", unchanged="
          + unchanged);
    }
  }

  /** What happened to a stretch of text. */
  public enum Kind {
    EQUAL, ADDED, REMOVED, CHANGED
  }

  /**
   * One stretch of the two texts.
   *
   * @param kind   what happened
   * @param before the text in a (empty when added), with its original spacing
   * @param after  the text in b (empty when removed)
   */
  public record Segment(Kind kind, String before, String after) {
    public Segment {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(before, "before");
      Objects.requireNonNull(after, "after");
    }
  }

  /** The segments that are not equal. */
  public List<Segment> changes() {
    return segments.stream().filter(s -> s.kind() != Kind.EQUAL).toList();
  }

  /**
   * A readable word diff, as {@code git diff --word-diff} prints it: {@code [-removed-]} and {@code {+added+}} in
   * the running text, equal stretches longer than {@code 2 x context} words shortened to their ends with
   * {@code ...}.
   */
  public String render(int context) {
    if (context < 0) {
      throw new IllegalArgumentException("context must be >= 0, got " + context);
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < segments.size(); i++) {
      Segment s = segments.get(i);
      switch (s.kind()) {
        case EQUAL:
          String text = s.before();
          if (i > 0 && !text.isEmpty() && !Character.isWhitespace(text.charAt(0))) {
            text = leadingSpace(s.after()) + text; // after an insertion, b's spacing separates the words
          }
          boolean only = segments.size() == 1;
          out.append(only ? text : WordDiff.elide(text, i == 0 ? 0 : context, i == segments.size() - 1 ? 0 : context));
          break;
        case ADDED:
          out.append(leadingSpace(s.after())).append("{+").append(s.after().strip()).append("+}");
          break;
        case REMOVED:
          out.append(leadingSpace(s.before())).append("[-").append(s.before().strip()).append("-]");
          break;
        default:
          out.append(leadingSpace(s.before())).append("[-").append(s.before().strip()).append("-]{+")
              .append(s.after().strip()).append("+}");
          break;
      }
    }
    return out.toString();
  }

  /** The whitespace a segment starts with, kept outside the markers (a blank line stays a blank line). */
  private static String leadingSpace(String s) {
    int i = 0;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return s.substring(0, i);
  }
}
