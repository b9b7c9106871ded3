package io.storyline.spark;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code storyline spark INPUT... -o DIR}: the command line of the Spark job, the main class of
 * {@code storyline-spark.jar} for {@code spark-submit} and of the {@code ./storyline spark} launcher (local mode).
 * Parses, builds the {@link StorylineJob}, prints the summary; {@code bench ...} runs {@link SparkBench}.
 */
@Command(
    name = "storyline spark",
    mixinStandardHelpOptions = true,
    description = {
        "Run the pipeline (read, extract, copies, stories) as an Apache Spark batch job and write DIR/articles "
            + "(JSON lines: the fields of 'storyline extract', then those of 'storyline copies' (group, relation, "
            + "sources, origin, agency, reason) and 'storyline stories' (story, topic, published, date, dateNote)), "
            + "DIR/parquet (the same columns), DIR/problems (JSON lines) and DIR/summary.json.",
        "Inputs are Hadoop paths: local files and folders, hdfs://..., s3a://... (with hadoop-aws on the class "
            + "path), or globs. Without spark-submit it runs in local mode on this machine (--master local[*])."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:everything was read",
        "1:failure (an input does not exist, the output folder exists, nothing could be read)",
        "2:usage error",
        "3:partial: some files, lines or records were skipped (DIR/problems names each)"})
public final class SparkMain implements Callable<Integer> {
  static final String NAME = "storyline spark";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "INPUT",
      description = "Files, folders or globs to read (folders recursively, sorted, hidden and _ files skipped).")
  List<String> inputs;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true,
      description = "The output folder (any Hadoop path); it must not exist unless --overwrite.")
  String output;

  @Option(names = "--overwrite", description = "Replace the output folder if it exists.")
  boolean overwrite;

  @Option(names = "--format", paramLabel = "FORMAT", split = ",", defaultValue = "jsonl,parquet",
      description = "What to write: jsonl, parquet or both (default ${DEFAULT-VALUE}).")
  List<String> formats;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master (default: what spark-submit says, else local[*], all cores of this machine).")
  String master;

  @Option(names = "--partitions", paramLabel = "N",
      description = "Partitions of the shuffles (default: twice the cores, or one per 64 MB of input if more).")
  int partitions;

  @Option(names = "--max-file-size", paramLabel = "SIZE", defaultValue = "20MB",
      description = "Largest document to read: a text/HTML file, a JSON line or a WARC record's page "
          + "(e.g. 512KB, 20MB, 1GB; default ${DEFAULT-VALUE}).")
  String maxFileSize;

  @Option(names = "--no-templates",
      description = "Do not learn and remove lines repeated across a source's pages (as 'extract --no-templates').")
  boolean noTemplates;

  @Option(names = "--no-copies", description = "Skip copy detection (the copy fields stay null; stories then "
      + "do not keep copies together).")
  boolean noCopies;

  @Option(names = "--no-stories",
      description = "Skip story and topic clustering (story, topic, date and dateNote stay null).")
  boolean noStories;

  @Option(names = "--embeddings", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Add MiniLM sentence embeddings to the story features (default: on, as 'storyline stories'; "
          + "--no-embeddings is several times faster).")
  boolean embeddings;

  @Option(names = "--story-block", paramLabel = "DAYS", defaultValue = "28",
      description = "Days of publication time clustered as one block (default ${DEFAULT-VALUE}); stories are "
          + "stitched across blocks.")
  int storyBlockDays;

  @Option(names = "--lead-in", paramLabel = "DAYS", defaultValue = "7",
      description = "Days before a block replayed first, to rebuild the stories open at its start (default "
          + "${DEFAULT-VALUE}, at least 3).")
  int leadInDays;

  @Option(names = "--max-cell", paramLabel = "N", defaultValue = "50000",
      description = "Most documents one story clusterer takes (default ${DEFAULT-VALUE}); a larger block is split "
          + "by entity.")
  int maxCell;

  @Option(names = "--ui", description = "Keep the Spark web UI on in local mode (off by default here).")
  boolean ui;

  @Option(names = {"-q", "--quiet"}, description = "Print only the final summary on standard error.")
  boolean quiet;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit code; {@code bench ...} runs the benchmark. */
  public static int execute(String... args) {
    boolean bench = args.length > 0 && args[0].equals("bench");
    CommandLine cl = new CommandLine(bench ? new SparkBench() : new SparkMain());
    cl.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
    cl.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
    cl.setExecutionExceptionHandler((ex, c, parsed) -> {
      if (ex instanceof IllegalStateException || ex instanceof UncheckedIOException
          || ex instanceof IllegalArgumentException) {
        c.getErr().println(c.getCommandSpec().name() + ": " + ex.getMessage());
        c.getErr().flush();
        return 1;
      }
      throw ex;
    });
    return cl.execute(bench ? java.util.Arrays.copyOfRange(args, 1, args.length) : args);
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    StorylineJob.Builder builder = StorylineJob.builder()
        .inputs(inputs)
        .output(output)
        .overwrite(overwrite)
        .formats(formats(formats))
        .maxFileSize(parseSize(maxFileSize))
        .templates(!noTemplates)
        .copies(!noCopies)
        .stories(!noStories)
        .embeddings(embeddings)
        .log(line -> {
          if (!quiet) {
            err.println(NAME + ": " + line);
            err.flush();
          }
        });
    if (partitions > 0) {
      builder.partitions(partitions);
    }
    try {
      builder.maxStoryCell(maxCell);
      builder.storyBlocks(java.time.Duration.ofDays(storyBlockDays), java.time.Duration.ofDays(leadInDays));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--story-block/--lead-in/--max-cell: "
          + e.getMessage());
    }
    StorylineJob job = builder.build();
    SparkSession spark = session(master, ui);
    try {
      JobReport report = job.run(spark);
      if (!quiet && report.problemCount() > 0) {
        StorylineJob.firstProblems(spark, output, 10).forEach(p -> err.println(NAME + ": problem " + p));
      }
      printSummary(err, report);
      return report.exitCode();
    } finally {
      spark.stop();
    }
  }

  static void printSummary(PrintWriter err, JobReport r) {
    Double total = r.seconds().get("total");
    err.printf(Locale.ROOT, "%s: %,d documents from %,d files in %.1f s (%,.0f documents/s on %d cores)",
        NAME, r.documents(), r.files(), total, r.documentsPerSecond(), r.cores());
    if (r.copyGroups() >= 0) {
      err.printf(Locale.ROOT, "; %,d copy groups", r.copyGroups());
    }
    if (r.stories() >= 0) {
      err.printf(Locale.ROOT, "; %,d stories, %,d topics", r.stories(), r.topics());
    }
    long n = r.problemCount();
    if (n == 0) {
      err.printf("; no problems%n");
    } else {
      err.printf(Locale.ROOT, "; %,d problems (all in %s/problems):", n, r.output());
      r.problems().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .forEach(e -> err.printf(Locale.ROOT, "%n  %,d %s", e.getValue(), e.getKey()));
      err.println();
    }
    err.printf("%s: output in %s%n", NAME, r.output());
    err.flush();
  }

  /**
   * A session for {@code master}: the one spark-submit configured when {@code master} is null, else local mode
   * on all cores. Local mode binds the driver to 127.0.0.1 and leaves the web UI off unless asked.
   */
  static SparkSession session(String master, boolean ui) {
    SparkConf conf = new SparkConf().setAppName(NAME);
    if (master != null) {
      conf.setMaster(master);
    } else if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
    }
    if (conf.get("spark.master").startsWith("local")) {
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
      conf.setIfMissing("spark.ui.enabled", Boolean.toString(ui));
    }
    return SparkSession.builder().config(conf).getOrCreate();
  }

  private EnumSet<StorylineJob.Format> formats(List<String> names) {
    try {
      return StorylineJob.Format.parse(names);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmg]?)(?:i?b)?",
      Pattern.CASE_INSENSITIVE);

  /** "20MB" → bytes, binary units, as the CLI's {@code --max-file-size}. */
  static long parseSize(String value) {
    Matcher m = SIZE.matcher(value.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("--max-file-size: expected a size such as 512KB, 20MB or 1GB, got '"
          + value + "'");
    }
    int shift = "kmg".indexOf(m.group(2).toLowerCase(Locale.ROOT)) * 10 + 10;
    return (long) (Double.parseDouble(m.group(1)) * (m.group(2).isEmpty() ? 1 : 1L << shift));
  }
}
