package io.storyline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {

  @Test
  void plainProgressPrintsALineEveryTenSecondsOfWork() {
    StringWriter err = new StringWriter();
    AtomicLong clock = new AtomicLong();
    Progress progress = Progress.plain("storyline read", new PrintWriter(err), clock::get, () -> 2);
    for (int i = 0; i < 640; i++) {
      clock.addAndGet(100_000_000L); // 0.1 s per document
      progress.step();
    }
    String[] lines = err.toString().split("\n");
    // 64 s of work, checked every 64 documents (6.4 s): a line at 12.8, 25.6, 38.4, 51.2 and 64 s
    assertThat(lines).hasSize(5);
    assertThat(lines[0]).isEqualTo("storyline read: 128 documents, 2 problems, 13 s, 10 documents/s");
  }
}
