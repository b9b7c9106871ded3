/**
 * Stories and topics: online clustering of articles into stories, and of stories into topics.
 *
 * <p><b>In:</b> {@link io.storyline.stories.StoryInput}s — an extracted {@link io.storyline.extract.Article}
 * (headline and/or body, publication time, outlet) and, when copy detection ran, its copy group id. Inputs are
 * never modified. <b>Out:</b> one {@link io.storyline.stories.Assignment} per document (story id, the time used
 * and where it came from, why it joined), {@link io.storyline.stories.Story} summaries (headline, first/last seen,
 * size, outlets, top entities, topic) and {@link io.storyline.stories.Topic}s (stories in chronological order).
 *
 * <pre>{@code
 * StoryClusterer clusterer = StoryClusterer.builder().build();
 * for (StoryInput in : StoryClusterer.inPublicationOrder(batch)) assignments.add(clusterer.add(in));
 * clusterer.flush(); clusterer.stories(); clusterer.topics(); clusterer.currentStory(assignment.storyId());
 * }</pre>
 *
 * <p><b>Design.</b> Single-pass clustering in publication-time order (Miranda et al. 2018, "Multilingual
 * Clustering of Streaming News"; Staykovski et al. 2019; SCStory, Yoon et al. 2023): each document is compared
 * with every open story and joins the best one above a threshold, else opens a story. Features
 * ({@code Featurizer}): TF-IDF over headline (counted twice) and lead with online document frequencies;
 * named entities ({@code EntityExtractor}: capitalisation patterns, OpenNLP sentence/token/POS models, shipped
 * gazetteers, alias keys that merge transliterations such as Moualem / Muallem / al-Moualem); MiniLM sentence
 * embeddings (in-jar ONNX model, optional). Similarity ({@code Similarity}): weighted mean of the three cosines,
 * the embedding cosine rescaled against its running background, times {@code exp(-gap/τ)}. When a story grows it
 * is merged with any open story that became similar enough (stories split by an atypical first document are
 * repaired). A copy group joins its story without comparison: a copy group never spans two stories. Stories close
 * after a window of inactivity (3 days by default); closed stories are threaded into topics
 * ({@code TopicThreader}) by entity profile, terms and meaning, with no time window, so a topic spans years.
 * Without embeddings, open stories and topics are found through an inverted index of their keys
 * ({@code OpenIndex}, {@code Postings}): a story sharing no term or entity key scores 0, so the result is that of
 * scanning them all (checked on the dev corpora by {@code OpenIndexIT}) at a cost that does not grow with the
 * stories a document shares nothing with. Entity extraction caches tokens and tags by sentence (copies repeat them).
 *
 * <p><b>In pieces.</b> {@link io.storyline.stories.StoryClusterer#features} computes a document's
 * stream-independent {@link io.storyline.stories.StoryFeatures} apart (in parallel; the Spark job);
 * {@code add(features, group)} places them as {@code add(article, group)} would, {@code observe} counts a document
 * placed elsewhere, and {@code Builder.documentFrequencies} starts a clusterer from the frequencies of the stream
 * before it, so a stream cut into time blocks weighs terms as one clusterer would.
 *
 * <p><b>Dates.</b> The time used is the article's publication time; when it is missing, the epoch, or more than a
 * day in the future, the previous document's time (or, for the first document, the clock's), and the assignment
 * says so ({@link io.storyline.stories.DateSource}, {@code dateNote}).
 *
 * <p><b>Memory.</b> Per open story: bounded centroids (600 terms, 150 entities, 384 floats); per closed story a
 * summary until {@link io.storyline.stories.StoryClusterer#drainClosed()}; per topic at most ~40 KB, capped by
 * {@code maxTopics}; document-frequency tables grow with the vocabulary (Heaps' law). Everything else is
 * package-private.
 */
package io.storyline.stories;
