package io.storyline.copies;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;

/**
 * Word-level diff: both texts are cut into tokens (a word with its inner hyphens and apostrophes, a number, a
 * punctuation mark, or a paragraph break) and compared with the Myers O(ND) difference algorithm (Myers 1986;
 * java-diff-utils, Apache-2.0). Tokens compare exactly, so {@code al-Qaida}/{@code al Qaeda} and
 * {@code criticised}/{@code criticized} show as changes; the segments keep the original spacing.
 */
final class WordDiff {
  private WordDiff() {}

  static TextDiff diff(String a, String b) {
    List<int[]> spansA = tokens(a);
    List<int[]> spansB = tokens(b);
    List<String> ta = texts(a, spansA);
    List<String> tb = texts(b, spansB);
    Patch<String> patch = DiffUtils.diff(ta, tb);
    List<TextDiff.Segment> segments = new ArrayList<>();
    int ia = 0;
    int ib = 0;
    int unchanged = 0;
    for (AbstractDelta<String> delta : patch.getDeltas()) {
      int pa = delta.getSource().getPosition();
      int pb = delta.getTarget().getPosition();
      if (pa > ia) {
        segments.add(segment(TextDiff.Kind.EQUAL, a, spansA, ia, pa, b, spansB, ib, pb));
        unchanged += pa - ia;
      }
      int ea = pa + delta.getSource().size();
      int eb = pb + delta.getTarget().size();
      TextDiff.Kind kind = ea == pa ? TextDiff.Kind.ADDED : eb == pb ? TextDiff.Kind.REMOVED : TextDiff.Kind.CHANGED;
      segments.add(segment(kind, a, spansA, pa, ea, b, spansB, pb, eb));
      ia = ea;
      ib = eb;
    }
    if (ia < ta.size() || ib < tb.size()) {
      segments.add(segment(TextDiff.Kind.EQUAL, a, spansA, ia, ta.size(), b, spansB, ib, tb.size()));
      unchanged += ta.size() - ia;
    }
    List<TextDiff.Segment> merged = mergeSlivers(segments);
    if (merged.size() != segments.size()) {
      unchanged = 0;
      for (TextDiff.Segment seg : merged) {
        unchanged += seg.kind() == TextDiff.Kind.EQUAL ? tokens(seg.before()).size() : 0;
      }
    }
    return new TextDiff(merged, ta.size(), tb.size(), unchanged);
  }

  /**
   * Joins two changes separated only by unchanged punctuation (a comma) into one change, as diff-match-patch's
   * semantic clean-up does: the shortest edit script aligns such slivers, a reader sees one replaced passage.
   */
  private static List<TextDiff.Segment> mergeSlivers(List<TextDiff.Segment> in) {
    List<TextDiff.Segment> out = new ArrayList<>();
    for (int i = 0; i < in.size(); i++) {
      TextDiff.Segment s = in.get(i);
      boolean sliver = s.kind() == TextDiff.Kind.EQUAL && !out.isEmpty() && i + 1 < in.size()
          && out.get(out.size() - 1).kind() != TextDiff.Kind.EQUAL && in.get(i + 1).kind() != TextDiff.Kind.EQUAL
          && s.before().codePoints().noneMatch(Character::isLetterOrDigit);
      if (sliver) {
        TextDiff.Segment prev = out.remove(out.size() - 1);
        TextDiff.Segment next = in.get(++i);
        out.add(new TextDiff.Segment(TextDiff.Kind.CHANGED, prev.before() + s.before() + next.before(),
            prev.after() + s.after() + next.after()));
      } else {
        out.add(s);
      }
    }
    return out;
  }

  /** The text from token {@code from} (with the spacing before it) to token {@code to}. */
  private static TextDiff.Segment segment(TextDiff.Kind kind, String a, List<int[]> sa, int fa, int ta, String b,
      List<int[]> sb, int fb, int tb) {
    return new TextDiff.Segment(kind, slice(a, sa, fa, ta), slice(b, sb, fb, tb));
  }

  private static String slice(String s, List<int[]> spans, int from, int to) {
    if (from >= to) {
      return "";
    }
    int start = from == 0 ? 0 : spans.get(from - 1)[1];
    int end = to == spans.size() ? s.length() : spans.get(to - 1)[1];
    return s.substring(start, end);
  }

  private static List<String> texts(String s, List<int[]> spans) {
    List<String> out = new ArrayList<>(spans.size());
    for (int[] sp : spans) {
      String t = s.substring(sp[0], sp[1]);
      out.add(t.indexOf('\n') >= 0 ? "\n\n" : t);
    }
    return out;
  }

  /** Token spans {start, end}: words, single punctuation marks, and blank-line paragraph breaks. */
  static List<int[]> tokens(String s) {
    List<int[]> out = new ArrayList<>();
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        int j = i;
        int newlines = 0;
        while (j < n && Character.isWhitespace(s.charAt(j))) {
          newlines += s.charAt(j) == '\n' ? 1 : 0;
          j++;
        }
        if (newlines >= 2 && !out.isEmpty() && j < n) {
          out.add(new int[] {i, j});
        }
        i = j;
      } else if (Character.isLetterOrDigit(c)) {
        int j = i + 1;
        while (j < n) {
          char d = s.charAt(j);
          boolean joiner = (d == '-' || d == '\'' || d == '\u2019' || d == '.' || d == ',')
              && j + 1 < n && Character.isLetterOrDigit(s.charAt(j + 1))
              && (d == '-' || d == '\'' || d == '\u2019' || Character.isDigit(s.charAt(j - 1)));
          if (Character.isLetterOrDigit(d) || Character.getType(d) == Character.NON_SPACING_MARK || joiner) {
            j++;
          } else {
            break;
          }
        }
        out.add(new int[] {i, j});
        i = j;
      } else {
        int len = Character.charCount(s.codePointAt(i));
        out.add(new int[] {i, i + len});
        i += len;
      }
    }
    return out;
  }

  /** {@code text} shortened to its first {@code head} and last {@code tail} tokens when longer. */
  static String elide(String text, int head, int tail) {
    List<int[]> spans = tokens(text);
    if (spans.size() <= head + tail + 3) {
      return text;
    }
    String start = head == 0 ? "" : text.substring(0, spans.get(head - 1)[1]);
    String end = tail == 0 ? "" : text.substring(spans.get(spans.size() - tail)[0]);
    return start + (head == 0 ? "... " : " ... ") + end;
  }
}
