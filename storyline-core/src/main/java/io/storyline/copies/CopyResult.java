package io.storyline.copies;

import java.util.List;
import java.util.Objects;

/**
 * The final copy information of one document, once the whole corpus is indexed.
 *
 * @param id       the document's id
 * @param group    copy group: members are copies of one text (connected by exact or near relations); a
 *                 document with no copies is alone in its group. The number is the insertion position of the
 *                 group's first member, so it is stable for one input order.
 * @param relation {@code original} (the group's origin), {@code exact}, {@code near}, {@code partial} or
 *                 {@code unique}
 * @param sources  documents this one takes text from, highest containment first ({@code containment} = share of
 *                 THIS document's shingles found in the source)
 * @param origin   id of the group's original (the document itself when it is alone)
 * @param agency   the wire service: the document's own credit, else inherited from its copy group
 * @param reason   for {@code unique} documents that could not be compared (too short), the reason; else null
 */
public record CopyResult(String id, int group, Relation relation, List<Source> sources, String origin,
    String agency, String reason) {

  public CopyResult {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(relation, "relation");
    Objects.requireNonNull(origin, "origin");
    sources = List.copyOf(sources);
    if (group < 0) {
      throw new IllegalArgumentException("group must be >= 0, got " + group + " for " + id);
    }
  }
}
