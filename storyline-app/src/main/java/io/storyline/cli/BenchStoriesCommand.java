package io.storyline.cli;

import io.storyline.eval.StoriesCorpus;
import io.storyline.stories.StoryClusterer;
import io.storyline.stories.StoryInput;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code storyline bench stories [PATH]}: articles per second assigned to stories, with and without embeddings,
 * and heap per open story.
 */
@Command(
    name = "stories",
    mixinStandardHelpOptions = true,
    description = {
        "Cluster a corpus (default ../shared/data/meter-1999; or a UCI headlines .csv) with and without MiniLM "
            + "embeddings and print articles/s (features + assignment, after a warm-up pass), CPU time, open "
            + "stories and heap per open story.",
        "Numbers are for this machine; say what else was running when you quote them."})
final class BenchStoriesCommand implements Callable<Integer> {
  private static final int WARM_UP = 50;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "0..1", defaultValue = "../shared/data/meter-1999",
      description = "Corpus to cluster (default: ${DEFAULT-VALUE}).")
  Path path;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (!Files.exists(path)) {
      throw new CliFailure(path + ": not found; give a story corpus such as ../shared/data/meter-1999");
    }
    List<StoryInput> batch = new ArrayList<>();
    try {
      for (StoriesCorpus.Labeled d : StoriesCorpus.load(path)) {
        batch.add(d.input());
      }
    } catch (IOException e) {
      throw new CliFailure(e.getMessage(), e);
    }
    List<StoryInput> ordered = StoryClusterer.inPublicationOrder(batch);
    out.printf(Locale.ROOT, "corpus %s: %,d articles, %d available processors, max heap %d MB%n", path,
        ordered.size(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
    // Warm-up on a prefix only: it loads the models and compiles the hot code, and leaves the embedding cache
    // (recent texts) holding just those few documents, so the measured pass really runs the model.
    List<StoryInput> warmUp = ordered.subList(0, Math.min(WARM_UP, ordered.size()));
    for (boolean embeddings : new boolean[] {false, true}) {
      run(warmUp, embeddings, out, true);
      run(ordered, embeddings, out, false);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static void run(List<StoryInput> ordered, boolean embeddings, PrintWriter out, boolean warmUp) {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long before = memory.getHeapMemoryUsage().getUsed();
    StoryClusterer c = StoryClusterer.builder().embeddings(embeddings).build();
    long cpu0 = processCpuNanos();
    long t0 = System.nanoTime();
    int peakOpen = 0;
    for (StoryInput in : ordered) {
      c.add(in);
      peakOpen = Math.max(peakOpen, c.openStories());
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    double cpu = (processCpuNanos() - cpu0) / 1e9;
    if (warmUp) {
      return;
    }
    int open = c.openStories();
    System.gc();
    long retained = Math.max(0, memory.getHeapMemoryUsage().getUsed() - before);
    out.printf(Locale.ROOT, "embeddings %-3s: %,7.1f articles/s wall (%.1f s), %,7.1f per CPU-second (%.1f s process "
            + "CPU, all threads); open stories at end %d (peak %d); clusterer heap %.1f MB = %,d KB per open story "
            + "(upper bound: includes the document-frequency tables, %,d keys, and closed-story summaries)%n",
        embeddings ? "on" : "off", ordered.size() / seconds, seconds, ordered.size() / cpu, cpu, open, peakOpen,
        retained / 1048576.0, open == 0 ? 0 : retained / open / 1024, c.vocabularySize());
    c.flush();
  }

  private static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean) {
      return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
    }
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }
}
