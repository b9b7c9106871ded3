/**
 * Evaluation: scores a stage against a public benchmark laid out in {@code ../shared/data} and reports the standard
 * metrics, plus the synthetic-corpus benchmark of the copy index. Not used by the pipeline itself.
 *
 * <h2>In and out</h2>
 * In: a benchmark folder (or file) and the stage to score. Out: a report record with per-case scores and the
 * summary metrics; the CLI ({@code storyline eval ...}, {@code storyline bench copies}) only prints it.
 *
 * <pre>{@code
 * ExtractionEvaluation.Report r = ExtractionEvaluation.using(Extractor.create())
 *     .evaluate(Path.of("../shared/data/readability-pages"));
 * System.out.printf("body F1 %.3f, title accuracy %.3f%n", r.f1(), r.title().value());
 * }</pre>
 *
 * <h2>Inside</h2>
 * <ul>
 *   <li>Extraction: {@link io.storyline.eval.ExtractionEvaluation} (Readability-style cases {@code <case>/source.html},
 *       {@code expected.html}, {@code expected-metadata.json}); {@code ShingleOverlap} is the article-extraction
 *       benchmark's body metric (4-gram shingle multisets, per-document TP/FP/FN normalised to sum 1, precision and
 *       recall averaged over documents); {@code MetadataMatch} says how titles, bylines and dates are compared.
 *   <li>Copies: {@code CopiesMeterEvaluation} classifies each METER newspaper text as wholly, partially or non-derived
 *       from the PA wire texts and scores it against {@code file_index}, in sample and out of sample
 *       ({@code DerivationFit} refits the decision on one half and the report scores the other);
 *       {@code CopiesBenchmark} runs the copy index
 *       over a {@code CopiesSyntheticCorpus} with known copies and edits.
 *   <li>Stories: {@link io.storyline.eval.StoriesCorpus} reads the METER 1999 folder (gold = domain/date/catchline)
 *       or a UCI News Aggregator headlines CSV (gold = STORY); {@link io.storyline.eval.StoriesEvaluation} runs the
 *       {@link io.storyline.stories.StoryClusterer} over it, sweeps thresholds and gives a held-out estimate
 *       (threshold chosen on half of the gold stories, scored on the other half); {@link io.storyline.eval.StoriesScore}
 *       holds B-cubed precision/recall/F1, ARI and cluster counts.
 * </ul>
 */
package io.storyline.eval;
