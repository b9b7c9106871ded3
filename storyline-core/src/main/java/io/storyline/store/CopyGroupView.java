package io.storyline.store;

import java.util.List;
import java.util.Objects;

/**
 * One copy group: its members and, for each member but the first, the word diff from the group's first member
 * (the one the copies stage calls "original", else its earliest article) to that member: what the outlet changed.
 *
 * @param id      the copy group id
 * @param members its articles, origin first, then by publication time
 * @param diffs   one per member after the first
 */
public record CopyGroupView(String id, List<StoredArticle> members, List<Diff> diffs) {

  public CopyGroupView {
    Objects.requireNonNull(id, "id");
    members = List.copyOf(members);
    diffs = List.copyOf(diffs);
  }

  /**
   * The word diff turning one article's text into another's.
   *
   * @param fromId  the article diffed from (the origin)
   * @param toId    the article diffed to
   * @param changes runs of words kept, added or removed, in text order
   */
  public record Diff(String fromId, String toId, List<Change> changes) {
    public Diff {
      Objects.requireNonNull(fromId, "fromId");
      Objects.requireNonNull(toId, "toId");
      changes = List.copyOf(changes);
    }
  }

  /** A run of words that both texts share ({@code SAME}), only the second has ({@code ADDED}) or only the first. */
  public record Change(Kind kind, String text) {
    /** Which side the words are on. */
    public enum Kind { SAME, ADDED, REMOVED }

    public Change {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(text, "text");
    }
  }
}
