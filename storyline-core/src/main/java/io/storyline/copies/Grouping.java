package io.storyline.copies;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The copy groups of an index: components, origins, group agencies and the recorded relations, from which each
 * document's {@link CopyResult} is derived (rules: {@link CopyIndex}). Two forms read the same rules:
 * {@link #snapshot} for every document at once (four ints per document and two per relation while alive), and
 * {@link #live} for one document of a growing index, which reads only that document's group (through
 * {@link DocTable#nextMember}) and its own relations (through {@link EdgeList#firstAt}), so an online lookup costs
 * the size of one group instead of the whole index.
 */
abstract class Grouping {
  final DocTable docs;
  final EdgeList edges;
  private final int shingleSize;

  private Grouping(DocTable docs, EdgeList edges, int shingleSize) {
    this.docs = docs;
    this.edges = edges;
    this.shingleSize = shingleSize;
  }

  /** Every document's group at once: for {@link CopyIndex#results()} and batch runs. */
  static Grouping snapshot(DocTable docs, EdgeList edges, int shingleSize) {
    return new Snapshot(docs, edges, shingleSize);
  }

  /** The group of one document {@code d}, read from the live tables (the caller holds the index's lock). */
  static Grouping live(DocTable docs, EdgeList edges, int shingleSize, int d) {
    return new Live(docs, edges, shingleSize, d);
  }

  /** Root (group number) of document {@code d}. */
  abstract int rootOf(int d);

  /** Members of the group with root {@code r}. */
  abstract int sizeOf(int r);

  /** Origin of the group with root {@code r}. */
  abstract int originOf(int r);

  /** Agency of the group with root {@code r} (for members without a credit of their own), or null. */
  abstract String agencyOf(int r);

  /** A cursor on the first relation of {@code d}, or -1. */
  abstract int firstEdge(int d);

  /** The cursor after {@code cursor} among {@code d}'s relations, or -1. */
  abstract int nextEdge(int cursor, int d);

  /** The relation at {@code cursor}. */
  abstract int edgeAt(int cursor);

  /**
   * The agency of a group of {@code count} members (the first entries of {@code members}) with this origin: the
   * origin's own credit, else the credit most members carry (ties: the one seen first in the index), else null.
   */
  final String groupAgency(int origin, int[] members, int count) {
    if (count < 2) {
      return null;
    }
    if (docs.agencyCode(origin) != 0) {
      return docs.agency(origin); // the origin's own credit wins
    }
    Map<Short, Integer> credits = new HashMap<>();
    for (int i = 0; i < count; i++) {
      if (docs.agencyCode(members[i]) != 0) {
        credits.merge(docs.agencyCode(members[i]), 1, Integer::sum);
      }
    }
    int bestCount = 0;
    short bestCode = 0;
    for (Map.Entry<Short, Integer> e : credits.entrySet()) {
      if (e.getValue() > bestCount || e.getValue() == bestCount && e.getKey() < bestCode) {
        bestCount = e.getValue();
        bestCode = e.getKey();
      }
    }
    return bestCount == 0 ? null : docs.agencyName(bestCode);
  }

  /** All groups at once. */
  private static final class Snapshot extends Grouping {
    private final int[] root;
    private final int[] size;
    private final int[] origin;
    private final String[] groupAgency;
    private final int[] adjStart;
    private final int[] adjEdge;

    Snapshot(DocTable docs, EdgeList edges, int shingleSize) {
      super(docs, edges, shingleSize);
      int n = docs.size;
      root = new int[n];
      size = new int[n];
      origin = new int[n];
      for (int d = 0; d < n; d++) {
        int r = docs.root(d);
        root[d] = r;
        if (size[r]++ == 0 || better(d, origin[r])) {
          origin[r] = d;
        }
      }
      groupAgency = new String[n];
      int[] members = new int[8];
      for (int r = 0; r < n; r++) {
        if (root[r] == r && size[r] > 1) {
          if (members.length < size[r]) {
            members = new int[Math.max(size[r], members.length * 2)];
          }
          int count = 0;
          int m = r;
          do {
            members[count++] = m;
            m = docs.nextMember(m);
          } while (m != r);
          groupAgency[r] = groupAgency(origin[r], members, count);
        }
      }
      int[] degree = new int[n + 1];
      for (int e = 0; e < edges.size; e++) {
        degree[edges.a(e) + 1]++;
        degree[edges.b(e) + 1]++;
      }
      for (int d = 0; d < n; d++) {
        degree[d + 1] += degree[d];
      }
      adjStart = degree;
      adjEdge = new int[edges.size * 2];
      int[] fill = new int[n];
      for (int e = 0; e < edges.size; e++) {
        adjEdge[adjStart[edges.a(e)] + fill[edges.a(e)]++] = e;
        adjEdge[adjStart[edges.b(e)] + fill[edges.b(e)]++] = e;
      }
    }

    @Override
    int rootOf(int d) {
      return root[d];
    }

    @Override
    int sizeOf(int r) {
      return size[r];
    }

    @Override
    int originOf(int r) {
      return origin[r];
    }

    @Override
    String agencyOf(int r) {
      return groupAgency[r];
    }

    @Override
    int firstEdge(int d) {
      return adjStart[d] < adjStart[d + 1] ? adjStart[d] : -1;
    }

    @Override
    int nextEdge(int cursor, int d) {
      return cursor + 1 < adjStart[d + 1] ? cursor + 1 : -1;
    }

    @Override
    int edgeAt(int cursor) {
      return adjEdge[cursor];
    }
  }

  /** One document's group, read in place. */
  private static final class Live extends Grouping {
    private final int root;
    private final int size;
    private final int origin;
    private final String agency;

    Live(DocTable docs, EdgeList edges, int shingleSize, int d) {
      super(docs, edges, shingleSize);
      root = docs.root(d);
      int n = 0;
      int best = root;
      int[] members = new int[8];
      int m = root;
      do {
        if (n == members.length) {
          members = java.util.Arrays.copyOf(members, n * 2);
        }
        members[n++] = m;
        if (better(m, best)) {
          best = m;
        }
        m = docs.nextMember(m);
      } while (m != root);
      size = n;
      origin = best;
      agency = groupAgency(origin, members, n);
    }

    @Override
    int rootOf(int d) {
      return docs.root(d);
    }

    @Override
    int sizeOf(int r) {
      return r == root ? size : 1; // only asked for the document's own group
    }

    @Override
    int originOf(int r) {
      return r == root ? origin : r;
    }

    @Override
    String agencyOf(int r) {
      return r == root ? agency : null;
    }

    @Override
    int firstEdge(int d) {
      return edges.firstAt(d);
    }

    @Override
    int nextEdge(int cursor, int d) {
      return edges.nextAt(cursor, d);
    }

    @Override
    int edgeAt(int cursor) {
      return cursor;
    }
  }

  /** Documents in the index. */
  int size() {
    return docs.size;
  }

  CopyResult result(int d) {
    int r = rootOf(d);
    int o = originOf(r);
    boolean grouped = sizeOf(r) > 1;
    String agency = docs.agency(d);
    if (agency == null && grouped) {
      agency = agencyOf(r);
    }
    String id = docs.id(d);
    List<Source> sources = new ArrayList<>();
    if (grouped) {
      if (d == o) {
        return new CopyResult(id, r, Relation.ORIGINAL, List.of(), id, agency, null);
      }
      boolean exact = docs.textHash(d) == docs.textHash(o) && docs.tokens(d) == docs.tokens(o);
      List<Integer> copyEdges = new ArrayList<>();
      boolean anyBetter = false;
      for (int c = firstEdge(d); c >= 0; c = nextEdge(c, d)) {
        int e = edgeAt(c);
        int f = edges.flags(e);
        if ((f & (EdgeList.EXACT | EdgeList.A_NEAR_B | EdgeList.B_NEAR_A)) != 0) {
          exact |= (f & EdgeList.EXACT) != 0;
          copyEdges.add(e);
          anyBetter |= better(other(e, d), d);
        }
      }
      for (int e : copyEdges) {
        if (!anyBetter || better(other(e, d), d)) {
          sources.add(source(e, d));
        }
      }
      addTaken(d, sources);
      return new CopyResult(id, r, exact ? Relation.EXACT : Relation.NEAR, sorted(sources), docs.id(o), agency, null);
    }
    if (docs.has(d, DocTable.TOO_SHORT)) {
      int t = docs.tokens(d);
      String reason = "text has " + t + " word" + (t == 1 ? "" : "s")
          + "; at least " + shingleSize + " are needed to compare it";
      return new CopyResult(id, r, Relation.UNIQUE, List.of(), id, agency, reason);
    }
    addTaken(d, sources);
    return new CopyResult(id, r, sources.isEmpty() ? Relation.UNIQUE : Relation.PARTIAL, sorted(sources), id, agency,
        null);
  }

  /** Adds the documents {@code d} takes a substantial part of its text from (partial relations). */
  private void addTaken(int d, List<Source> sources) {
    for (int c = firstEdge(d); c >= 0; c = nextEdge(c, d)) {
      int e = edgeAt(c);
      int f = edges.flags(e);
      boolean isA = edges.a(e) == d;
      boolean takes = (f & (isA ? EdgeList.A_PARTIAL_B : EdgeList.B_PARTIAL_A)) != 0;
      boolean given = (f & (isA ? EdgeList.B_PARTIAL_A : EdgeList.A_PARTIAL_B)) != 0;
      int o = other(e, d);
      if (takes && (!given || better(o, d)) && rootOf(o) != rootOf(d)) {
        sources.add(source(e, d));
      }
    }
  }

  private Source source(int e, int d) {
    boolean isA = edges.a(e) == d;
    double c = isA ? edges.containmentAb(e) : edges.containmentBa(e);
    return new Source(docs.id(other(e, d)), clamp(c), clamp(edges.resemblance(e)));
  }

  private int other(int e, int d) {
    return edges.a(e) == d ? edges.b(e) : edges.a(e);
  }

  /** Whether {@code x} ranks before {@code y} as a group's origin. */
  final boolean better(int x, int y) {
    boolean ax = docs.has(x, DocTable.OUTLET_IS_AGENCY);
    boolean ay = docs.has(y, DocTable.OUTLET_IS_AGENCY);
    if (ax != ay) {
      return ax;
    }
    boolean cx = docs.agencyCode(x) != 0;
    boolean cy = docs.agencyCode(y) != 0;
    if (cx != cy) {
      return cx;
    }
    int px = docs.publishedMinute(x);
    int py = docs.publishedMinute(y);
    if (px != py) {
      if (px == DocTable.NO_TIME || py == DocTable.NO_TIME) {
        return py == DocTable.NO_TIME;
      }
      return px < py;
    }
    if (docs.shingles(x) != docs.shingles(y)) {
      return docs.shingles(x) > docs.shingles(y);
    }
    return x < y;
  }

  private static List<Source> sorted(List<Source> sources) {
    sources.sort(Comparator.comparingDouble(Source::containment).reversed().thenComparing(Source::id));
    return sources;
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }
}
