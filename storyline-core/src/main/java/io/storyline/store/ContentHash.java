package io.storyline.store;

import io.storyline.ingest.RawDocument;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The content hash of a raw document: SHA-256 over everything extraction reads, so that the same bytes give the
 * same hash and any change that could change the article gives another. Hashed, each length-prefixed so that field
 * boundaries cannot shift: kind, content, url, title, published, source. The id and the location are not part of
 * it (the id is the key; the location is where it happened to be read from).
 */
final class ContentHash {
  private ContentHash() {}

  static String of(RawDocument d) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
    update(sha, d.kind().name());
    update(sha, d.content());
    update(sha, d.url());
    update(sha, d.title());
    update(sha, d.published() == null ? null : d.published().toString());
    update(sha, d.source());
    return HexFormat.of().formatHex(sha.digest());
  }

  /** The first 64 bits of a hex hash, for the in-memory table of known ids. */
  static long prefix(String hex) {
    return Long.parseUnsignedLong(hex.substring(0, 16), 16);
  }

  private static void update(MessageDigest sha, String value) {
    if (value == null) {
      sha.update(new byte[] {0, 0, 0, 0, 0});
      return;
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    sha.update((byte) 1);
    sha.update(new byte[] {(byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16), (byte) (bytes.length >>> 8),
        (byte) bytes.length});
    sha.update(bytes);
  }
}
