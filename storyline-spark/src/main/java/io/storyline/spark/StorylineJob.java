package io.storyline.spark;

import io.storyline.ingest.Ingest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * The Storyline pipeline as one Spark batch job: the front door of {@code io.storyline.spark}. Reads inputs from
 * any Hadoop file system, extracts articles, finds copy groups and stories with the core library's stages, and
 * writes JSON lines and Parquet (see {@code package-info} for the stages and their shuffles).
 *
 * <pre>{@code
 * StorylineJob job = StorylineJob.builder().inputs(List.of("s3a://news/2024/")).output("s3a://out/run1").build();
 * JobReport report = job.run(spark);
 * }</pre>
 */
public final class StorylineJob {
  /** What the job writes. */
  public enum Format {
    JSONL, PARQUET;

    /** "jsonl", "parquet" (any case) as formats; an unknown name is an IllegalArgumentException naming it. */
    public static EnumSet<Format> parse(List<String> names) {
      EnumSet<Format> out = EnumSet.noneOf(Format.class);
      for (String n : names) {
        try {
          out.add(valueOf(n.strip().toUpperCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("--format: expected jsonl or parquet, got '" + n + "'", e);
        }
      }
      return out;
    }
  }

  /** Default length of the story stage's blocks of publication time. */
  public static final Duration DEFAULT_STORY_BLOCK = Duration.ofDays(28);
  /** Default lead-in replayed before each story block. */
  public static final Duration DEFAULT_STORY_LEAD_IN = Duration.ofDays(7);

  /** The Spark job property naming the pipeline stage that submitted a Spark job (for listeners: the bench). */
  static final String STAGE_PROPERTY = "storyline.stage";

  /** Input bytes per partition when the partition count is left to the job. */
  static final long BYTES_PER_PARTITION = 64L << 20;

  private final List<String> inputs;
  private final String output;
  private final Set<Format> formats;
  private final long maxFileSize;
  private final boolean templates;
  private final int partitions;
  private final boolean overwrite;
  private final boolean copies;
  private final boolean stories;
  private final boolean embeddings;
  private final Duration storyBlock;
  private final Duration storyLeadIn;
  private final Clock clock;
  private final int maxStoryCell;
  private final Consumer<String> log;

  private StorylineJob(Builder b) {
    this.inputs = List.copyOf(b.inputs);
    this.output = b.output;
    this.formats = Set.copyOf(b.formats);
    this.maxFileSize = b.maxFileSize;
    this.templates = b.templates;
    this.partitions = b.partitions;
    this.overwrite = b.overwrite;
    this.copies = b.copies;
    this.stories = b.stories;
    this.embeddings = b.embeddings;
    this.storyBlock = b.storyBlock;
    this.storyLeadIn = b.storyLeadIn;
    this.clock = b.clock;
    this.maxStoryCell = b.maxStoryCell;
    this.log = b.log;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs the job on {@code spark} and writes the output folder.
   *
   * @throws java.io.FileNotFoundException (unchecked, as {@link UncheckedIOException}) when an input does not exist
   * @throws IllegalStateException when the output folder exists and overwriting was not asked for
   */
  public JobReport run(SparkSession spark) {
    long start = System.nanoTime();
    Map<String, Double> seconds = new LinkedHashMap<>();
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Configuration conf = sc.hadoopConfiguration();
    prepareOutput(conf);

    long t = System.nanoTime();
    List<InputFile> files;
    try {
      files = InputListing.list(inputs, conf);
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
    int parts = partitions > 0 ? partitions : autoPartitions(files, sc.defaultParallelism());
    log.accept(String.format(java.util.Locale.ROOT, "%,d files listed; %d partitions, parallelism %d",
        files.size(), parts, sc.defaultParallelism()));
    seconds.put("list", since(t));

    t = System.nanoTime();
    sc.setLocalProperty(STAGE_PROPERTY, "read+extract");
    Broadcast<HadoopConf> hadoop = sc.broadcast(new HadoopConf(conf));
    JavaRDD<Item> read = sc.parallelize(slices(files, Math.min(Math.max(1, files.size()), parts)),
            Math.max(1, Math.min(files.size(), parts)))
        .flatMap(List::iterator)
        .flatMap(new FileReading(hadoop, maxFileSize, templates));
    JavaRDD<Item> extracted = templates ? Extraction.extract(read, parts) : read;
    extracted.persist(StorageLevel.MEMORY_AND_DISK_SER());
    JavaRDD<ArticleRecord> articles = extracted.filter(i -> i instanceof ArticleRecord).map(i -> (ArticleRecord) i);
    JavaRDD<ProblemRecord> problems = extracted.filter(i -> i instanceof ProblemRecord).map(i -> (ProblemRecord) i);
    UniqueIds.Result unique = UniqueIds.of(articles, parts);
    JavaRDD<ArticleRecord> kept = unique.articles();
    kept.persist(StorageLevel.MEMORY_AND_DISK_SER());
    long documents = kept.count();
    seconds.put("read+extract", since(t));
    log.accept(String.format(java.util.Locale.ROOT, "%,d documents read and extracted", documents));

    JavaRDD<ProblemRecord> allProblems = problems.union(unique.problems());

    // documents in input order: the order of the output, and of the stages that depend on it
    OrderPartitioner byOrder = OrderPartitioner.of(files, parts);
    JavaRDD<DocumentResult> inOrder = kept.mapToPair(a -> new Tuple2<>(a.order(), DocumentResult.of(a)))
        .repartitionAndSortWithinPartitions(byOrder).values();
    inOrder.persist(StorageLevel.MEMORY_AND_DISK_SER());
    List<JavaRDD<DocumentResult>> cached = new ArrayList<>(List.of(inOrder));

    long copyGroups = -1;
    if (copies) {
      t = System.nanoTime();
      sc.setLocalProperty(STAGE_PROPERTY, "copies");
      CopyGroups.Result copy = CopyGroups.run(inOrder, byOrder, parts);
      inOrder = OrderedMerge.merge(inOrder, copy.labels(), byOrder, DocumentResult::withCopies);
      inOrder.persist(StorageLevel.MEMORY_AND_DISK_SER());
      inOrder.count();
      cached.add(inOrder);
      copy.labels().unpersist(false);
      copyGroups = copy.groups();
      seconds.put("copies", since(t));
      log.accept(String.format(java.util.Locale.ROOT, "%,d copy groups of two or more documents", copyGroups));
    }

    long storyCount = -1;
    long topicCount = -1;
    if (stories) {
      t = System.nanoTime();
      sc.setLocalProperty(STAGE_PROPERTY, "stories");
      StoryBlocks.Settings settings = new StoryBlocks.Settings(storyBlock, storyLeadIn, embeddings,
          clock.instant(), maxStoryCell);
      JavaPairRDD<Long, StoryBlocks.Labels> labels = StoryBlocks.run(inOrder, byOrder, settings, parts);
      inOrder = OrderedMerge.merge(inOrder, labels, byOrder, DocumentResult::withStory);
      inOrder.persist(StorageLevel.MEMORY_AND_DISK_SER());
      inOrder.count();
      cached.add(inOrder);
      storyCount = labels.values().map(StoryBlocks.Labels::story).distinct(parts).count();
      topicCount = labels.values().map(StoryBlocks.Labels::topic).distinct(parts).count();
      labels.unpersist(false);
      seconds.put("stories", since(t));
      log.accept(String.format(java.util.Locale.ROOT, "%,d stories in %,d topics", storyCount, topicCount));
    }

    t = System.nanoTime();
    sc.setLocalProperty(STAGE_PROPERTY, "write");
    JavaRDD<DocumentResult> sorted = inOrder;
    if (formats.contains(Format.JSONL)) {
      Output.writeJsonLines(sorted, path(Output.ARTICLES));
    }
    if (formats.contains(Format.PARQUET)) {
      Output.writeParquet(spark, sorted, path(Output.PARQUET));
    }
    JavaRDD<ProblemRecord> sortedProblems = allProblems.mapToPair(p -> new Tuple2<>(p.order(), p))
        .repartitionAndSortWithinPartitions(byOrder).values();
    sortedProblems.persist(StorageLevel.MEMORY_AND_DISK_SER());
    Output.writeProblems(sortedProblems.coalesce(1), path(Output.PROBLEMS));
    Map<String, Long> byCause = new TreeMap<>();
    sortedProblems.map(p -> p.cause().label()).countByValue().forEach(byCause::put);
    seconds.put("write", since(t));
    seconds.put("total", since(start));
    sc.setLocalProperty(STAGE_PROPERTY, null);

    JobReport report = new JobReport(output, files.size(), documents, byCause, copyGroups, storyCount, topicCount,
        seconds, sc.defaultParallelism());
    Output.writeSmallFile(conf, path(Output.SUMMARY), Output.json(report) + "\n");
    sortedProblems.unpersist(false);
    cached.forEach(r -> r.unpersist(false));
    kept.unpersist(false);
    extracted.unpersist(false);
    return report;
  }

  /** The first problems in input order, for the console (at most {@code n}; reads the written problem file). */
  public static List<String> firstProblems(SparkSession spark, String output, int n) {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    return sc.textFile(output + "/" + Output.PROBLEMS).take(n);
  }

  private void prepareOutput(Configuration conf) {
    Path out = new Path(output);
    try {
      FileSystem fs = out.getFileSystem(conf);
      if (fs.exists(out)) {
        if (!overwrite) {
          throw new IllegalStateException(output + ": the output folder exists; remove it, choose another "
              + "-o/--output, or pass --overwrite");
        }
        fs.delete(out, true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the output folder " + output + ": " + e.getMessage(), e);
    }
  }

  private String path(String name) {
    return output.endsWith("/") ? output + name : output + "/" + name;
  }

  /** Twice the parallelism, or one partition per 64 MB of input when that is more. */
  static int autoPartitions(List<InputFile> files, int parallelism) {
    long bytes = files.stream().mapToLong(InputFile::size).sum();
    long byBytes = (bytes + BYTES_PER_PARTITION - 1) / BYTES_PER_PARTITION;
    return (int) Math.max(1, Math.min(100_000, Math.max(2L * parallelism, byBytes)));
  }

  /**
   * The files in {@code n} read tasks of about equal bytes (largest first, each to the lightest task: LPT
   * scheduling, within 4/3 of the best), each task's files in input order.
   */
  static List<List<InputFile>> slices(List<InputFile> files, int n) {
    List<List<InputFile>> out = new ArrayList<>();
    long[] load = new long[n];
    for (int i = 0; i < n; i++) {
      out.add(new ArrayList<>());
    }
    List<InputFile> bySize = new ArrayList<>(files);
    bySize.sort(Comparator.comparingLong(InputFile::size).reversed().thenComparingLong(InputFile::rank));
    java.util.PriorityQueue<Integer> lightest = new java.util.PriorityQueue<>(
        Comparator.comparingLong((Integer i) -> load[i]).thenComparingInt(i -> i));
    for (int i = 0; i < n; i++) {
      lightest.add(i);
    }
    for (InputFile f : bySize) {
      int i = lightest.poll();
      out.get(i).add(f);
      load[i] += Math.max(1, f.size());
      lightest.add(i);
    }
    for (List<InputFile> slice : out) {
      slice.sort(Comparator.comparingLong(InputFile::rank));
    }
    return out;
  }

  private static double since(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /** Options of a {@link StorylineJob}; each may be set once; inputs and output are required. */
  public static final class Builder {
    private List<String> inputs;
    private String output;
    private Set<Format> formats = EnumSet.of(Format.JSONL, Format.PARQUET);
    private long maxFileSize = Ingest.DEFAULT_MAX_FILE_SIZE;
    private boolean templates = true;
    private int partitions;
    private boolean overwrite;
    private boolean copies = true;
    private boolean stories = true;
    private boolean embeddings = true;
    private Duration storyBlock = DEFAULT_STORY_BLOCK;
    private Duration storyLeadIn = DEFAULT_STORY_LEAD_IN;
    private Clock clock = Clock.systemUTC();
    private int maxStoryCell = StoryBlocks.Settings.DEFAULT_MAX_BLOCK_DOCUMENTS;
    private Consumer<String> log = s -> { };
    private final Set<String> set = new java.util.HashSet<>();

    private Builder() {}

    private void once(String option) {
      if (!set.add(option)) {
        throw new IllegalStateException(option + " was already set on this builder");
      }
    }

    /** Files, folders or globs, as Hadoop paths ({@code file:}, {@code hdfs:}, {@code s3a:}, or relative). */
    public Builder inputs(List<String> paths) {
      once("inputs");
      Objects.requireNonNull(paths, "paths");
      if (paths.isEmpty() || paths.stream().anyMatch(p -> p == null || p.isBlank())) {
        throw new IllegalArgumentException("inputs must name at least one path, none blank, got " + paths);
      }
      this.inputs = List.copyOf(paths);
      return this;
    }

    /** The output folder (must not exist unless {@link #overwrite}). */
    public Builder output(String folder) {
      once("output");
      if (folder == null || folder.isBlank()) {
        throw new IllegalArgumentException("output must name a folder, got \"" + folder + "\"");
      }
      this.output = folder;
      return this;
    }

    /** What to write (default JSON lines and Parquet). */
    public Builder formats(Set<Format> formats) {
      once("formats");
      if (formats == null || formats.isEmpty()) {
        throw new IllegalArgumentException("formats must name at least one format, got " + formats);
      }
      this.formats = EnumSet.copyOf(formats);
      return this;
    }

    /** The largest document read (as {@link Ingest.Builder#maxFileSize}). */
    public Builder maxFileSize(long bytes) {
      once("maxFileSize");
      if (bytes < 1 || bytes > Ingest.MAX_FILE_SIZE_LIMIT) {
        throw new IllegalArgumentException("maxFileSize must be between 1 and " + Ingest.MAX_FILE_SIZE_LIMIT
            + " bytes, got " + bytes);
      }
      this.maxFileSize = bytes;
      return this;
    }

    /** Whether to learn and remove each source's template lines from text documents (default true, as the CLI). */
    public Builder templates(boolean on) {
      once("templates");
      this.templates = on;
      return this;
    }

    /** Partitions of the shuffles (default: twice the parallelism, or one per 64 MB of input when more). */
    public Builder partitions(int n) {
      once("partitions");
      if (n < 1) {
        throw new IllegalArgumentException("partitions must be >= 1, got " + n);
      }
      this.partitions = n;
      return this;
    }

    /** Replace an existing output folder (default false: the job refuses to start). */
    public Builder overwrite(boolean on) {
      once("overwrite");
      this.overwrite = on;
      return this;
    }

    /** Whether to find copy groups (default true); stories then keep each group in one story, as the CLI. */
    public Builder copies(boolean on) {
      once("copies");
      this.copies = on;
      return this;
    }

    /** Whether to cluster stories and topics (default true). */
    public Builder stories(boolean on) {
      once("stories");
      this.stories = on;
      return this;
    }

    /** Whether the story clusterer uses MiniLM sentence embeddings (default true, as the CLI). */
    public Builder embeddings(boolean on) {
      once("embeddings");
      this.embeddings = on;
      return this;
    }

    /**
     * Blocks of publication time clustered apart, and the lead-in replayed before each (defaults 28 and 7 days;
     * see {@code StoryBlocks}).
     */
    public Builder storyBlocks(Duration block, Duration leadIn) {
      once("storyBlocks");
      new StoryBlocks.Settings(block, leadIn, false, Instant.EPOCH, 1); // checks both, names the bad one
      this.storyBlock = block;
      this.storyLeadIn = leadIn;
      return this;
    }

    /**
     * Most documents one story clusterer takes (default 50,000): a block with more is split into cells by each
     * document's most mentioned entity, its second entity replayed in the cell of that one (see {@code StoryBlocks}).
     */
    public Builder maxStoryCell(int documents) {
      once("maxStoryCell");
      if (documents < 1) {
        throw new IllegalArgumentException("maxStoryCell must be >= 1, got " + documents);
      }
      this.maxStoryCell = documents;
      return this;
    }

    /** The clock for dates in the future and undated first documents (default system UTC), read once per run. */
    public Builder clock(Clock clock) {
      once("clock");
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Where progress lines go (default: dropped). */
    public Builder log(Consumer<String> sink) {
      once("log");
      this.log = Objects.requireNonNull(sink, "sink");
      return this;
    }

    public StorylineJob build() {
      if (inputs == null) {
        throw new IllegalStateException("inputs are required: set inputs(...)");
      }
      if (output == null) {
        throw new IllegalStateException("output is required: set output(...)");
      }
      return new StorylineJob(this);
    }
  }
}
