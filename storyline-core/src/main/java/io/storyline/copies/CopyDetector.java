package io.storyline.copies;

import io.storyline.extract.Article;
import io.storyline.fingerprint.Fingerprinter;
import io.storyline.ingest.RawDocument;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Front door of copy detection: settings, and the factory of {@link CopyIndex}es. Immutable and thread-safe.
 *
 * <pre>{@code
 * CopyDetector detector = CopyDetector.builder().build();
 * try (CopyIndex index = detector.newIndex()) {
 *   CopyMatch m = index.add(CopyDocument.of(article));      // copy of what, how much: at once
 *   index.results().forEach(System.out::println);            // groups, origins, relations: at the end
 * }
 * TextDiff diff = detector.diff(textA, textB);               // what one outlet changed
 * }</pre>
 *
 * Defaults: 4-word shingles, MinHash of 8 bands x 4 rows, shingle postings sampled 1 in 16, up to 16 candidates
 * verified per document, derivation decided by {@link Derivation#DEFAULT} (partially derived from a reused share
 * of 0.025 + 0.045 ln(1 + reused words), wholly from a traced share of 0.92 + 0.15 ln(words / source words)). Each
 * is explained where it is used ({@code LshIndex}, {@code PostingIndex}, {@code Reuse}, {@link Derivation}).
 */
public final class CopyDetector {
  /** Slopes of {@link Derivation#DEFAULT}, kept when the builder moves the base thresholds. */
  private static final double PARTIAL_SLOPE = 0.045;
  private static final double NEAR_SLOPE = 0.15;
  final Fingerprinter fingerprinter;
  final int bands;
  final int rows;
  final int sampling;
  final int maxCandidates;
  final double nearTraced;
  final double partialReused;
  final Derivation derivation;
  final long cacheBytes;

  private CopyDetector(Builder b) {
    this.fingerprinter = Fingerprinter.builder().shingleSize(b.shingleSize).minHashSize(b.bands * b.rows)
        .seed(b.seed).build();
    this.bands = b.bands;
    this.rows = b.rows;
    this.sampling = b.sampling;
    this.maxCandidates = b.maxCandidates;
    this.nearTraced = b.nearTraced;
    this.partialReused = b.partialReused;
    this.derivation = b.partialReused == Derivation.DEFAULT.partialBase() && b.nearTraced == Derivation.DEFAULT.nearBase()
        ? Derivation.DEFAULT : new Derivation(b.partialReused, PARTIAL_SLOPE, b.nearTraced, NEAR_SLOPE);
    this.cacheBytes = b.cacheBytes;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A new empty index keeping the texts it needs for verification in memory. */
  public CopyIndex newIndex() {
    return new CopyIndex(this, TextStore.inMemory());
  }

  /**
   * A new empty index keeping texts in {@code textFile} (created or truncated, deleted on close) so that memory
   * holds only the index: for large corpora.
   */
  public CopyIndex newIndex(Path textFile) throws IOException {
    return new CopyIndex(this, TextStore.onDisk(Objects.requireNonNull(textFile, "textFile"), true));
  }

  /**
   * Reads an index written by {@link CopyIndex#save}; its texts go to memory.
   *
   * @throws IOException when the stream is not a copy index, has another format version, was made with other
   *                     settings than this detector's, or is truncated
   */
  public CopyIndex load(InputStream in) throws IOException {
    return IndexFile.read(this, in, TextStore.inMemory());
  }

  /** As {@link #load(InputStream)}, keeping the texts in {@code textFile} (deleted on close). */
  public CopyIndex load(InputStream in, Path textFile) throws IOException {
    return IndexFile.read(this, in, TextStore.onDisk(Objects.requireNonNull(textFile, "textFile"), true));
  }

  /** Word-level diff of two texts: what was added, removed and changed going from {@code a} to {@code b}. */
  public TextDiff diff(String a, String b) {
    return WordDiff.diff(Objects.requireNonNull(a, "a"), Objects.requireNonNull(b, "b"));
  }

  /**
   * Word-level diff of two extracted documents as their readers see them: the byline and each kept paragraph as
   * printed on its line of the page, so credits and datelines that extraction moved into metadata are compared
   * too (site chrome is not). For HTML pages: the byline and the clean text.
   */
  public TextDiff diff(RawDocument rawA, Article a, RawDocument rawB, Article b) {
    return diff(ReaderText.of(rawA, a), ReaderText.of(rawB, b));
  }

  /** The fingerprinter this detector shingles with (same seed and sizes). */
  public Fingerprinter fingerprinter() {
    return fingerprinter;
  }

  /** Options of a {@link CopyDetector}; each may be set once, cross-checks in {@link #build()}. */
  public static final class Builder {
    private int shingleSize = 4;
    private long seed = Fingerprinter.DEFAULT_SEED;
    private int bands = 8;
    private int rows = 4;
    private int sampling = 16;
    private int maxCandidates = 16;
    private double nearTraced = Derivation.DEFAULT.nearBase();
    private double partialReused = Derivation.DEFAULT.partialBase();
    private long cacheBytes = 64L << 20;
    private final java.util.Set<String> set = new java.util.HashSet<>();

    private Builder() {}

    /** Words per shingle (default 4). */
    public Builder shingleSize(int k) {
      once("shingleSize");
      if (k < 1 || k > 16) {
        throw new IllegalArgumentException("shingleSize must be between 1 and 16, got " + k);
      }
      shingleSize = k;
      return this;
    }

    /** Seed of every hash function (default {@link Fingerprinter#DEFAULT_SEED}). */
    public Builder seed(long seed) {
      once("seed");
      this.seed = seed;
      return this;
    }

    /** LSH bands (default 8); requires {@link #rows}. */
    public Builder bands(int bands) {
      once("bands");
      if (bands < 1 || bands > 128) {
        throw new IllegalArgumentException("bands must be between 1 and 128, got " + bands);
      }
      this.bands = bands;
      return this;
    }

    /** MinHash values per LSH band (default 4); requires {@link #bands}. */
    public Builder rows(int rows) {
      once("rows");
      if (rows < 1 || rows > 32) {
        throw new IllegalArgumentException("rows must be between 1 and 32, got " + rows);
      }
      this.rows = rows;
      return this;
    }

    /** Post one shingle in {@code p} for containment search, a power of two (default 16; 1 posts all). */
    public Builder postingSampling(int p) {
      once("postingSampling");
      if (p < 1 || p > 1024 || Integer.bitCount(p) != 1) {
        throw new IllegalArgumentException("postingSampling must be a power of two from 1 to 1024, got " + p);
      }
      sampling = p;
      return this;
    }

    /** Most candidates verified per document, best first (default 16). */
    public Builder maxCandidates(int n) {
      once("maxCandidates");
      if (n < 1 || n > 1024) {
        throw new IllegalArgumentException("maxCandidates must be between 1 and 1024, got " + n);
      }
      maxCandidates = n;
      return this;
    }

    /**
     * Traced share from which a derived document as long as its main source is wholly derived (near), 0 to 1
     * (default 0.92; it moves by 0.15 per unit of ln(words / source words), see {@link Derivation}).
     */
    public Builder nearTraced(double share) {
      once("nearTraced");
      nearTraced = checkShare("nearTraced", share);
      return this;
    }

    /**
     * Reused share from which a document is derived, before the length term, 0 to 1 (default 0.025; it grows by
     * 0.045 per unit of ln(1 + reused words), see {@link Derivation}).
     */
    public Builder partialReused(double share) {
      once("partialReused");
      partialReused = checkShare("partialReused", share);
      return this;
    }

    /** Heap for the tokens of recently added or verified texts, in bytes (default 64 MB; 0 disables). */
    public Builder cacheBytes(long bytes) {
      once("cacheBytes");
      if (bytes < 0) {
        throw new IllegalArgumentException("cacheBytes must be >= 0, got " + bytes);
      }
      cacheBytes = bytes;
      return this;
    }

    public CopyDetector build() {
      if (set.contains("bands") != set.contains("rows")) {
        throw new IllegalStateException(set.contains("bands") ? "bands requires rows" : "rows requires bands");
      }
      if (bands * rows > 1024) {
        throw new IllegalStateException("bands x rows must be at most 1024, got " + bands + " x " + rows);
      }
      return new CopyDetector(this);
    }

    private void once(String option) {
      if (!set.add(option)) {
        throw new IllegalStateException(option + " was already set on this builder");
      }
    }

    private static double checkShare(String name, double v) {
      if (!(v >= 0 && v <= 1)) {
        throw new IllegalArgumentException(name + " must be between 0 and 1, got " + v);
      }
      return v;
    }
  }
}
