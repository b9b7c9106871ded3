package io.storyline.cli;

import io.storyline.extract.Extractor;
import io.storyline.ingest.DocumentReader;
import io.storyline.ingest.Ingest;
import io.storyline.ingest.RawDocument;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The measuring loop shared by {@code storyline bench extract} and {@code bench extract-text}: documents held in
 * memory, extracted round-robin on the calling thread, so every rate is per core.
 *
 * <p>Method. Each configuration is first warmed up (JIT) for as many CPU-seconds of this thread as will be measured,
 * and at least three passes over the documents. Then the configurations take turns
 * in one-second slices ({@code A B A B ...}), so a change of load on a shared machine hits all of them alike. The
 * main figure is documents per CPU-second of this thread ({@code ThreadMXBean} CPU time: waiting for a core is not
 * counted, nor the GC and JIT threads), the steadiest figure when other processes compete for the cores; the median
 * and best wall-clock slices show what the load did. Allocation is the thread's allocated bytes over the measured
 * slices. Optionally one more pass gives each document's own CPU time (median, p99, worst).
 */
final class ExtractBenchLoop {

  /** One extractor to measure, by name. */
  record Config(String name, Extractor extractor) {}

  /** What one configuration did over its measured slices. */
  record Result(String name, long documents, double cpuSeconds, long allocatedBytes, double medianSlice,
      double bestSlice, long[] documentNanos) {

    double perCpuSecond() {
      return documents / cpuSeconds;
    }

    double allocatedKbPerDocument() {
      return allocatedBytes / 1024.0 / documents;
    }

    /** CPU time of a document at quantile {@code q} (0.5 median, 1 worst) in milliseconds; NaN when not timed. */
    double documentMillis(double q) {
      if (documentNanos.length == 0) {
        return Double.NaN;
      }
      int i = (int) Math.ceil(documentNanos.length * q) - 1;
      return documentNanos[Math.max(0, Math.min(documentNanos.length - 1, i))] / 1e6;
    }
  }

  private static final long SLICE_NANOS = 1_000_000_000L;

  private ExtractBenchLoop() {}

  /**
   * Warms each configuration up for {@code seconds}, then measures them in turns of one-second slices,
   * {@code seconds} slices each; with {@code timeEach}, one more pass times every document.
   */
  static List<Result> measure(List<Config> configs, List<RawDocument> docs, int seconds, boolean timeEach) {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    int k = configs.size();
    int[] cursor = new int[k]; // where each configuration goes on: slices cover the documents evenly
    for (int c = 0; c < k; c++) {
      // warm-up by work, not wall time: on a loaded machine a few wall seconds may be a few dozen documents, with
      // the JIT still compiling (measured: half the steady rate)
      long c0 = threads.getCurrentThreadCpuTime();
      long warmed = 0;
      while (threads.getCurrentThreadCpuTime() - c0 < seconds * SLICE_NANOS || warmed < 3L * docs.size()) {
        warmed += run(configs.get(c).extractor(), docs, SLICE_NANOS, cursor, c);
      }
    }
    long[] done = new long[k];
    long[] cpu = new long[k];
    long[] allocated = new long[k];
    double[][] rates = new double[k][seconds];
    for (int slice = 0; slice < seconds; slice++) {
      for (int c = 0; c < k; c++) {
        long a0 = threads.getCurrentThreadAllocatedBytes();
        long c0 = threads.getCurrentThreadCpuTime();
        long w0 = System.nanoTime();
        long n = run(configs.get(c).extractor(), docs, SLICE_NANOS, cursor, c);
        rates[c][slice] = n / ((System.nanoTime() - w0) / 1e9);
        cpu[c] += threads.getCurrentThreadCpuTime() - c0;
        allocated[c] += threads.getCurrentThreadAllocatedBytes() - a0;
        done[c] += n;
      }
    }
    List<Result> out = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      long[] times = timeEach ? timeEach(configs.get(c).extractor(), docs, threads) : new long[0];
      double[] r = rates[c].clone();
      Arrays.sort(r);
      out.add(new Result(configs.get(c).name(), done[c], cpu[c] / 1e9, allocated[c], r[r.length / 2],
          r[r.length - 1], times));
    }
    return out;
  }

  private static long[] timeEach(Extractor extractor, List<RawDocument> docs,
      com.sun.management.ThreadMXBean threads) {
    long[] times = new long[docs.size()];
    for (int i = 0; i < docs.size(); i++) {
      long t = threads.getCurrentThreadCpuTime();
      extractor.extract(docs.get(i));
      times[i] = threads.getCurrentThreadCpuTime() - t;
    }
    Arrays.sort(times);
    return times;
  }

  /**
   * Extracts documents round-robin, from {@code cursor[slot]} on, until {@code nanos} of wall time have passed (at
   * least one); leaves the next position in {@code cursor[slot]} and returns how many. Going on where the last slice
   * stopped matters on a loaded machine: a slice may cover only a quarter of the documents, and restarting at the
   * first one each time would measure the same few pages again and again.
   */
  private static long run(Extractor extractor, List<RawDocument> docs, long nanos, int[] cursor, int slot) {
    long start = System.nanoTime();
    long n = 0;
    int sink = 0;
    int i = cursor[slot];
    while (System.nanoTime() - start < nanos || n == 0) {
      sink += extractor.extract(docs.get(i)).text().length();
      i = i + 1 == docs.size() ? 0 : i + 1;
      n++;
    }
    cursor[slot] = i;
    if (sink == 42) {
      System.out.print(""); // keeps the results alive for the JIT
    }
    return n;
  }

  /** Heap in use after three full collections, in bytes. */
  static long usedAfterGc() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  /** One line naming the machine and its load: rates only compare with the load they were taken under. */
  static String machine() {
    Runtime rt = Runtime.getRuntime();
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return String.format("machine: %d cores, Java %s, max heap %,d MB, load average %s; one thread, so rates are "
            + "per core", rt.availableProcessors(), System.getProperty("java.version"), rt.maxMemory() >> 20,
        load < 0 ? "unknown" : String.format("%.1f", load));
  }

  /**
   * The host's CPU counters now, {@code {all ticks, steal ticks}} summed over the cores, from the first line of
   * {@code /proc/stat} (Linux); null where it cannot be read.
   */
  static long[] cpuTicks() {
    try {
      String line = java.nio.file.Files.readAllLines(Path.of("/proc/stat")).get(0);
      String[] f = line.trim().split("\\s+");
      if (!f[0].equals("cpu") || f.length < 9) {
        return null;
      }
      long all = 0;
      for (int i = 1; i < Math.min(f.length, 9); i++) { // user nice system idle iowait irq softirq steal
        all += Long.parseLong(f[i]);
      }
      return new long[] {all, Long.parseLong(f[8])};
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * One line saying how much CPU time the hypervisor took from this virtual machine since {@code before}
   * ({@link #cpuTicks}): on a VM the steal moves every rate, even per CPU-second, so a rate is read with it.
   * Empty where the counters cannot be read.
   */
  static String stealSince(long[] before) {
    long[] now = cpuTicks();
    if (before == null || now == null || now[0] <= before[0]) {
      return "";
    }
    return String.format("hypervisor steal: %.1f%% of the machine's CPU time during the run (/proc/stat); on a"
        + " virtual machine rates drift with it, so compare runs taken back to back%n",
        100.0 * (now[1] - before[1]) / (now[0] - before[0]));
  }

  /**
   * The documents of {@code kind} read from {@code paths}; with {@code fileName}, only files of that name (e.g.
   * {@code source.html} in Readability's test-page layout).
   */
  static List<RawDocument> read(List<Path> paths, RawDocument.ContentKind kind, String fileName) throws IOException {
    List<RawDocument> docs = new ArrayList<>();
    try (DocumentReader reader = Ingest.create().open(paths)) {
      for (Optional<RawDocument> d = reader.next(); d.isPresent(); d = reader.next()) {
        RawDocument doc = d.get();
        if (doc.kind() != kind) {
          continue;
        }
        if (fileName != null) {
          Path file = Path.of(doc.id()).getFileName();
          if (file == null || !file.toString().equals(fileName)) {
            continue;
          }
        }
        docs.add(doc);
      }
    } catch (NoSuchFileException e) {
      throw new CliFailure(e.getFile() + ": input not found; check the path");
    }
    return docs;
  }

  static long characters(List<RawDocument> docs) {
    long chars = 0;
    for (RawDocument d : docs) {
      chars += d.characters();
    }
    return chars;
  }
}
