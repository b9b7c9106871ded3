package io.storyline.copies;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocTableTest {

  /** Ids of 0 to 300 bytes (long ones kept apart), multi-byte characters, across many blocks of id starts. */
  private static List<String> ids() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      String id = switch (i % 5) {
        case 0 -> "d" + i;
        case 1 -> "é".repeat(i % 7) + "-" + i;
        case 2 -> "x".repeat(250 + i % 10) + i; // 251 to 261 bytes: some at and above the one-byte length
        case 3 -> "";
        default -> "page/" + i + "/index.html";
      };
      ids.add(i % 5 == 3 && i > 3 ? "e" + i : id); // one empty id
    }
    return ids;
  }

  @Test
  void findsAndReadsBackIdsOfEveryLengthAcrossBlocks() throws IOException {
    DocTable t = new DocTable(4);
    List<String> ids = ids();
    for (String id : ids) {
      t.add(id, 0, 10, null, null, 0);
    }
    check(t, ids);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    t.write(new DataOutputStream(bytes));
    check(DocTable.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), 4), ids);
  }

  @Test
  void findsIdsAcrossPagesAndAtTheOneByteLengthLimit() {
    DocTable t = new DocTable(4);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) { // about 40 pages of 16 KB of id bytes
      int length = i % 3 == 0 ? 254 + i % 4 : 8 + i % 17; // 254 to 257 bytes: both sides of the escape byte
      String digits = "ü" + i + "/";
      ids.add(digits + "a".repeat(length - digits.getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
    }
    for (String id : ids) {
      t.add(id, 0, 10, null, null, 0);
    }
    assertThat(ids).extracting(id -> id.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
        .contains(254, 255, 256, 257);
    check(t, ids);
  }

  private static void check(DocTable t, List<String> ids) {
    for (int d = 0; d < ids.size(); d++) {
      assertThat(t.id(d)).isEqualTo(ids.get(d));
      assertThat(t.find(ids.get(d))).isEqualTo(d);
    }
    assertThat(t.find("absent")).isEqualTo(-1);
    assertThat(t.find("x".repeat(255))).isEqualTo(-1);
  }
}
