package io.storyline.copies;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of the copy groups of an index: components, origins, group agencies and an adjacency list of the
 * recorded relations, from which each document's {@link CopyResult} is derived (rules: {@link CopyIndex}).
 * Costs four ints per document and two per relation while alive.
 */
final class Grouping {
  private final DocTable docs;
  private final EdgeList edges;
  private final int shingleSize;
  private final int[] root;
  private final int[] size;
  private final int[] origin;
  private final String[] groupAgency;
  private final int[] adjStart;
  private final int[] adjEdge;

  Grouping(DocTable docs, EdgeList edges, int shingleSize) {
    this.docs = docs;
    this.edges = edges;
    this.shingleSize = shingleSize;
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
    Map<Long, Integer> credits = new HashMap<>(); // (root, agency code) -> members crediting it
    for (int d = 0; d < n; d++) {
      if (size[root[d]] > 1 && docs.agency[d] != 0) {
        credits.merge(((long) root[d] << 16) | docs.agency[d], 1, Integer::sum);
      }
    }
    int[] bestCount = new int[n];
    short[] bestCode = new short[n];
    for (Map.Entry<Long, Integer> e : credits.entrySet()) {
      int r = (int) (e.getKey() >>> 16);
      short code = (short) (e.getKey() & 0xFFFF);
      if (e.getValue() > bestCount[r] || e.getValue() == bestCount[r] && code < bestCode[r]) {
        bestCount[r] = e.getValue();
        bestCode[r] = code;
        groupAgency[r] = docs.agencyName(code);
      }
    }
    for (int r = 0; r < n; r++) {
      if (size[r] > 1 && docs.agency[origin[r]] != 0) {
        groupAgency[r] = docs.agency(origin[r]); // the origin's own credit wins
      }
    }
    int[] degree = new int[n + 1];
    for (int e = 0; e < edges.size; e++) {
      degree[edges.a[e] + 1]++;
      degree[edges.b[e] + 1]++;
    }
    for (int d = 0; d < n; d++) {
      degree[d + 1] += degree[d];
    }
    adjStart = degree;
    adjEdge = new int[edges.size * 2];
    int[] fill = new int[n];
    for (int e = 0; e < edges.size; e++) {
      adjEdge[adjStart[edges.a[e]] + fill[edges.a[e]]++] = e;
      adjEdge[adjStart[edges.b[e]] + fill[edges.b[e]]++] = e;
    }
  }

  /** Documents in the snapshot. */
  int size() {
    return root.length;
  }

  CopyResult result(int d) {
    int r = root[d];
    int o = origin[r];
    String agency = docs.agency(d);
    if (agency == null && size[r] > 1) {
      agency = groupAgency[r];
    }
    String id = docs.id(d);
    List<Source> sources = new ArrayList<>();
    if (size[r] > 1) {
      if (d == o) {
        return new CopyResult(id, r, Relation.ORIGINAL, List.of(), id, agency, null);
      }
      boolean exact = docs.normalizedHash[d] == docs.normalizedHash[o];
      List<Integer> copyEdges = new ArrayList<>();
      boolean anyBetter = false;
      for (int i = adjStart[d]; i < adjStart[d + 1]; i++) {
        int e = adjEdge[i];
        int f = edges.flags[e];
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
      int t = docs.tokens[d];
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
    for (int i = adjStart[d]; i < adjStart[d + 1]; i++) {
      int e = adjEdge[i];
      int f = edges.flags[e];
      boolean isA = edges.a[e] == d;
      boolean takes = (f & (isA ? EdgeList.A_PARTIAL_B : EdgeList.B_PARTIAL_A)) != 0;
      boolean given = (f & (isA ? EdgeList.B_PARTIAL_A : EdgeList.A_PARTIAL_B)) != 0;
      int o = other(e, d);
      if (takes && (!given || better(o, d)) && root[o] != root[d]) {
        sources.add(source(e, d));
      }
    }
  }

  private Source source(int e, int d) {
    boolean isA = edges.a[e] == d;
    double c = isA ? edges.containmentAb[e] : edges.containmentBa[e];
    return new Source(docs.id(other(e, d)), clamp(c), clamp(edges.resemblance[e]));
  }

  private int other(int e, int d) {
    return edges.a[e] == d ? edges.b[e] : edges.a[e];
  }

  /** Whether {@code x} ranks before {@code y} as a group's origin. */
  private boolean better(int x, int y) {
    boolean ax = docs.has(x, DocTable.OUTLET_IS_AGENCY);
    boolean ay = docs.has(y, DocTable.OUTLET_IS_AGENCY);
    if (ax != ay) {
      return ax;
    }
    boolean cx = docs.agency[x] != 0;
    boolean cy = docs.agency[y] != 0;
    if (cx != cy) {
      return cx;
    }
    int px = docs.publishedMinute[x];
    int py = docs.publishedMinute[y];
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
