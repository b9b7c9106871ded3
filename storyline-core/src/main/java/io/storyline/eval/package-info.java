/**
 * Evaluation of the pipeline stages against the benchmark formats in {@code ../shared/data}.
 *
 * <p>Stories: {@link io.storyline.eval.StoriesCorpus} reads the METER 1999 folder (gold = domain/date/catchline)
 * or a UCI News Aggregator headlines CSV (gold = STORY); {@link io.storyline.eval.StoriesEvaluation} runs the
 * {@link io.storyline.stories.StoryClusterer} over it, sweeps thresholds and gives a held-out estimate (threshold
 * chosen on half of the gold stories, scored on the other half); {@link io.storyline.eval.StoriesScore} holds
 * B-cubed precision/recall/F1, ARI and cluster counts.
 *
 * <pre>{@code
 * List<StoriesCorpus.Labeled> docs = StoriesCorpus.load(Path.of("../shared/data/meter-1999"));
 * StoriesScore s = StoriesEvaluation.run(docs, StoryClusterer.builder().build());
 * System.out.println(s.line());
 * }</pre>
 */
package io.storyline.eval;
