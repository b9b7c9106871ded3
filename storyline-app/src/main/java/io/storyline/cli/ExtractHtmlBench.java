package io.storyline.cli;

import io.storyline.extract.Article;
import io.storyline.extract.Extractor;
import io.storyline.ingest.DocumentReader;
import io.storyline.ingest.Ingest;
import io.storyline.ingest.RawDocument;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code storyline bench extract}: speed and memory of HTML extraction on one thread (so rates are per core):
 * pages/s and MB/s of HTML, the spread of per-page times (median, p99, worst), bytes allocated per page, and,
 * with {@code --huge-mb}, the time and heap growth for one generated page of that size. Pages are read into memory
 * first, so reading and decoding are not measured; the front door is measured as used, with and without language
 * detection (only pages that do not declare their language need it).
 */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = {
        "Measure HTML extraction on one thread: pages/s and MB/s per core, per-page time spread, bytes allocated",
        "per page; optionally one generated huge page (--huge-mb).",
        "Give HTML inputs, e.g. ../shared/data/readability-pages --pages-named source.html"})
final class ExtractHtmlBench implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Files or directories of HTML pages.")
  List<Path> inputs = new ArrayList<>();

  @Option(names = "--pages-named", paramLabel = "NAME",
      description = "Only files with this name (e.g. source.html in Readability's test-page layout).")
  String pagesNamed;

  @Option(names = "--seconds", paramLabel = "S", defaultValue = "8",
      description = "Measured time per configuration, after a warm-up of the same length (default ${DEFAULT-VALUE}).")
  int seconds;

  @Option(names = "--huge-mb", paramLabel = "MB", defaultValue = "0",
      description = "Also extract one generated page of this many megabytes and report time and heap growth.")
  int hugeMb;

  @Override
  public Integer call() throws IOException {
    if (seconds < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--seconds must be at least 1, got " + seconds);
    }
    if (hugeMb < 0 || hugeMb > 500) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--huge-mb must be 0..500, got " + hugeMb);
    }
    List<RawDocument> pages = read(inputs);
    if (pages.isEmpty()) {
      throw new CliFailure("no HTML pages in " + inputs
          + (pagesNamed == null ? "" : " named " + pagesNamed) + "; give folders of .html files");
    }
    long chars = 0;
    for (RawDocument d : pages) {
      chars += d.characters();
    }
    PrintWriter out = spec.commandLine().getOut();
    Runtime rt = Runtime.getRuntime();
    out.printf("storyline bench extract: %,d HTML pages, %.1f MB of HTML (mean %.0f KB), from %s%n", pages.size(),
        chars / 1e6, chars / 1e3 / pages.size(), inputs);
    out.printf("machine: %d cores, Java %s, max heap %,d MB; one thread, so rates are per core%n",
        rt.availableProcessors(), System.getProperty("java.version"), rt.maxMemory() >> 20);
    out.printf("%-32s %9s %8s %9s %9s %9s %11s%n", "configuration", "pages/s", "MB/s", "median", "p99", "worst",
        "alloc/page");
    measure("HTML (no language detection)", Extractor.builder().detectLanguage(false).build(), pages, chars, out);
    measure("HTML + language detection", Extractor.create(), pages, chars, out);
    if (hugeMb > 0) {
      huge(out, rt);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private void measure(String name, Extractor extractor, List<RawDocument> pages, long chars, PrintWriter out) {
    run(extractor, pages, seconds * 1_000_000_000L); // warm-up: JIT
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long allocated = threads.getCurrentThreadAllocatedBytes();
    long cpu = threads.getCurrentThreadCpuTime();
    long done = run(extractor, pages, seconds * 1_000_000_000L);
    double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
    allocated = threads.getCurrentThreadAllocatedBytes() - allocated;
    long[] times = new long[pages.size()];
    for (int i = 0; i < pages.size(); i++) {
      long t = threads.getCurrentThreadCpuTime();
      extractor.extract(pages.get(i));
      times[i] = threads.getCurrentThreadCpuTime() - t;
    }
    Arrays.sort(times);
    double rounds = (double) done / pages.size();
    out.printf("%-32s %,9.0f %8.1f %7.1fms %7.1fms %7.1fms %8.0f KB%n", name, done / cpuSeconds,
        rounds * chars / 1e6 / cpuSeconds, times[times.length / 2] / 1e6,
        times[Math.min(times.length - 1, (int) Math.ceil(times.length * 0.99) - 1)] / 1e6,
        times[times.length - 1] / 1e6, allocated / 1024.0 / done);
    out.flush();
  }

  /** Extracts pages round-robin until {@code nanos} of wall time have passed; returns how many. */
  private static long run(Extractor extractor, List<RawDocument> pages, long nanos) {
    long start = System.nanoTime();
    long n = 0;
    int sink = 0;
    while (System.nanoTime() - start < nanos) {
      for (RawDocument d : pages) {
        sink += extractor.extract(d).text().length();
        n++;
      }
    }
    if (sink == 42) {
      System.out.print(""); // keeps the results alive for the JIT
    }
    return n;
  }

  private void huge(PrintWriter out, Runtime rt) {
    RawDocument page = hugePage(hugeMb * 1_000_000);
    long before = usedAfterGc(rt);
    for (java.lang.management.MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long cpu = threads.getCurrentThreadCpuTime();
    Article a = Extractor.builder().detectLanguage(false).build().extract(page);
    double seconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
    long peak = 0;
    for (java.lang.management.MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      peak += pool.getType() == java.lang.management.MemoryType.HEAP ? pool.getPeakUsage().getUsed() : 0;
    }
    out.printf("huge page: %,d MB generated -> %s, %,d characters of text, %.2f s CPU, heap before %,d MB, "
        + "peak heap during it %,d MB%n", hugeMb, a.status(), a.text().length(), seconds, before >> 20, peak >> 20);
  }

  /** A page of {@code chars} characters: an article, then script data and repeated teaser blocks up to the size. */
  static RawDocument hugePage(int chars) {
    StringBuilder b = new StringBuilder(chars + 1024);
    b.append("<!DOCTYPE html><html lang=\"en\"><head><title>Harbour plan approved - Example News</title>")
        .append("<script>var data = \"");
    int script = chars / 2;
    while (b.length() < script) {
      b.append("0123456789abcdef");
    }
    b.append("\";</script></head><body><nav><a href=\"/\">Home</a></nav><article><h1>Harbour plan approved</h1>");
    for (int p = 0; p < 12; p++) {
      b.append("<p>The council said on Tuesday that its plan for the harbour would go ahead, despite objections ")
          .append("from residents who fear more traffic and noise in the old town near the market square.</p>");
    }
    b.append("</article><div class=\"related\">");
    while (b.length() < chars) {
      b.append("<div class=\"teaser\"><h3><a href=\"/x\">Another story about the harbour</a></h3><p>More text ")
          .append("<b>unclosed <i>markup</div>");
    }
    b.append("</div></body></html>");
    return new RawDocument("huge.html", "generated", RawDocument.ContentKind.HTML, "UTF-8", b.toString(), null,
        null, null, null);
  }

  private static long usedAfterGc(Runtime rt) {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  private List<RawDocument> read(List<Path> paths) throws IOException {
    List<RawDocument> docs = new ArrayList<>();
    try (DocumentReader reader = Ingest.create().open(paths)) {
      for (Optional<RawDocument> d = reader.next(); d.isPresent(); d = reader.next()) {
        RawDocument doc = d.get();
        if (doc.kind() != RawDocument.ContentKind.HTML) {
          continue;
        }
        if (pagesNamed != null) {
          Path file = Path.of(doc.id()).getFileName();
          if (file == null || !file.toString().equals(pagesNamed)) {
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
}
