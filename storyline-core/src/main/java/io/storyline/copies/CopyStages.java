package io.storyline.copies;

import io.storyline.internal.Agencies;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Copy detection cut into steps that run apart, for a cluster (the Spark job of {@code storyline-spark}). A
 * {@link CopyIndex} checks each document against the documents added before it, in one process; here each step
 * takes what the previous ones computed elsewhere and gives what the next one needs, with the index's own rules:
 *
 * <ol>
 *   <li>{@link #keys}: a text's LSH band keys and sampled shingle keys; documents sharing a key find each other.
 *       Each key holds its first {@link #bandCap()} or {@link #postingCap()} documents, as in the index.</li>
 *   <li>{@link #select}: which of the documents found a check verifies, best first (the index's ranking).</li>
 *   <li>{@link #verify}: the relations of a document to those candidates, with the word frequencies of the
 *       documents before it ({@link WordCounts}, built with {@link #count} and summed with
 *       {@link WordCounts#plus}).</li>
 *   <li>{@link #results}: the {@link CopyResult}s of one copy group, from its members and their relations.</li>
 * </ol>
 * Given the documents in the index's insertion order (positions 0, 1, ...), the same candidates and the same word
 * counts, every step gives what {@link CopyIndex#add} and {@link CopyIndex#results} give; the Spark job's tests
 * check that on METER. Immutable and thread-safe; the values it returns hold only arrays and numbers, so callers
 * can ship them between machines.
 */
public final class CopyStages {
  private final CopyDetector detector;

  public CopyStages(CopyDetector detector) {
    this.detector = Objects.requireNonNull(detector, "detector");
  }

  /**
   * What the candidate search and the grouping need of one text.
   *
   * @param bands          LSH band keys of its MinHash signature (empty for a text too short to compare)
   * @param postings       its sampled shingle keys, distinct
   * @param normalizedHash hash of the normalised text (equal for exact copies)
   * @param tokens         words
   * @param shingles       shingles (0: too short to compare)
   */
  public record Keys(int[] bands, int[] postings, long normalizedHash, int tokens, int shingles) {
    public Keys {
      bands = bands.clone();
      postings = postings.clone();
    }

    @Override
    public int[] bands() {
      return bands.clone();
    }

    @Override
    public int[] postings() {
      return postings.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Keys k && Arrays.equals(bands, k.bands) && Arrays.equals(postings, k.postings)
          && normalizedHash == k.normalizedHash && tokens == k.tokens && shingles == k.shingles;
    }

    @Override
    public int hashCode() {
      return Objects.hash(Arrays.hashCode(bands), Arrays.hashCode(postings), normalizedHash, tokens, shingles);
    }

    @Override
    public String toString() {
      return "Keys[bands=" + bands.length + ", postings=" + postings.length + ", tokens=" + tokens + ", shingles="
          + shingles + "]";
    }
  }

  /** Step 1: the keys of a text. */
  public Keys keys(String text) {
    Analysis a = Analysis.of(detector.fingerprinter, Objects.requireNonNull(text, "text"));
    if (!a.hasShingles()) {
      return new Keys(new int[0], new int[0], a.fingerprint.normalizedHash(), a.tokens.size(), 0);
    }
    LshIndex lsh = new LshIndex(detector.bands, detector.rows, detector.fingerprinter.seed(), 1);
    PostingIndex postings = new PostingIndex(detector.sampling, 1);
    return new Keys(lsh.keys(a.fingerprint.minHash()), postings.keys(a.shinglesInOrder),
        a.fingerprint.normalizedHash(), a.tokens.size(), a.shinglesInOrder.length);
  }

  /** Documents one LSH band key holds; later documents with the key are not posted (but still find those). */
  public int bandCap() {
    return LshIndex.CAP;
  }

  /** Documents one shingle key holds; later documents with the key are not posted (but still find those). */
  public int postingCap() {
    return PostingIndex.CAP;
  }

  /** A shingle key held by at most this many documents when a check reads it is rare: it counts double. */
  public int rarePostings() {
    return PostingIndex.RARE;
  }

  /**
   * A document a check found through the keys.
   *
   * @param position       its insertion position (input order)
   * @param bands          band keys it shares with the checked text
   * @param rarePostings   shingle keys it shares that held at most {@link #rarePostings()} documents at the check
   * @param commonPostings the other shingle keys it shares
   * @param shingles       its shingle count
   */
  public record Candidate(long position, int bands, int rarePostings, int commonPostings, int shingles) {}

  /**
   * Step 2: the candidates a check verifies, best first, by position; {@code queryShingles} is the checked text's
   * shingle count ({@link Keys#shingles()}).
   */
  public long[] select(int queryShingles, List<Candidate> found) {
    List<Candidate> sorted = new ArrayList<>(found);
    sorted.sort(Comparator.comparingLong(Candidate::position));
    Candidates c = new Candidates();
    int[] shingles = new int[sorted.size()];
    for (int i = 0; i < sorted.size(); i++) {
      Candidate x = sorted.get(i);
      shingles[i] = x.shingles();
      c.add(i, x.bands() * CopyIndex.LSH_SCORE + 2 * x.rarePostings() + x.commonPostings());
    }
    int[] top = c.top(detector.maxCandidates, queryShingles, i -> shingles[i], detector.sampling);
    long[] out = new long[top.length];
    for (int i = 0; i < top.length; i++) {
      out[i] = sorted.get(top[i]).position();
    }
    return out;
  }

  /** Word document frequencies of the documents before a check, in {@link #BUCKETS} hashed buckets. */
  public static final class WordCounts {
    /** Buckets of a table. */
    public static final int BUCKETS = DfTable.BUCKETS;
    final DfTable table;

    private WordCounts(DfTable table) {
      this.table = table;
    }

    /** A table of {@code counts} ({@link #BUCKETS} long) over {@code documents} documents. */
    public static WordCounts of(int[] counts, long documents) {
      return new WordCounts(DfTable.of(counts, documents));
    }

    /** No documents yet. */
    public static WordCounts empty() {
      return of(new int[BUCKETS], 0);
    }

    /** The count of each bucket (a copy). */
    public int[] counts() {
      return table.counts();
    }

    /** Documents counted. */
    public long documents() {
      return table.documents();
    }

    /** The sum of this table and {@code other} (documents kept apart, counted once each). */
    public WordCounts plus(WordCounts other) {
      int[] a = counts();
      int[] b = other.counts();
      for (int i = 0; i < a.length; i++) {
        a[i] = (int) Math.min(Integer.MAX_VALUE, (long) a[i] + b[i]);
      }
      return of(a, documents() + other.documents());
    }
  }

  /** Adds one document's words to {@code counts}, as the index does after checking it. */
  public void count(WordCounts counts, String text) {
    counts.table.add(detector.fingerprinter.tokenize(Objects.requireNonNull(text, "text")));
  }

  /**
   * A relation of a checked document (a) to one of its candidates (b).
   *
   * @param candidate          index of b in the list given to {@link #verify}
   * @param flags              what holds: exact, a near b, b near a, a takes from b, b takes from a (bit set of
   *                           the index's relation flags; {@link #joinsGroup()} reads it)
   * @param containment        share of a's shingles found in b
   * @param reverseContainment share of b's shingles found in a
   * @param resemblance        Jaccard resemblance of the two shingle sets
   */
  public record Link(int candidate, int flags, double containment, double reverseContainment, double resemblance) {
    /** Whether a and b are in one copy group (exact or near, either way). */
    public boolean joinsGroup() {
      return (flags & EdgeList.JOINS) != 0;
    }
  }

  /**
   * A checked document's relation to its candidates and the links recorded.
   *
   * @param relation what {@link CopyIndex#add} returns for it: exact, near, partial or unique
   * @param links    relations to candidates, only those the index records
   */
  public record Verification(Relation relation, List<Link> links) {
    public Verification {
      links = List.copyOf(links);
    }
  }

  /**
   * Step 3: verifies {@code text} against its candidates (best first, as {@link #select} gives them) with the
   * word counts of the documents before it.
   */
  public Verification verify(String text, List<String> candidateTexts, WordCounts before) {
    Analysis a = Analysis.of(detector.fingerprinter, Objects.requireNonNull(text, "text"));
    if (!a.hasShingles() || candidateTexts.isEmpty()) {
      return new Verification(Relation.UNIQUE, List.of());
    }
    SourceText[] sources = new SourceText[candidateTexts.size()];
    for (int i = 0; i < sources.length; i++) {
      sources[i] = SourceText.of(detector.fingerprinter, candidateTexts.get(i));
    }
    Reuse.Outcome o = Reuse.verify(a, sources, sources.length, before.table, detector.derivation);
    Relation r = Reuse.relation(o, detector.derivation);
    int[] flags = Reuse.linkFlags(o, r, detector.derivation);
    List<Link> links = new ArrayList<>();
    for (int i = 0; i < flags.length; i++) {
      Reuse.Pair p = o.sources[i];
      if (flags[i] != 0) {
        links.add(new Link(p.index, flags[i], p.containment, p.reverseContainment, p.resemblance));
      }
    }
    return new Verification(r, links);
  }

  /**
   * One document as the grouping rules see it.
   *
   * @param id             its id
   * @param position       its insertion position
   * @param group          its copy group: the position of the group's first member (its own when alone)
   * @param normalizedHash as in {@link Keys}
   * @param tokens         as in {@link Keys}
   * @param shingles       as in {@link Keys}
   * @param published      publication time, or null
   * @param agency         the wire service credited, or that it is (a wire's own copy), or null
   * @param outletIsAgency whether the outlet is itself a news agency
   */
  public record Member(String id, long position, long group, long normalizedHash, int tokens, int shingles,
      Instant published, String agency, boolean outletIsAgency) {
    public Member {
      Objects.requireNonNull(id, "id");
    }
  }

  /** A document's {@link Member}: the agency and outlet rules of the index applied to it. */
  public Member member(CopyDocument doc, long position, long group, Keys keys) {
    String agency = doc.agency() != null ? doc.agency() : Agencies.canonicalName(doc.outlet());
    return new Member(doc.id(), position, group, keys.normalizedHash(), keys.tokens(), keys.shingles(),
        doc.published(), agency, Agencies.canonicalName(doc.outlet()) != null);
  }

  /**
   * A recorded relation between two documents, by position: a was checked against b ({@link Link} of a).
   */
  public record Edge(long a, long b, int flags, double containment, double reverseContainment, double resemblance) {}

  /**
   * Step 4: the results of the members of copy group {@code group}, in position order. {@code documents} holds
   * every member of the group and every document a member has an edge to; {@code edges} every edge touching a
   * member.
   */
  public List<CopyResult> results(long group, List<Member> documents, List<Edge> edges) {
    if (group > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("group numbers are ints in CopyResult; position " + group
          + " is beyond them");
    }
    List<Member> sorted = new ArrayList<>(documents);
    sorted.sort(Comparator.comparingLong(Member::position));
    DocTable docs = new DocTable(detector.fingerprinter.shingleSize());
    Map<Long, Integer> local = new HashMap<>();
    for (Member m : sorted) {
      if (local.containsKey(m.position())) {
        continue;
      }
      int flags = (m.outletIsAgency() ? DocTable.OUTLET_IS_AGENCY : 0) | (m.shingles() == 0 ? DocTable.TOO_SHORT : 0);
      local.put(m.position(), docs.add(m.id(), m.normalizedHash(), m.tokens(), m.published(), m.agency(), flags));
    }
    EdgeList list = new EdgeList();
    for (Edge e : edges) {
      Integer a = local.get(e.a());
      Integer b = local.get(e.b());
      if (a == null || b == null) {
        throw new IllegalArgumentException("edge " + e.a() + " - " + e.b() + " names a document not given");
      }
      list.add(a, b, e.containment(), e.reverseContainment(), e.resemblance(), e.flags());
      if ((e.flags() & EdgeList.JOINS) != 0) {
        docs.union(a, b);
      }
    }
    Grouping g = Grouping.snapshot(docs, list, detector.fingerprinter.shingleSize());
    List<CopyResult> out = new ArrayList<>();
    java.util.Set<Long> done = new java.util.HashSet<>();
    for (Member m : sorted) {
      if (m.group() == group && done.add(m.position())) {
        CopyResult r = g.result(local.get(m.position()));
        out.add(new CopyResult(r.id(), (int) group, r.relation(), r.sources(), r.origin(), r.agency(), r.reason()));
      }
    }
    return out;
  }
}
