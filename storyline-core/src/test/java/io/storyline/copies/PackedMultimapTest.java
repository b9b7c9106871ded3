package io.storyline.copies;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The packed multimap answers as a plain map of capped lists would, across flushes, merges and a save. */
class PackedMultimapTest {
  private static final long SEED = Long.getLong("tests.seed", System.nanoTime());

  /** Keys drawn from a small pool (many repeats, some beyond the cap) and from the whole 32-bit range. */
  private static int key(Random rnd) {
    return rnd.nextInt(4) == 0 ? rnd.nextInt(50) * 0x9E3779B9 : rnd.nextInt();
  }

  @Test
  void answersAsCappedListsOfTheFirstDocumentsAcrossFlushesAndMerges() throws IOException {
    Random rnd = new Random(SEED);
    int cap = 5;
    PackedMultimap map = new PackedMultimap(cap, 37, 16);
    Map<Integer, List<Integer>> expected = new HashMap<>();
    List<Integer> keys = new ArrayList<>();
    for (int doc = 0; doc < 3000; doc++) {
      java.util.Set<Integer> mine = new java.util.HashSet<>();
      for (int i = 0; i < 1 + rnd.nextInt(4); i++) {
        int k = key(rnd);
        if (!mine.add(k)) {
          continue; // the indexes post each key of a document once
        }
        map.put(k, doc);
        List<Integer> docs = expected.computeIfAbsent(k, x -> new ArrayList<>());
        if (docs.size() < cap) {
          docs.add(doc);
        }
        keys.add(k);
      }
    }
    assertThat(map.size()).as("seed %d", SEED).isGreaterThan(0);
    check(map, expected, keys, rnd);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    map.write(new DataOutputStream(bytes));
    PackedMultimap loaded = PackedMultimap.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())),
        cap, 37);
    check(loaded, expected, keys, rnd);
    loaded.put(keys.get(0), 3000); // adding continues after a load
    assertThat(loaded.anyIn(new int[] {keys.get(0)}, 3000, 3001))
        .isEqualTo(expected.get(keys.get(0)).size() < cap);
  }

  private static void check(PackedMultimap map, Map<Integer, List<Integer>> expected, List<Integer> keys,
      Random rnd) {
    for (int k : keys) {
      List<Integer> got = new ArrayList<>();
      map.get(k, got::add);
      assertThat(got).as("key %d, seed %d", k, SEED).containsExactlyInAnyOrderElementsOf(expected.get(k));
      int[] out = new int[3];
      assertThat(map.get(k, out)).isEqualTo(Math.min(3, expected.get(k).size()));
    }
    for (int i = 0; i < 2000; i++) {
      int k = rnd.nextInt();
      if (!expected.containsKey(k)) {
        List<Integer> got = new ArrayList<>();
        map.get(k, got::add);
        assertThat(got).as("absent key %d, seed %d", k, SEED).isEmpty();
      }
    }
    int k = keys.get(keys.size() / 2);
    int doc = expected.get(k).get(0);
    assertThat(map.anyIn(new int[] {k}, doc, doc + 1)).isTrue();
    assertThat(map.anyIn(new int[] {k}, 3000, 4000)).isFalse();
  }

  @Test
  void packsEntriesInAboutFourBytes() {
    Random rnd = new Random(SEED);
    PackedMultimap map = new PackedMultimap(64, 1 << 16, 1024);
    int docs = 40_000;
    for (int doc = 0; doc < docs; doc++) {
      for (int i = 0; i < 26; i++) {
        map.put(rnd.nextInt(), doc);
      }
    }
    // 1,040,000 entries: 19 bucket bits, 13 remainder bits + 16 document bits, 1.5 bits of unary buckets and 0.3
    // of samples (3.85 bytes), plus the recent table of at most 2^16 entries (0.6 bytes an entry here): 4.5
    assertThat(map.bytes() / (double) map.size()).as("seed %d", SEED).isLessThan(4.6);
  }
}
