package io.storyline.cli;

import io.storyline.eval.StoriesCorpus;
import io.storyline.eval.StoriesEvaluation;
import io.storyline.eval.StoriesScore;
import io.storyline.stories.StoryClusterer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.DoubleFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code storyline eval stories PATH}: story clustering against gold stories (METER folder or UCI headlines CSV). */
@Command(
    name = "stories",
    mixinStandardHelpOptions = true,
    description = {
        "Cluster a labelled corpus into stories and print B-cubed precision/recall/F1, ARI and the number of "
            + "clusters against the gold stories.",
        "PATH: ../shared/data/meter-1999 (gold = domain/date/catchline) or "
            + "../shared/data/uci-news-headlines/dev.csv (gold = STORY, headlines only)."})
final class EvalStoriesCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "PATH", description = "The METER folder or a UCI headlines .csv file.")
  Path path;

  @Option(names = "--embeddings", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Add MiniLM sentence embeddings (default: on).")
  boolean embeddings;

  @Option(names = "--threshold", paramLabel = "SIM", description = "Join threshold (default: the library's).")
  Double threshold;

  @Option(names = "--sweep", split = ",", paramLabel = "SIM",
      description = "Also score these join thresholds, e.g. --sweep 0.15,0.2,0.25,0.3.")
  double[] sweep;

  @Option(names = "--holdout", paramLabel = "SEED",
      description = "Also print a held-out estimate: split the gold stories in two at random (SEED), choose the "
          + "threshold on one half from the --sweep values (or a default grid), score it on the other.")
  Long holdoutSeed;

  @Option(names = "--split", paramLabel = "HOW", defaultValue = "STORIES",
      description = "How --holdout cuts the corpus: STORIES (half the gold stories each) or DAYS (half the "
          + "publication days each; keeps the density of competing stories). Default: ${DEFAULT-VALUE}.")
  StoriesEvaluation.Split split;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (!Files.exists(path)) {
      throw new CliFailure(path + ": not found; give ../shared/data/meter-1999 or "
          + "../shared/data/uci-news-headlines/dev.csv");
    }
    long start = System.nanoTime();
    List<StoriesCorpus.Labeled> docs;
    try {
      docs = StoriesCorpus.load(path);
    } catch (IOException e) {
      throw new CliFailure(e.getMessage(), e);
    }
    out.printf(Locale.ROOT, "corpus %s: %,d documents%n", path, docs.size());
    DoubleFunction<StoryClusterer> factory = t -> StoryClusterer.builder().embeddings(embeddings).threshold(t)
        .build();
    StoriesEvaluation.Corpus corpus = StoriesEvaluation.prepare(docs, embeddings);
    StoryClusterer.Builder main = StoryClusterer.builder().embeddings(embeddings);
    if (threshold != null) {
      main.threshold(threshold);
    }
    StoriesScore score = StoriesEvaluation.run(corpus, main.build());
    out.printf(Locale.ROOT, "stories (embeddings %s, threshold %s): %s%n", embeddings ? "on" : "off",
        threshold == null ? "default" : threshold, score.line());
    double[] grid = sweep != null ? sweep : new double[] {0.1, 0.15, 0.2, 0.25, 0.3, 0.35};
    if (sweep != null) {
      for (StoriesEvaluation.Sweep s : StoriesEvaluation.sweep(corpus, factory, grid)) {
        out.printf(Locale.ROOT, "  threshold %.3f: %s%n", s.threshold(), s.score().line());
      }
    }
    if (holdoutSeed != null) {
      StoriesEvaluation.Holdout h = StoriesEvaluation.holdout(corpus, factory, grid, holdoutSeed, split);
      String by = split.name().toLowerCase(Locale.ROOT);
      out.printf(Locale.ROOT, "held-out by %s (seed %d): threshold %.3f chosen on half A scores on half B: %s%n",
          by, holdoutSeed, h.trainedA(), h.testB().line());
      out.printf(Locale.ROOT, "held-out by %s (seed %d): threshold %.3f chosen on half B scores on half A: %s%n",
          by, holdoutSeed, h.trainedB(), h.testA().line());
      out.printf(Locale.ROOT, "held-out mean B-cubed F1: %.3f%n", h.meanF1());
    }
    out.printf(Locale.ROOT, "time %.1f s%n", (System.nanoTime() - start) / 1e9);
    out.flush();
    return ExitCodes.OK;
  }
}
