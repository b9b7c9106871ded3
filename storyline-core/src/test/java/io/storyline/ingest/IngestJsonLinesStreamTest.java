package io.storyline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestJsonLinesStreamTest {

  @Test
  void readsJsonLinesFromAStreamWithTheFileRulesAndReportsBadLines() throws IOException {
    String body = "{\"id\":\"a\",\"title\":\"T\",\"text\":\"Body.\",\"published\":\"2014-11-26\",\"source\":\"S\"}\n"
        + "not json\n"
        + "{\"html\":\"<p>x</p>\"}\n";
    List<ReadProblem> problems = new ArrayList<>();
    Ingest ingest = Ingest.builder().problems(problems::add).build();
    try (DocumentReader r = ingest.openJsonLines(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
        "request")) {
      List<RawDocument> docs = r.stream().toList();
      assertThat(docs).extracting(RawDocument::id).containsExactly("a", "request:3");
      assertThat(docs.get(0).published()).isEqualTo(Instant.parse("2014-11-26T00:00:00Z"));
      assertThat(docs.get(1).kind()).isEqualTo(RawDocument.ContentKind.HTML);
    }
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.location()).isEqualTo("request:2");
      assertThat(p.cause()).isEqualTo(ReadProblem.Cause.BAD_JSON_LINE);
    });
  }
}
