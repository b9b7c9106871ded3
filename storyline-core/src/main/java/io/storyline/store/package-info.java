/**
 * Store: the persistent end of the pipeline. Raw documents in ({@link io.storyline.ingest.RawDocument}); out, an
 * embedded Lucene index of {@link io.storyline.store.StoredArticle}s (the extracted article, its content hash, copy
 * group, relation, sources and story), {@link io.storyline.stories.Story}s and
 * {@link io.storyline.stories.Topic}s, with full-text search and lookups by id, story, topic, copy group and
 * time. {@link io.storyline.store.Store} is the one entry point; the rest is package-private.
 *
 * <pre>{@code
 * try (Store store = Store.open(Path.of("storyline-data"))) {
 *   store.add(documents).forEach(r -> System.out.println(r.id() + " " + r.outcome() + " " + r.storyId()));
 *   store.stories(null, null, "Assad", 20);
 * }
 * }</pre>
 *
 * <h2>Pipeline</h2>
 * {@code add} hashes each document, extracts the new and changed ones (in parallel, outside any lock), then under one
 * pipeline lock runs the stateful stages in order — copies ({@code Steps.CopyStep}: copy group, relation, sources),
 * then stories ({@code Steps.StoryStep}: story id, changed story and topic summaries) — and writes the article and
 * the changed summaries to the {@code IndexWriter}. The stages are seen through those two small interfaces; a stage
 * that is absent is {@code NONE} and articles are stored without group or story.
 *
 * <h2>Idempotence: id and content hash</h2>
 * The key is the document id. The content hash is SHA-256 over what extraction reads (kind, content, url, title,
 * published, source; see {@code ContentHash}). Adding an id that is stored with the same hash is a no-op
 * ({@code UNCHANGED}, nothing is extracted or written); with another hash, the new version replaces the old one
 * ({@code UPDATED}: re-extracted, re-linked, with a new {@code seq} and {@code added} time); an unknown id is
 * {@code ADDED}; a document with no text and no title, or a page that is not an article, is {@code SKIPPED} and
 * nothing is stored. The same rule holds within one batch, across runs and across the HTTP API.
 *
 * <h2>Durability</h2>
 * {@code add} returns only after a Lucene commit (fsync of the new segments and of {@code segments_N}) holds every
 * document of the call; an {@code UNCHANGED} answer also waits for the commit of the write it refers to. Commits are
 * grouped ({@code GroupCommit}): a caller that finds a commit running waits for the next one, which covers every
 * writer that arrived meanwhile; {@code storyline run} adds documents in batches, one commit per batch. Readers see
 * only the last commit ({@code StoreReader} reopens on it after each commit), so nothing unacknowledged is ever
 * visible.
 *
 * <h2>Crash safety: derived state is rebuilt on open</h2>
 * Lucene commits are atomic: after kill -9 at any point, the index opens at its last commit, which holds every
 * acknowledged document exactly once (the id is the update key). The working state of the stages (the copy index,
 * the open stories' centroids) is not written anywhere: on open, {@code Replay} feeds every stored article to fresh
 * stages in {@code seq} order, with the stages' clock set to the article's {@code added} time, so they reach the
 * state they had and give each article the group and story it was stored with. Where the stored index disagrees
 * (a crash between two commits of one batch, an update, a new version of a stage), the replay wins: articles are
 * relinked, moved to the story they were merged into, and story and topic documents rewritten or deleted in one
 * commit.
 *
 * <p>Cost and when it is paid: the table of known ids (about 100 bytes per article in memory) is loaded before
 * {@code open} returns, from three stored fields per article. The replay runs on a background thread: reads, and
 * adds whose documents are all unchanged, never wait for it; an add with a new or changed document waits until it
 * is done ({@link io.storyline.store.Store.Stats#ready}); {@code close} stops it (the next open starts over). Its
 * time is the stages' time per article: 1,058 METER articles took 179 s with the stories stage (MiniLM embeddings,
 * entities) on the shared 2-core machine, about what adding them took in the first place. The alternative, a
 * snapshot of the stages' state beside each commit (written to a temporary file, fsynced, atomically moved, named
 * by the commit's generation), or a cache of each article's features in the index, needs serialisable stage state
 * and is the next step when stores grow.
 *
 * <h2>Concurrency</h2>
 * {@code add} and the queries are thread-safe. A store directory is used by one process at a time (Lucene's write
 * lock; a second opener gets an error naming the directory). A failed commit leaves the store failed: later
 * {@code add}s throw until it is reopened.
 */
package io.storyline.store;
