package io.storyline.cli;

import io.storyline.extract.Article;
import io.storyline.extract.Extractor;
import io.storyline.ingest.RawDocument;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code storyline bench extract}: speed and memory of HTML extraction on one thread (so rates are per core):
 * pages/s and MB/s of HTML, the spread of per-page times (median, p99, worst), bytes allocated per page, and,
 * with {@code --huge-mb}, the time and heap growth for one generated page of that size. Pages are read into memory
 * first, so reading and decoding are not measured; the front door is measured as used: first the default
 * configuration (language detection included, for the pages that do not declare their language: the headline),
 * then without language detection.
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
      description = "Measured one-second slices per configuration (configurations take turns), after a warm-up "
          + "of the same length (default ${DEFAULT-VALUE}).")
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
    List<RawDocument> pages = ExtractBenchLoop.read(inputs, RawDocument.ContentKind.HTML, pagesNamed);
    if (pages.isEmpty()) {
      throw new CliFailure("no HTML pages in " + inputs
          + (pagesNamed == null ? "" : " named " + pagesNamed) + "; give folders of .html files");
    }
    long chars = ExtractBenchLoop.characters(pages);
    PrintWriter out = spec.commandLine().getOut();
    out.printf("storyline bench extract: %,d HTML pages, %.1f MB of HTML (mean %.0f KB), from %s%n", pages.size(),
        chars / 1e6, chars / 1e3 / pages.size(), inputs);
    out.println(ExtractBenchLoop.machine());
    out.flush();
    long[] ticks = ExtractBenchLoop.cpuTicks();
    // the default configuration first: its line is the headline (language is part of the output)
    List<ExtractBenchLoop.Result> results = ExtractBenchLoop.measure(List.of(
        new ExtractBenchLoop.Config("HTML, default (with language)", Extractor.create()),
        new ExtractBenchLoop.Config("HTML, no language detection",
            Extractor.builder().detectLanguage(false).build())), pages, seconds, true);
    out.printf("%-30s %11s %9s %11s %8s %8s %8s %11s%n", "configuration", "pages/cpu-s", "MB/cpu-s",
        "wall pages/s", "median", "p99", "worst", "alloc/page");
    double meanChars = (double) chars / pages.size();
    for (ExtractBenchLoop.Result r : results) {
      out.printf("%-30s %,11.0f %9.1f %,11.0f %6.1fms %6.1fms %6.1fms %8.0f KB%n", r.name(), r.perCpuSecond(),
          r.perCpuSecond() * meanChars / 1e6, r.medianSlice(), r.documentMillis(0.5), r.documentMillis(0.99),
          r.documentMillis(1), r.allocatedKbPerDocument());
    }
    out.println("pages/cpu-s: pages per CPU-second of the extracting thread; wall pages/s: median one-second slice;"
        + " median/p99/worst: CPU time of one page");
    out.print(ExtractBenchLoop.stealSince(ticks));
    if (hugeMb > 0) {
      huge(out);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private void huge(PrintWriter out) {
    RawDocument page = hugePage(hugeMb * 1_000_000);
    long before = ExtractBenchLoop.usedAfterGc();
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
}
