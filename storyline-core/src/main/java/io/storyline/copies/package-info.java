/**
 * Copies of one text across outlets: exact copies, near-duplicates, partial reuse, the copy group's original, and
 * what each outlet changed.
 *
 * <p><b>In:</b> {@link io.storyline.copies.CopyDocument}s (an extracted article's id, clean text, publication time,
 * outlet and credited agency), one at a time. <b>Out:</b> at once, a {@link io.storyline.copies.CopyMatch} ("copy
 * of what, how much": relation and sources with containment and resemblance); at any time, a
 * {@link io.storyline.copies.CopyResult} per document (copy group, relation {@code original / exact / near /
 * partial / unique}, sources, origin, agency); on demand, a word-level {@link io.storyline.copies.TextDiff}.
 *
 * <pre>{@code
 * CopyIndex index = CopyDetector.builder().build().newIndex();
 * CopyMatch m = index.add(CopyDocument.of(article));
 * index.results().forEach(r -> System.out.println(r.id() + " " + r.relation() + " of " + r.origin()));
 * }</pre>
 *
 * <p><b>Design.</b> The index is online: {@code add} never rebuilds anything. Per document it keeps about 42
 * bytes of columns ({@code DocTable}), 8 LSH band entries ({@code LshIndex}: MinHash near-duplicates, S-curve in
 * its comment) and one posting per 16 shingles ({@code PostingIndex}: containment, for cut, extended and partial
 * copies whatever the size ratio), recent entries in an open-addressing table ({@code IntMultimap}, 8 bytes),
 * older ones merged into bit-packed sorted segments with Elias&ndash;Fano-coded keys, about 3.8 bytes an entry
 * ({@code PackedMultimap}); every large array is paged ({@code Pages}) so that the collector does not pad it to
 * whole heap regions. Texts go to a {@code TextStore} (memory or a file, where each text's tokens follow it)
 * because candidates are verified on their words ({@code Reuse}: containment, resemblance, reused share of 3-word
 * runs, traced share of sentences), and {@link io.storyline.copies.Derivation} turns those measures into wholly
 * ({@code near}), partially ({@code partial}) or not derived, with thresholds that move with length (fitted on
 * METER 1999). Verification tables the checked text once ({@code Analysis}) and streams each candidate's tokens
 * ({@code SourceText}, cached for recent documents, read back from the file for older ones) against those
 * tables: no re-tokenising, no per-source tables. Verified relations ({@code EdgeList}) join copy groups in a
 * union-find; groups, origins and inherited agencies are derived from them when asked ({@code Grouping}), so a
 * late wire copy can still become its group's origin. {@code IndexFile} saves and loads the whole index.
 * {@code WordDiff} and {@code ReaderText} make diffs of what readers see (credits and bylines included).
 * Measured speed and memory: README, Benchmarks, Copies.
 *
 * <p><b>Threads.</b> {@link io.storyline.copies.CopyIndex} is thread-safe; documents added from several threads
 * are tokenised and fingerprinted in parallel, then checked and inserted one at a time.
 */
package io.storyline.copies;
