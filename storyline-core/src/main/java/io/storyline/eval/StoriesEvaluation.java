package io.storyline.eval;

import io.storyline.stories.Assignment;
import io.storyline.stories.StoryClusterer;
import io.storyline.stories.StoryInput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.DoubleFunction;

/**
 * Runs the story clusterer over a labelled corpus and scores it ({@link StoriesScore}), with a threshold sweep and a
 * held-out estimate: the gold stories are split at random into two halves; the threshold that scores best on one
 * half is tested on the other, and the other way round. The two test scores estimate quality on unseen stories
 * with a threshold chosen on other data.
 */
public final class StoriesEvaluation {
  private StoriesEvaluation() {}

  /** Clusters the documents (sorted by publication time) with a fresh clusterer and scores the result. */
  public static StoriesScore run(List<StoriesCorpus.Labeled> docs, StoryClusterer clusterer) {
    List<StoryInput> inputs = new ArrayList<>(docs.size());
    Map<StoryInput, String> gold = new IdentityHashMap<>();
    for (StoriesCorpus.Labeled d : docs) {
      inputs.add(d.input());
      gold.put(d.input(), d.gold());
    }
    List<String> predicted = new ArrayList<>();
    List<String> truth = new ArrayList<>();
    for (StoryInput in : StoryClusterer.inPublicationOrder(inputs)) {
      Assignment a = clusterer.add(in);
      predicted.add(a.storyId());
      truth.add(gold.get(in));
    }
    clusterer.flush();
    return StoriesScore.of(predicted, truth);
  }

  /** Score per threshold. */
  public record Sweep(double threshold, StoriesScore score) {}

  /** Scores each threshold; {@code factory} builds a clusterer for a threshold. */
  public static List<Sweep> sweep(List<StoriesCorpus.Labeled> docs, DoubleFunction<StoryClusterer> factory,
      double[] thresholds) {
    List<Sweep> out = new ArrayList<>();
    for (double t : thresholds) {
      out.add(new Sweep(t, run(docs, factory.apply(t))));
    }
    return out;
  }

  /**
   * Held-out estimate over two halves of the gold stories.
   *
   * @param trainedA threshold chosen on half A; {@code testB} its score on half B (and the other way round)
   */
  public record Holdout(double trainedA, StoriesScore testB, double trainedB, StoriesScore testA) {
    /** Mean held-out B-cubed F1 of the two directions. */
    public double meanF1() {
      return (testA.f1() + testB.f1()) / 2;
    }
  }

  /** The held-out estimate; {@code seed} picks the random split of the gold stories (logged by callers). */
  public static Holdout holdout(List<StoriesCorpus.Labeled> docs, DoubleFunction<StoryClusterer> factory,
      double[] thresholds, long seed) {
    Set<String> stories = new HashSet<>();
    for (StoriesCorpus.Labeled d : docs) {
      stories.add(d.gold());
    }
    List<String> sorted = new ArrayList<>(stories);
    sorted.sort(null);
    java.util.Collections.shuffle(sorted, new Random(seed));
    Set<String> halfA = new HashSet<>(sorted.subList(0, sorted.size() / 2));
    List<StoriesCorpus.Labeled> a = new ArrayList<>();
    List<StoriesCorpus.Labeled> b = new ArrayList<>();
    for (StoriesCorpus.Labeled d : docs) {
      (halfA.contains(d.gold()) ? a : b).add(d);
    }
    double bestA = best(sweep(a, factory, thresholds));
    double bestB = best(sweep(b, factory, thresholds));
    return new Holdout(bestA, run(b, factory.apply(bestA)), bestB, run(a, factory.apply(bestB)));
  }

  /** The threshold of the best F1 (the lowest one among ties). */
  public static double best(List<Sweep> sweep) {
    Sweep best = null;
    for (Sweep s : sweep) {
      if (best == null || s.score().f1() > best.score().f1() + 1e-9) {
        best = s;
      }
    }
    if (best == null) {
      throw new IllegalArgumentException("empty sweep: give at least one threshold");
    }
    return best.threshold();
  }

  /** Gold story of each document id (for reports). */
  static Map<String, String> goldById(List<StoriesCorpus.Labeled> docs) {
    Map<String, String> out = new HashMap<>();
    for (StoriesCorpus.Labeled d : docs) {
      out.put(d.input().article().id(), d.gold());
    }
    return out;
  }
}
