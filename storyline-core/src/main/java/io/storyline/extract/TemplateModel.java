package io.storyline.extract;

import io.storyline.ingest.RawDocument;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Learns a source's template from its flattened-text documents: a line that recurs on many pages of one outlet or
 * crawl ("Support The Moscow Times!", a site name, a fixed footer) is chrome on every page of that source.
 *
 * <p>Use it online (an {@link Extractor} built with {@code learnOnline(true)} feeds each document before extracting
 * it) or in a first pass ({@link #learn} every document, then extract): the CLI makes two passes over its inputs.
 * Thread-safe. Only {@link RawDocument.ContentKind#TEXT} documents are learned from (HTML chrome is handled in the
 * DOM).
 *
 * <p>Method. Documents are grouped by {@link Builder#groupBy} (default {@link #defaultGroup}: the document's source,
 * else its URL host, else the folder the input was read from). Each group keeps the line keys (lower case, digits
 * as 0, whitespace collapsed; 64-bit FNV-1a) of its last {@code window} documents, at most 100 units each (the first
 * and last 50: chrome lives at the edges), and a document frequency per key. A line is template when it occurs in
 * at least {@code minDocuments} documents and in at least {@code minShare} of the group's documents (twice that,
 * capped at 0.9, for sentence-like lines of eight words or more, which are more often real text).
 *
 * <p>Copy guard: the recurring lines of syndicated copies are the article itself. A document that repeats 60% or
 * more of its prose lines from documents already in the group (a copy, a new version, a re-crawl) or is an exact
 * duplicate is not counted. Without it, five outlets' copies of one Reuters story in one folder would turn the story
 * into template. Measured on METER (PA wire, 472 takes with substitutes and night leads repeating earlier takes
 * whole): no article line is learned as template.
 *
 * <p>Memory: at most {@code maxGroups} groups (least recently used dropped) of {@code window} documents.
 */
public final class TemplateModel {

  private static final int EDGE_UNITS = 50;
  /** Share of a document's prose lines already seen in its group above which it is a copy, not a new page. */
  private static final double COPY_SHARE = 0.6;

  private final int minDocuments;
  private final double minShare;
  private final int window;
  private final int maxGroups;
  private final Function<RawDocument, String> groupBy;
  private final TextArticleExtractor units = new TextArticleExtractor(Extractor.DEFAULT_MAX_CHARS);
  private final Map<String, Group> groups;

  private TemplateModel(Builder b) {
    this.minDocuments = b.minDocuments;
    this.minShare = b.minShare;
    this.window = b.window;
    this.maxGroups = b.maxGroups;
    this.groupBy = b.groupBy;
    this.groups = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Group> eldest) {
        return size() > TemplateModel.this.maxGroups;
      }
    };
  }

  /** A model with default settings. */
  public static TemplateModel create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Adds one document to its group's statistics. Documents that are not text are ignored. */
  public void learn(RawDocument doc) {
    Objects.requireNonNull(doc, "doc");
    if (doc.kind() != RawDocument.ContentKind.TEXT || doc.content().isBlank()) {
      return;
    }
    List<String> lines = units.units(doc.content());
    group(groupBy.apply(doc), true).add(lines);
  }

  /** The template lines of {@code doc}'s group as a test on unit text; never {@code null}. */
  Predicate<String> linesFor(RawDocument doc) {
    if (doc.kind() != RawDocument.ContentKind.TEXT) {
      return s -> false;
    }
    Group g = group(groupBy.apply(doc), false);
    return g == null ? s -> false : g::isTemplate;
  }

  /** Whether {@code line} is a template line in the group of {@code doc}. */
  public boolean isTemplate(RawDocument doc, String line) {
    return linesFor(doc).test(line.strip());
  }

  /** Number of documents counted (copies and duplicates excluded), over all groups. */
  public int documents() {
    synchronized (groups) {
      int n = 0;
      for (Group g : groups.values()) {
        n += g.size();
      }
      return n;
    }
  }

  /** The default grouping: source, else URL host, else the input folder (location without the id), else "". */
  public static String defaultGroup(RawDocument doc) {
    if (doc.source() != null && !doc.source().isBlank()) {
      return "source:" + doc.source().strip().toLowerCase(Locale.ROOT);
    }
    String host = host(doc.url());
    if (host != null) {
      return "host:" + host;
    }
    String loc = doc.location().replace('\\', '/');
    String id = doc.id().replace('\\', '/');
    if (loc.endsWith(id) && loc.length() > id.length()) {
      return "input:" + loc.substring(0, loc.length() - id.length());
    }
    int colon = loc.lastIndexOf(':');
    int slash = loc.lastIndexOf('/');
    if (colon > slash && colon > 1) {
      return "input:" + loc.substring(0, colon); // path:line of a JSONL file
    }
    return slash > 0 ? "input:" + loc.substring(0, slash) : "input:";
  }

  static String host(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      String h = URI.create(url.strip()).getHost();
      if (h == null) {
        return null;
      }
      h = h.toLowerCase(Locale.ROOT);
      return h.startsWith("www.") ? h.substring(4) : h;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private Group group(String key, boolean create) {
    synchronized (groups) {
      Group g = groups.get(key);
      if (g == null && create) {
        g = new Group();
        groups.put(key, g);
      }
      return g;
    }
  }

  static long key(String line) {
    long h = 0xcbf29ce484222325L;
    boolean space = false;
    int n = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = Character.toLowerCase(line.charAt(i));
      if (Character.isWhitespace(c)) {
        space = n > 0;
        continue;
      }
      if (space) {
        h = (h ^ ' ') * 0x100000001b3L;
        space = false;
      }
      if (Character.isDigit(c)) {
        c = '0';
      }
      h = (h ^ c) * 0x100000001b3L;
      n++;
    }
    return h;
  }

  private static boolean proseLike(String line) {
    Block b = new Block(line);
    return b.sentenceEnd && b.words >= 8;
  }

  /** Statistics of one source. */
  private final class Group {
    private final ArrayDeque<long[]> docs = new ArrayDeque<>();
    private final ArrayDeque<Long> digests = new ArrayDeque<>();
    private final Set<Long> seenDigests = new HashSet<>();
    private final Map<Long, int[]> frequency = new HashMap<>();

    synchronized int size() {
      return docs.size();
    }

    synchronized void add(List<String> lines) {
      Set<Long> keys = new HashSet<>();
      int total = 0;
      int proseLines = 0;
      int proseSeen = 0;
      long digest = 0xcbf29ce484222325L;
      for (int i = 0; i < lines.size(); i++) {
        long k = key(lines.get(i));
        digest = (digest ^ k) * 0x100000001b3L;
        if (i >= EDGE_UNITS && i < lines.size() - EDGE_UNITS) {
          continue;
        }
        if (!keys.add(k)) {
          continue;
        }
        total++;
        if (proseLike(lines.get(i))) {
          proseLines++;
          int[] f = frequency.get(k);
          if (f != null && f[0] > 0) {
            proseSeen++;
          }
        }
      }
      if (total == 0 || seenDigests.contains(digest) || (proseLines >= 2 && proseSeen >= COPY_SHARE * proseLines)) {
        return; // empty, exact duplicate, or a copy of a document already counted
      }
      long[] entry = new long[keys.size()];
      int i = 0;
      for (long k : keys) {
        entry[i++] = k;
        int[] f = frequency.computeIfAbsent(k, x -> new int[2]);
        f[0]++;
      }
      for (int j = 0; j < lines.size(); j++) {
        if ((j < EDGE_UNITS || j >= lines.size() - EDGE_UNITS) && proseLike(lines.get(j))) {
          frequency.get(key(lines.get(j)))[1] = 1;
        }
      }
      docs.addLast(entry);
      digests.addLast(digest);
      seenDigests.add(digest);
      if (docs.size() > window) {
        for (long k : docs.removeFirst()) {
          int[] f = frequency.get(k);
          if (--f[0] == 0) {
            frequency.remove(k);
          }
        }
        seenDigests.remove(digests.removeFirst());
      }
    }

    synchronized boolean isTemplate(String line) {
      int[] f = frequency.get(key(line));
      if (f == null || f[0] < minDocuments) {
        return false;
      }
      double share = f[1] == 1 ? Math.min(0.9, 2 * minShare) : minShare;
      return f[0] >= share * docs.size();
    }
  }

  /** Settings of a {@link TemplateModel}. */
  public static final class Builder {
    private int minDocuments = 3;
    private double minShare = 0.25;
    private int window = 200;
    private int maxGroups = 2_000;
    private Function<RawDocument, String> groupBy = TemplateModel::defaultGroup;

    private Builder() {}

    /** Documents a line must occur in before it can be template (default 3, at least 2). */
    public Builder minDocuments(int n) {
      if (n < 2) {
        throw new IllegalArgumentException("minDocuments must be at least 2, got " + n);
      }
      this.minDocuments = n;
      return this;
    }

    /** Share of a group's documents a line must occur in (default 0.25; sentence-like lines need twice it). */
    public Builder minShare(double share) {
      if (!(share > 0 && share <= 1)) {
        throw new IllegalArgumentException("minShare must be in (0, 1], got " + share);
      }
      this.minShare = share;
      return this;
    }

    /** Most recent documents kept per group (default 200). */
    public Builder window(int documents) {
      if (documents < 2) {
        throw new IllegalArgumentException("window must be at least 2 documents, got " + documents);
      }
      this.window = documents;
      return this;
    }

    /** Groups kept, least recently used dropped first (default 2,000). */
    public Builder maxGroups(int groups) {
      if (groups < 1) {
        throw new IllegalArgumentException("maxGroups must be at least 1, got " + groups);
      }
      this.maxGroups = groups;
      return this;
    }

    /** How documents are grouped into sources (default {@link TemplateModel#defaultGroup}). */
    public Builder groupBy(Function<RawDocument, String> groupBy) {
      this.groupBy = Objects.requireNonNull(groupBy, "groupBy");
      return this;
    }

    public TemplateModel build() {
      if (window < minDocuments) {
        throw new IllegalArgumentException(
            "window (" + window + ") must be at least minDocuments (" + minDocuments + ")");
      }
      return new TemplateModel(this);
    }
  }
}
