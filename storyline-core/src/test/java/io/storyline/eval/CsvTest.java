package io.storyline.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
  @Test
  void readsQuotedFieldsWithCommasQuotesAndLineBreaks() {
    List<List<String>> rows = Csv.parse("ID,TITLE\r\n1,\"Fed says \"\"weak\"\", data\"\n2,\"two\nlines\"\n");
    assertThat(rows).containsExactly(List.of("ID", "TITLE"), List.of("1", "Fed says \"weak\", data"),
        List.of("2", "two\nlines"));
  }
}
