package io.storyline.copies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The staged copy detection gives what the online index gives, when the steps are fed as the index feeds them. */
class CopyStagesTest {
  private final CopyDetector detector = CopyDetector.builder().build();
  private final CopyStages stages = new CopyStages(detector);

  /** Wires, their edited, cut and exact copies, partial reuse, boilerplate sharers, short and unrelated texts. */
  private static List<CopyDocument> corpus() {
    List<CopyDocument> docs = new ArrayList<>();
    Instant t = Instant.parse("2024-03-01T08:00:00Z");
    for (int w = 0; w < 6; w++) {
      String wire = Texts.article(10 + w, 10 + w);
      List<String> paras = Texts.paragraphs(wire);
      docs.add(new CopyDocument("paper-a/" + w, Texts.editEvery(wire, 15), t.plusSeconds(3600L * w + 60), "Paper A",
          null));
      docs.add(new CopyDocument("wire/" + w, wire, t.plusSeconds(3600L * w), "Reuters", null));
      docs.add(new CopyDocument("paper-b/" + w, wire.toUpperCase(), null, "Paper B", "Reuters"));
      docs.add(new CopyDocument("paper-c/" + w, String.join("\n\n", paras.subList(0, paras.size() / 2)),
          t.plusSeconds(3600L * w + 120), "Paper C", null));
      String own = Texts.article(500 + w, 5);
      docs.add(new CopyDocument("paper-d/" + w, own + "\n\n" + String.join("\n\n", paras.subList(2, 5)),
          t.plusSeconds(3600L * w + 600), "Paper D", null));
      for (int u = 0; u < 8; u++) {
        docs.add(new CopyDocument("other/" + w + "-" + u, Texts.article(1000 + 10 * w + u, 6)
            + "\n\nSign up for our newsletter to get the day's top stories in your inbox every morning.", null,
            "Paper E", null));
      }
      docs.add(new CopyDocument("short/" + w, "Breaking news.", null, null, null));
    }
    return docs;
  }

  @Test
  void stepsFedInInsertionOrderGiveTheIndexResults() {
    List<CopyDocument> docs = corpus();
    CopyIndex index = detector.newIndex();
    List<CopyMatch> matches = docs.stream().map(index::add).toList();
    List<CopyResult> expected = index.results().toList();

    List<CopyStages.Keys> keys = docs.stream().map(d -> stages.keys(d.text())).toList();
    Map<Long, List<Integer>> posted = new HashMap<>();
    CopyStages.WordCounts counts = CopyStages.WordCounts.empty();
    List<CopyStages.Edge> edges = new ArrayList<>();
    int[] parent = new int[docs.size()];
    for (int p = 0; p < docs.size(); p++) {
      parent[p] = p;
      CopyStages.Keys k = keys.get(p);
      Map<Integer, int[]> found = new TreeMap<>();
      for (int band : k.bands()) {
        for (int q : posted.getOrDefault(0L << 32 | (band & 0xFFFFFFFFL), List.of())) {
          found.computeIfAbsent(q, x -> new int[3])[0]++;
        }
      }
      for (int key : k.postings()) {
        List<Integer> holders = posted.getOrDefault(1L << 32 | (key & 0xFFFFFFFFL), List.of());
        for (int q : holders) {
          found.computeIfAbsent(q, x -> new int[3])[holders.size() <= stages.rarePostings() ? 1 : 2]++;
        }
      }
      List<CopyStages.Candidate> candidates = new ArrayList<>();
      found.forEach((q, h) -> candidates.add(new CopyStages.Candidate(q, h[0], h[1], h[2], keys.get(q).shingles())));
      long[] chosen = k.shingles() == 0 ? new long[0] : stages.select(k.shingles(), candidates);
      List<String> texts = new ArrayList<>();
      for (long q : chosen) {
        texts.add(docs.get((int) q).text());
      }
      CopyStages.Verification v = stages.verify(docs.get(p).text(), texts, counts);
      assertThat(v.relation()).as(docs.get(p).id()).isEqualTo(matches.get(p).relation());
      stages.count(counts, docs.get(p).text());
      for (CopyStages.Link l : v.links()) {
        int q = (int) chosen[l.candidate()];
        edges.add(new CopyStages.Edge(p, q, l.flags(), l.containment(), l.reverseContainment(), l.resemblance()));
        if (l.joinsGroup()) {
          parent[Math.max(root(parent, p), root(parent, q))] = Math.min(root(parent, p), root(parent, q));
        }
      }
      if (k.shingles() > 0) {
        for (int band : k.bands()) {
          List<Integer> l = posted.computeIfAbsent(0L << 32 | (band & 0xFFFFFFFFL), x -> new ArrayList<>());
          if (l.size() < stages.bandCap()) {
            l.add(p);
          }
        }
        for (int key : k.postings()) {
          List<Integer> l = posted.computeIfAbsent(1L << 32 | (key & 0xFFFFFFFFL), x -> new ArrayList<>());
          if (l.size() < stages.postingCap()) {
            l.add(p);
          }
        }
      }
    }
    List<CopyStages.Member> members = new ArrayList<>();
    for (int p = 0; p < docs.size(); p++) {
      members.add(stages.member(docs.get(p), p, root(parent, p), keys.get(p)));
    }
    List<CopyResult> staged = new ArrayList<>();
    for (int p = 0; p < docs.size(); p++) {
      if (root(parent, p) == p) {
        staged.addAll(stages.results(p, members, edges));
      }
    }
    staged.sort((a, b) -> Integer.compare(position(docs, a.id()), position(docs, b.id())));
    assertThat(staged).isEqualTo(expected);
    assertThat(expected).extracting(CopyResult::relation).contains(Relation.ORIGINAL, Relation.EXACT, Relation.NEAR,
        Relation.PARTIAL, Relation.UNIQUE);
  }

  @Test
  void wordCountsAddUpAndRoundTripThroughArrays() {
    CopyStages.WordCounts a = CopyStages.WordCounts.empty();
    stages.count(a, "The minister said on Tuesday that talks would continue.");
    CopyStages.WordCounts b = CopyStages.WordCounts.empty();
    stages.count(b, "Talks would continue, the minister said.");
    stages.count(b, "Nothing in common here at all.");
    CopyStages.WordCounts sum = a.plus(b);
    assertThat(sum.documents()).isEqualTo(3);
    CopyStages.WordCounts copy = CopyStages.WordCounts.of(sum.counts(), sum.documents());
    assertThat(copy.counts()).isEqualTo(sum.counts());
    assertThat(java.util.Arrays.stream(sum.counts()).max().orElse(0)).isEqualTo(2);
  }

  private static int root(int[] parent, int x) {
    while (parent[x] != x) {
      x = parent[x];
    }
    return x;
  }

  private static int position(List<CopyDocument> docs, String id) {
    for (int i = 0; i < docs.size(); i++) {
      if (docs.get(i).id().equals(id)) {
        return i;
      }
    }
    throw new AssertionError(id);
  }
}
