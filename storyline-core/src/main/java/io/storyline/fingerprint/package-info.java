/**
 * Fingerprints of texts for copy detection: normalised word tokens, word shingles, MinHash signatures
 * (one-permutation hashing with optimal densification), SimHash, and an exact normalised-text hash.
 *
 * <p><b>In:</b> any text (an {@link io.storyline.extract.Article}'s body). <b>Out:</b> {@link
 * io.storyline.fingerprint.Tokens} (64-bit token hashes with sentence boundaries and content-word flags),
 * sorted distinct shingle hashes, and a {@link io.storyline.fingerprint.Fingerprint} value (normalised hash,
 * counts, MinHash signature). Nothing here keeps state between texts; everything is deterministic for a seed.
 *
 * <pre>{@code
 * Fingerprinter fp = Fingerprinter.builder().shingleSize(4).build();
 * Fingerprint a = fp.fingerprint(article.text());
 * double j = a.estimatedJaccard(fp.fingerprint(other.text()));   // approximate resemblance
 * }</pre>
 *
 * <p>Design: normalisation and tokenisation in {@code Tokenizer} (why each rule: its class comment), hashing in
 * {@code Hashing} (FNV-1a + MurmurHash3 finaliser), signatures in {@code MinHash} and {@code SimHash}. The shingle
 * size and signature size are justified with measurements in {@link io.storyline.fingerprint.Fingerprinter}.
 * The copy index ({@code io.storyline.copies}) builds on these.
 */
package io.storyline.fingerprint;
