package io.storyline.eval;

import io.storyline.stories.Assignment;
import io.storyline.stories.StoryClusterer;
import io.storyline.stories.StoryInput;
import java.util.ArrayList;
import java.util.Collections;
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
 * with a threshold chosen on other data. Features are computed once per corpus
 * ({@link StoryClusterer#prepare}) and replayed for every threshold; they are label-free, so sharing them between
 * the halves leaks no gold information.
 */
public final class StoriesEvaluation {
  private StoriesEvaluation() {}

  /** A corpus with its features computed once, and the gold story of each input. */
  public static final class Corpus {
    private final StoryClusterer.Prepared prepared;
    private final Map<StoryInput, String> gold;

    private Corpus(StoryClusterer.Prepared prepared, Map<StoryInput, String> gold) {
      this.prepared = prepared;
      this.gold = gold;
    }

    /** Number of documents. */
    public int size() {
      return prepared.inputs().size();
    }

    Corpus subset(Split split, Set<String> keys) {
      return new Corpus(prepared.subset(in -> keys.contains(split.key(in, gold))), gold);
    }
  }

  /** Computes the features of a labelled corpus once ({@code embeddings}: with MiniLM embeddings or not). */
  public static Corpus prepare(List<StoriesCorpus.Labeled> docs, boolean embeddings) {
    Map<StoryInput, String> gold = new IdentityHashMap<>();
    List<StoryInput> inputs = new ArrayList<>(docs.size());
    for (StoriesCorpus.Labeled d : docs) {
      inputs.add(d.input());
      gold.put(d.input(), d.gold());
    }
    return new Corpus(StoryClusterer.builder().embeddings(embeddings).build().prepare(inputs), gold);
  }

  /** Clusters the documents online with a fresh clusterer and scores the result. */
  public static StoriesScore run(List<StoriesCorpus.Labeled> docs, StoryClusterer clusterer) {
    Map<StoryInput, String> gold = new IdentityHashMap<>();
    List<StoryInput> inputs = new ArrayList<>(docs.size());
    for (StoriesCorpus.Labeled d : docs) {
      inputs.add(d.input());
      gold.put(d.input(), d.gold());
    }
    return run(new Corpus(clusterer.prepare(inputs), gold), clusterer);
  }

  /** Replays a prepared corpus into {@code clusterer} (fresh) and scores it. */
  public static StoriesScore run(Corpus corpus, StoryClusterer clusterer) {
    List<Assignment> assignments = clusterer.addAll(corpus.prepared);
    clusterer.flush();
    List<String> predicted = new ArrayList<>(assignments.size());
    List<String> truth = new ArrayList<>(assignments.size());
    List<StoryInput> inputs = corpus.prepared.inputs();
    for (int i = 0; i < assignments.size(); i++) {
      predicted.add(clusterer.currentStory(assignments.get(i).storyId()));
      truth.add(corpus.gold.get(inputs.get(i)));
    }
    return StoriesScore.of(predicted, truth);
  }

  /** Score per threshold. */
  public record Sweep(double threshold, StoriesScore score) {}

  /** Scores each threshold; {@code factory} builds a fresh clusterer for a threshold. */
  public static List<Sweep> sweep(Corpus corpus, DoubleFunction<StoryClusterer> factory, double[] thresholds) {
    List<Sweep> out = new ArrayList<>();
    for (double t : thresholds) {
      out.add(new Sweep(t, run(corpus, factory.apply(t))));
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

  /** How a corpus is cut in two halves for the held-out estimate. */
  public enum Split {
    /**
     * By gold story: each half has half the stories, over the whole period. Optimistic: fewer stories compete
     * within a day than in the full stream.
     */
    STORIES,
    /**
     * By calendar day (UTC) of publication: each half has every document of half the days, so the density of
     * competing stories stays as in the stream. Needs several days (METER has 22; the UCI file only 3).
     */
    DAYS;

    String key(StoryInput in, Map<StoryInput, String> gold) {
      if (this == STORIES) {
        return gold.get(in);
      }
      java.time.Instant t = in.article().published();
      return t == null ? "undated" : t.atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
    }
  }

  /** The held-out estimate; {@code seed} picks the random split (callers print it). */
  public static Holdout holdout(Corpus corpus, DoubleFunction<StoryClusterer> factory, double[] thresholds,
      long seed, Split split) {
    Set<String> distinct = new HashSet<>();
    for (StoryInput in : corpus.prepared.inputs()) {
      distinct.add(split.key(in, corpus.gold));
    }
    List<String> keys = new ArrayList<>(distinct);
    Collections.sort(keys);
    Collections.shuffle(keys, new Random(seed));
    Set<String> halfA = new HashSet<>(keys.subList(0, keys.size() / 2));
    Set<String> halfB = new HashSet<>(keys.subList(keys.size() / 2, keys.size()));
    Corpus a = corpus.subset(split, halfA);
    Corpus b = corpus.subset(split, halfB);
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
}
