/**
 * Reading: files, directory trees, JSON Lines and WARC files in; one stream of {@link
 * io.storyline.ingest.RawDocument}s out (decoded text or HTML with an id, a location and what the input says
 * about it), plus a {@link io.storyline.ingest.ReadProblem} for everything skipped.
 *
 * <pre>{@code
 * Ingest ingest = Ingest.builder().maxFileSize(20 << 20).problems(problems::add).build();
 * try (DocumentReader reader = ingest.open(List.of(Path.of("crawl"), Path.of("feed.jsonl.gz")))) {
 *   reader.stream().forEach(doc -> ...);
 * }
 * }</pre>
 *
 * <h2>Inputs</h2>
 * Chosen by file name ({@code FileType}): {@code .txt}, {@code .html}/{@code .htm}, {@code .jsonl},
 * {@code .warc}/{@code .warc.gz}, any of them as {@code name.ext.gz}; names without an extension are sniffed;
 * other extensions are reported as unsupported. Directories are walked depth-first, sorted by name, hidden
 * entries skipped ({@code FileWalker}). Text and HTML files are one document each ({@code SingleFileSource});
 * JSONL is one document per line ({@code JsonLinesSource}); a WARC gives one document per HTML 200 response
 * ({@code WarcSource}). Bytes become text in {@code TextDecoding} (BOM, declared charset, strict UTF-8, else
 * windows-1252).
 *
 * <h2>Ids</h2>
 * Relative path with '/' for a file found under a directory input, the file name for a file input, the JSONL
 * {@code id} (else {@code file:line}), the WARC-Target-URI. A second document with an id already read is
 * skipped and reported with both places ({@code SeenIds}: 64-bit hashes, bounded memory).
 *
 * <h2>Lifecycle and memory</h2>
 * {@link io.storyline.ingest.Ingest} is immutable; {@code open} checks the inputs exist (else
 * {@code NoSuchFileException}) and returns a lazy, single-threaded {@link io.storyline.ingest.DocumentReader}.
 * At any time it holds one directory listing per level of the walk, one open file, one document (at most the
 * size limit) and the seen-id table (32 bytes per id). Bad data never throws: each unreadable, empty, binary,
 * oversized, corrupt or malformed file, line or record goes to the problem sink with its location
 * ({@code path}, {@code path:line}, {@code path@offset}) and reading carries on.
 */
package io.storyline.ingest;
