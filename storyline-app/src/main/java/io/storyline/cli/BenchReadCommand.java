package io.storyline.cli;

import io.storyline.ingest.DocumentReader;
import io.storyline.ingest.Ingest;
import io.storyline.ingest.RawDocument;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code storyline bench read}: generates a folder of small files and a large WARC in a temporary folder, reads
 * each with {@link Ingest}, and prints documents/s, MB/s and peak heap. The files were just written, so they
 * are in the page cache: this measures the reader (decoding, parsing, hashing ids), not the disk.
 */
@Command(
    name = "read",
    mixinStandardHelpOptions = true,
    description = "Reading throughput and peak heap on a generated folder of files and a generated WARC.")
final class BenchReadCommand implements Callable<Integer> {
  /** Fixed so that every run generates the same corpus and numbers compare across runs and machines. */
  private static final long SEED = 20141126L;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--files", defaultValue = "10000", description = "Files in the folder (default ${DEFAULT-VALUE}).")
  int files;

  @Option(names = "--warc-mb", defaultValue = "1024", description = "Size of the WARC in MB (default ${DEFAULT-VALUE}).")
  long warcMb;

  @Option(names = "--dir", paramLabel = "DIR",
      description = "Where to generate the data (default: a new temporary folder, deleted afterwards).")
  Path dir;

  @Override
  public Integer call() throws IOException {
    if (files < 1 || warcMb < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--files and --warc-mb must be at least 1, got " + files + " and " + warcMb);
    }
    PrintWriter out = spec.commandLine().getOut();
    Path root = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("storyline-bench-read-");
    Path folder = root.resolve("folder");
    Path warc = root.resolve("crawl.warc");
    try {
      out.printf(Locale.ROOT, "storyline bench read: %d cores, Java %s, max heap %s, load average %.1f, data in %s%n",
          Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
          mb(Runtime.getRuntime().maxMemory()), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
          root);
      ReadBenchData data = new ReadBenchData(SEED);
      long t0 = System.nanoTime();
      long folderBytes = data.writeFolder(folder, files);
      long t1 = System.nanoTime();
      long pages = data.writeWarc(warc, warcMb << 20);
      long t2 = System.nanoTime();
      out.printf(Locale.ROOT, "generated %,d files (%s) in %.1f s and a WARC of %s (%,d pages) in %.1f s%n", files,
          mb(folderBytes), (t1 - t0) / 1e9, mb(Files.size(warc)), pages, (t2 - t1) / 1e9);
      out.flush();
      boolean ok = measure(out, "folder", folder, folderBytes, files);
      ok &= measure(out, "warc", warc, Files.size(warc), pages);
      return ok ? ExitCodes.OK : ExitCodes.FAILURE;
    } finally {
      deleteTree(root);
    }
  }

  private boolean measure(PrintWriter out, String name, Path input, long bytes, long expected) throws IOException {
    LongAdder problems = new LongAdder();
    Ingest ingest = Ingest.builder().problems(p -> problems.increment()).build();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    AtomicLong peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
    long documents = 0;
    long characters = 0;
    long cpuStart = processCpuNanos();
    long start = System.nanoTime();
    try (DocumentReader reader = ingest.open(input)) {
      for (Optional<RawDocument> d = reader.next(); d.isPresent(); d = reader.next()) {
        documents++;
        characters += d.get().characters();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpu = (processCpuNanos() - cpuStart) / 1e9;
    sampler.interrupt();
    out.printf(Locale.ROOT, "%-6s %,d documents (%,d characters) in %.2f s: %,.0f documents/s, %.1f MB/s, "
            + "peak heap used %s, %d problems%n", name + ":", documents, characters, seconds, documents / seconds,
        bytes / 1048576.0 / seconds, mb(peak.get()), problems.sum());
    out.printf(Locale.ROOT, "%-6s process CPU %.2f s: %,.0f documents and %.1f MB per CPU-second%n", "", cpu,
        documents / cpu, bytes / 1048576.0 / cpu);
    out.flush();
    if (documents != expected || problems.sum() != 0) {
      spec.commandLine().getErr().printf("storyline bench read: expected %,d documents and no problems from %s%n",
          expected, name);
      return false;
    }
    return true;
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%,.0f MB", bytes / 1048576.0);
  }

  /**
   * CPU time of the whole process (reader, GC, JIT): on a machine shared with other jobs the wall-clock rate
   * depends on the load, the rate per CPU-second much less.
   */
  private static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean
        ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : 0;
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
