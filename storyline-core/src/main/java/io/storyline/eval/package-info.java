/**
 * Evaluation: scores a stage against a public benchmark laid out in {@code ../shared/data} and reports the standard
 * metrics. Not used by the pipeline itself.
 *
 * <h2>In and out</h2>
 * In: a benchmark folder and the stage to score. Out: a report record with the per-case scores and the summary
 * metrics; the CLI ({@code storyline eval ...}) only prints it.
 *
 * <pre>{@code
 * ExtractionEvaluation.Report r = ExtractionEvaluation.using(Extractor.create())
 *     .evaluate(Path.of("../shared/data/readability-pages"));
 * System.out.printf("body F1 %.3f, title accuracy %.3f%n", r.f1(), r.title().value());
 * }</pre>
 *
 * <h2>Inside</h2>
 * <ul>
 *   <li>{@link io.storyline.eval.ExtractionEvaluation} (public): Readability-style cases
 *       ({@code <case>/source.html}, {@code expected.html}, {@code expected-metadata.json}).
 *   <li>{@code ShingleOverlap}: the article-extraction benchmark's body metric (4-gram shingle multisets,
 *       per-document TP/FP/FN normalised to sum 1, precision and recall averaged over documents).
 *   <li>{@code MetadataMatch}: how titles, bylines and dates are compared with the gold values.
 * </ul>
 */
package io.storyline.eval;
