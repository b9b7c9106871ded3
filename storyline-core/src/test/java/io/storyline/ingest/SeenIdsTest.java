package io.storyline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeenIdsTest {

  @Test
  void findsNoDuplicatesAmongManyDistinctIds() {
    SeenIds seen = new SeenIds();
    seen.enterFile("big.jsonl", SeenIds.PlaceKind.LINE);
    for (int i = 0; i < 200_000; i++) {
      assertThat(seen.add("doc-" + i, i + 1)).isNull();
    }
    assertThat(seen.size()).isEqualTo(200_000);
  }

  @Test
  void namesTheFirstPlaceOfADuplicate() {
    SeenIds seen = new SeenIds();
    seen.enterFile("a.warc", SeenIds.PlaceKind.OFFSET);
    seen.add("http://x/1", 0);
    seen.add("http://x/2", 1234);
    seen.enterFile("b.jsonl", SeenIds.PlaceKind.LINE);
    seen.add("k", 7);
    seen.enterFile("dir/c.txt", SeenIds.PlaceKind.FILE);
    seen.add("c.txt", 0);
    assertThat(seen.add("http://x/2", 5)).isEqualTo("a.warc@1234");
    assertThat(seen.add("k", 9)).isEqualTo("b.jsonl:7");
    assertThat(seen.add("c.txt", 0)).isEqualTo("dir/c.txt");
  }

  @Test
  void hashIsNeverZeroAndSpreadsSimilarIds() {
    assertThat(SeenIds.hash("")).isNotZero();
    assertThat(SeenIds.hash("a")).isNotEqualTo(SeenIds.hash("b"));
  }
}
