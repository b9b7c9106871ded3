package io.storyline.ingest;

import static io.storyline.testing.IngestFixtures.copy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.storyline.ingest.ReadProblem.Cause;
import io.storyline.testing.IngestFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of bad file is skipped with its reason and location; the good documents beside it survive. */
class BadInputTest {
  @TempDir Path tmp;

  /** Reads {@code bad} next to a good file and checks the good one survives and the problem is named. */
  private ReadProblem onlyProblemBesideGoodFile(Path bad) throws IOException {
    FileReadingTest.write(bad.resolveSibling("good.txt"), "a good document");
    ReadResult r = ReadResult.read(bad.getParent());
    assertThat(r.ids()).containsExactly("good.txt");
    assertThat(r.problems()).hasSize(1);
    ReadProblem p = r.problems().get(0);
    assertThat(p.location()).isEqualTo(bad.toString());
    return p;
  }

  @ParameterizedTest(name = "{0}: {1}, \"{2}\"")
  @CsvSource(delimiter = '|', value = {
      "bad/empty.txt          | EMPTY       | empty file (0 bytes)",
      "bad/whitespace.txt     | EMPTY       | no text (only whitespace)",
      "bad/binary.txt         | BINARY      | binary content (NUL byte at offset 7), not text",
      "bad/photo.txt          | BINARY      | binary content (a JPEG image), not text",
      "bad/truncated.txt.gz   | BAD_GZIP    | truncated gzip: the data ends early",
      "bad/corrupt.txt.gz     | BAD_GZIP    | corrupt gzip: ",
      "bad/not-gzip.txt.gz    | BAD_GZIP    | not gzip data although the name ends in .gz",
      "bad/style.css          | UNSUPPORTED | unsupported file type .css; Storyline reads .txt, .html, .htm, .jsonl"})
  void skipsBadFileWithItsReasonAndReadsTheGoodFileBesideIt(String fixture, Cause cause, String reason)
      throws IOException {
    ReadProblem p = onlyProblemBesideGoodFile(copy(fixture, tmp));
    assertThat(p.cause()).isEqualTo(cause);
    assertThat(p.reason()).startsWith(reason);
  }

  @Test
  void skipsFileOverTheSizeLimit() throws IOException {
    Path big = FileReadingTest.write(tmp.resolve("big.txt"), "x".repeat(2000));
    FileReadingTest.write(tmp.resolve("small.txt"), "small");
    ReadResult r = ReadResult.read(1000, tmp);
    assertThat(r.ids()).containsExactly("small.txt");
    ReadProblem p = r.problemAt("big.txt");
    assertThat(p.location()).isEqualTo(big.toString());
    assertThat(p.cause()).isEqualTo(Cause.TOO_LARGE);
    assertThat(p.reason()).contains("2 KB").contains("1000 bytes").contains("--max-file-size");
  }

  @Test
  void skipsGzipWhoseDecompressedSizeIsOverTheLimit() throws IOException {
    Path gz = tmp.resolve("bomb.txt.gz");
    try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write("x".repeat(100_000).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
    assertThat(Files.size(gz)).isLessThan(1000);
    ReadResult r = ReadResult.read(1000, gz);
    assertThat(r.problems()).singleElement().satisfies(p -> {
      assertThat(p.cause()).isEqualTo(Cause.TOO_LARGE);
      assertThat(p.reason()).contains("decompressed");
    });
  }

  @Test
  void skipsUnreadableFile() throws IOException {
    Path locked = FileReadingTest.write(tmp.resolve("locked.txt"), "secret");
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    assumeThat(Files.isReadable(locked)).as("running as root: permissions are not enforced").isFalse();
    ReadProblem p = onlyProblemBesideGoodFile(locked);
    assertThat(p.cause()).isEqualTo(Cause.UNREADABLE);
    assertThat(p.reason()).contains("permission denied");
  }

  @Test
  void skipsSecondDocumentWithAnIdAlreadyReadNamingBothPlaces() throws IOException {
    Path first = FileReadingTest.write(tmp.resolve("one/story.txt"), "first");
    Path second = FileReadingTest.write(tmp.resolve("two/story.txt"), "second");
    ReadResult r = ReadResult.read(tmp.resolve("one"), tmp.resolve("two"));
    assertThat(r.documents()).singleElement().satisfies(d -> assertThat(d.content()).isEqualTo("first"));
    ReadProblem p = r.problems().get(0);
    assertThat(p.cause()).isEqualTo(Cause.DUPLICATE_ID);
    assertThat(p.location()).isEqualTo(second.toString());
    assertThat(p.reason()).contains("\"story.txt\"").contains(first.toString());
  }

  @Test
  void readsTheMixedAcceptanceFolder() {
    Path mixed = IngestFixtures.mixedFolder(tmp);
    ReadResult r = ReadResult.read(mixed);
    assertThat(r.ids()).containsExactlyElementsOf(IngestFixtures.MIXED_GOOD_IDS);
    assertThat(r.problems()).extracting(ReadProblem::location)
        .containsExactlyInAnyOrder(mixed.resolve("corrupt.txt.gz").toString(),
            mixed.resolve("feeds/feed.jsonl").toString() + ":3");
    assertThat(r.doc("latin1.txt").content()).contains("\u00a3300", "\u201cthe best deal for Britain\u201d");
  }
}
