package io.storyline.cli;

import io.storyline.copies.CopyDetector;
import io.storyline.eval.CopiesBenchReport;
import io.storyline.eval.CopiesBenchmark;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code storyline bench copies}: indexes a generated news-like corpus with known copies and prints throughput,
 * query latency, heap per document, pair recall/precision and SimHash against MinHash.
 */
@Command(
    name = "copies",
    mixinStandardHelpOptions = true,
    description = "Copy index speed, memory and quality on a generated corpus with known copies.")
final class BenchCopiesCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--documents", defaultValue = "100000", paramLabel = "N",
      description = "Documents to generate and index (default ${DEFAULT-VALUE}; the README run uses 1000000).")
  int documents;

  @Option(names = "--threads", defaultValue = "2", paramLabel = "T",
      description = "Threads adding documents (default ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--sampling", defaultValue = "16", paramLabel = "P",
      description = "Post one shingle in P (default ${DEFAULT-VALUE}, as 'storyline copies').")
  int sampling;

  @Option(names = "--dir", paramLabel = "DIR",
      description = "Folder for the generated corpus and the index's texts (default: the system temporary folder).")
  Path dir;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (documents < 100 || threads < 1 || sampling < 1 || Integer.bitCount(sampling) != 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "need --documents >= 100, --threads >= 1 and"
          + " --sampling a power of two; got " + documents + ", " + threads + ", " + sampling);
    }
    Path where = dir != null ? Files.createDirectories(dir) : Path.of(System.getProperty("java.io.tmpdir"));
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    out.printf(Locale.ROOT, "storyline bench copies: Java %s, max heap %d MB, load average %.1f%n",
        System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    out.flush();
    CopiesBenchReport r = new CopiesBenchmark(CopyDetector.builder().postingSampling(sampling).build(), documents,
        threads, where, s -> {
          err.println("bench copies: " + s);
          err.flush();
        }).run();
    out.print(r.format());
    out.printf(Locale.ROOT, "load average at the end %.1f%n",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    out.flush();
    return ExitCodes.OK;
  }
}
