package io.storyline.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code storyline bench spark}: documents per second of the whole job in local mode, on a generated corpus
 * ({@link BenchCorpus}), once per core count. Prints a report; deletes what it wrote unless told to keep it.
 */
@Command(
    name = "storyline bench spark",
    mixinStandardHelpOptions = true,
    description = "Generate a synthetic news corpus (JSON Lines, gzip; fixed seed) and run the Spark job on it in "
        + "local mode with each core count; print documents/s and the time of each stage.")
final class SparkBench implements Callable<Integer> {
  /** Fixed: every run generates the same documents, so runs on different machines compare. */
  private static final long SEED = 20_240_101L;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--documents", paramLabel = "N", defaultValue = "1000000",
      description = "Documents to generate (default ${DEFAULT-VALUE}).")
  long documents;

  @Option(names = "--files", paramLabel = "N", defaultValue = "100",
      description = "Files to spread them over (default ${DEFAULT-VALUE}).")
  int files;

  @Option(names = "--cores", paramLabel = "N", split = ",", defaultValue = "1,2",
      description = "Core counts to run with, local[N] each (default ${DEFAULT-VALUE}).")
  List<Integer> cores;

  @Option(names = "--corpus", paramLabel = "DIR",
      description = "Use the corpus already in DIR (from an earlier --keep) instead of generating one.")
  Path corpus;

  @Option(names = "--dir", paramLabel = "DIR",
      description = "Where to write the corpus and outputs (default: a new folder in the temporary folder).")
  Path dir;

  @Option(names = "--keep", description = "Keep the generated corpus (the outputs are always deleted).")
  boolean keep;

  @Option(names = "--format", paramLabel = "FORMAT", split = ",", defaultValue = "jsonl,parquet",
      description = "What the job writes (default ${DEFAULT-VALUE}).")
  List<String> formats;

  @Option(names = "--partitions", paramLabel = "N", description = "Partitions of the shuffles (default: the job's).")
  int partitions;

  @Option(names = "--embeddings", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Sentence embeddings in the story stage (default: on, as the job; --no-embeddings is faster).")
  boolean embeddings;

  @Option(names = "--clustering-only", paramLabel = "DAYS",
      description = "Instead of the job: time the story clustering alone (no embeddings, twice) on the documents of "
          + "the corpus's first DAYS days, one story block's density (see ClusteringBench).")
  int clusteringOnly;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("storyline-bench-spark-");
    Path data = corpus != null ? corpus : work.resolve("corpus");
    try {
      if (corpus == null) {
        err.printf(Locale.ROOT, "%s: generating %,d documents in %d files under %s...%n", spec.name(), documents,
            files, data);
        err.flush();
        long t = System.nanoTime();
        BenchCorpus.Written w = new BenchCorpus(SEED).write(data, documents, files);
        err.printf(Locale.ROOT, "%s: %,d documents, %,.0f MB gzip'ed, in %.0f s%n", spec.name(), w.documents(),
            w.bytes() / 1e6, (System.nanoTime() - t) / 1e9);
      }
      if (clusteringOnly > 0) {
        ClusteringBench.run(data, clusteringOnly, 2, out, err);
        return 0;
      }
      List<String[]> rows = new ArrayList<>();
      for (int c : cores) {
        String load = loadAverage();
        Path output = work.resolve("out-" + c);
        StorylineJob.Builder b = StorylineJob.builder().inputs(List.of(data.toString())).output(output.toString())
            .overwrite(true).formats(StorylineJob.Format.parse(formats)).embeddings(embeddings)
            .log(line -> err.println(spec.name() + ": local[" + c + "]: " + line));
        if (partitions > 0) {
          b.partitions(partitions);
        }
        SparkSession spark = SparkMain.session("local[" + c + "]", false);
        ShuffleMeter meter = new ShuffleMeter();
        spark.sparkContext().addSparkListener(meter);
        JobReport r;
        long cpu = cpuNanos();
        try {
          r = b.build().run(spark);
          cpu = cpuNanos() - cpu;
        } finally {
          spark.stop();
        }
        delete(output);
        rows.add(row(c, r, cpu / 1e9, load, loadAverage(), meter));
      }
      printReport(out, data, rows);
      return 0;
    } finally {
      if (!keep && corpus == null) {
        delete(data);
      }
      if (dir == null && (!keep || corpus != null)) {
        delete(work);
      }
    }
  }

  private static String[] row(int cores, JobReport r, double cpuSeconds, String loadBefore, String loadAfter,
      ShuffleMeter meter) {
    StringBuilder shuffle = new StringBuilder();
    for (Map.Entry<String, Long> e : meter.bytes().entrySet()) {
      shuffle.append(shuffle.length() == 0 ? "" : ", ").append(e.getKey()).append(String.format(Locale.ROOT, " %,.0f",
          e.getValue() / (double) Math.max(1, r.documents())));
    }
    StringBuilder stages = new StringBuilder();
    for (Map.Entry<String, Double> e : r.seconds().entrySet()) {
      if (!e.getKey().equals("total")) {
        stages.append(stages.length() == 0 ? "" : ", ").append(e.getKey())
            .append(String.format(Locale.ROOT, " %.0f", e.getValue()));
      }
    }
    return new String[] {Integer.toString(cores), String.format(Locale.ROOT, "%,d", r.documents()),
        String.format(Locale.ROOT, "%.0f", r.seconds().get("total")),
        String.format(Locale.ROOT, "%,.0f", r.documentsPerSecond()),
        String.format(Locale.ROOT, "%.0f", cpuSeconds),
        String.format(Locale.ROOT, "%,.0f", r.documents() / Math.max(1e-9, cpuSeconds)), stages.toString(),
        shuffle.toString(), loadBefore + " / " + loadAfter};
  }

  private void printReport(PrintWriter out, Path data, List<String[]> rows) {
    out.printf(Locale.ROOT, "Spark job, local mode, corpus %s; %d hardware threads, max heap %,d MB, Java %s%n", data,
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("java.version"));
    out.println("| Cores | Documents | Wall s | Documents/s | CPU s | Documents per CPU-second | Stages (wall s) "
        + "| Shuffle bytes written per document (compressed) | Load average before / after |");
    out.println("|---|---|---|---|---|---|---|---|---|");
    for (String[] r : rows) {
      out.println("| " + String.join(" | ", r) + " |");
    }
    out.flush();
  }


  /** CPU time of this process (driver and, in local mode, the executors), or 0 when the JVM does not say. */
  static long cpuNanos() {
    java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean s ? s.getProcessCpuTime() : 0;
  }

  /** The 1-minute load average, or "?" where /proc is not there. */
  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  private static void delete(Path p) {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + p + ": " + e.getMessage(), e);
    }
  }
}
