package io.storyline.ingest;

import static io.storyline.testing.IngestFixtures.copy;
import static org.assertj.core.api.Assertions.assertThat;

import io.storyline.ingest.ReadProblem.Cause;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesReadingTest {
  @TempDir Path tmp;

  @Test
  void readsEveryFieldOfAFeedLine() {
    ReadResult r = ReadResult.read(copy("jsonl/feed.jsonl", tmp));
    RawDocument d = r.doc("reuters-1");
    assertThat(d.kind()).isEqualTo(RawDocument.ContentKind.TEXT);
    assertThat(d.content()).startsWith("SOCHI, Russia, Nov 26 (Reuters)");
    assertThat(d.url()).isEqualTo("https://example.org/a");
    assertThat(d.title()).isEqualTo("Russia vows support");
    assertThat(d.published()).isEqualTo(Instant.parse("2014-11-26T10:15:00Z"));
    assertThat(d.source()).isEqualTo("Reuters");
    assertThat(d.location()).isEqualTo(tmp.resolve("feed.jsonl") + ":1");
    assertThat(d.charset()).isNull();
  }

  @Test
  void htmlLineIsHtmlAndOffsetsBecomeInstants() {
    RawDocument d = ReadResult.read(copy("jsonl/feed.jsonl", tmp)).doc("dw-2");
    assertThat(d.kind()).isEqualTo(RawDocument.ContentKind.HTML);
    assertThat(d.content()).isEqualTo("<p>Diplomats met in Vienna.</p>");
    assertThat(d.published()).isEqualTo(Instant.parse("2016-05-17T07:00:00Z"));
  }

  @Test
  void titleWithoutBodyIsAHeadlineOnlyDocument() {
    RawDocument d = ReadResult.read(copy("jsonl/feed.jsonl", tmp)).doc("headline-3");
    assertThat(d.kind()).isEqualTo(RawDocument.ContentKind.NONE);
    assertThat(d.content()).isEmpty();
    assertThat(d.title()).isEqualTo("Headline only, no body");
    assertThat(d.published()).isEqualTo(Instant.parse("2014-03-10T00:00:00Z"));
  }

  @Test
  void brokenLineIsNamedByFileAndLineAndTheOthersSurvive() {
    Path feed = copy("jsonl/feed.jsonl", tmp);
    ReadResult r = ReadResult.read(feed);
    assertThat(r.ids()).containsExactly("reuters-1", "dw-2", "headline-3");
    assertThat(r.problems()).singleElement().satisfies(p -> {
      assertThat(p.location()).isEqualTo(feed + ":3");
      assertThat(p.cause()).isEqualTo(Cause.BAD_JSON_LINE);
      assertThat(p.reason()).startsWith("malformed JSON at column");
    });
  }

  @Test
  void reportsEachKindOfBadLine() {
    Path file = copy("jsonl/bad-lines.jsonl", tmp);
    ReadResult r = ReadResult.read(file);
    assertThat(r.ids()).containsExactly("ok-1", "bad-lines.jsonl:7", "bad-date", "ok-2");
    assertThat(r.problemAt(":3").reason()).contains("expected one JSON object per line, got array");
    assertThat(r.problemAt(":4").cause()).isEqualTo(Cause.BAD_ENCODING);
    assertThat(r.problemAt(":4").reason()).contains("invalid UTF-8 at byte 29");
    assertThat(r.problemAt(":5").reason()).contains("field \"text\" must be a string, got number");
    assertThat(r.problemAt(":6").cause()).isEqualTo(Cause.EMPTY);
    assertThat(r.problemAt(":8").cause()).isEqualTo(Cause.BAD_FIELD);
    assertThat(r.problemAt(":8").reason()).contains("\"last Tuesday\"").contains("kept without a date");
    assertThat(r.problemAt(":9").cause()).isEqualTo(Cause.DUPLICATE_ID);
    assertThat(r.problemAt(":9").reason()).contains(file + ":1");
    assertThat(r.problemAt(":10").reason()).contains("malformed JSON");
    assertThat(r.problems()).hasSize(7);
    assertThat(r.doc("bad-date").published()).isNull();
    assertThat(r.doc("ok-2").published()).isEqualTo(Instant.parse("2014-11-26T10:00:00Z"));
  }

  @Test
  void readsGzipCompressedJsonLines() {
    ReadResult r = ReadResult.read(copy("jsonl/feed.jsonl.gz", tmp));
    assertThat(r.ids()).containsExactly("reuters-1", "dw-2");
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void keepsLinesBeforeATruncatedGzipAndNamesTheFile() throws IOException {
    byte[] whole = Files.readAllBytes(copy("jsonl/feed.jsonl.gz", tmp));
    Path cut = Files.write(tmp.resolve("cut.jsonl.gz"), java.util.Arrays.copyOf(whole, whole.length - 12));
    ReadResult r = ReadResult.read(cut);
    assertThat(r.problems()).singleElement().satisfies(p -> {
      assertThat(p.location()).isEqualTo(cut.toString());
      assertThat(p.cause()).isEqualTo(Cause.BAD_GZIP);
    });
  }

  @Test
  void skipsLineOverTheSizeLimitWithoutHoldingIt() throws IOException {
    Path file = tmp.resolve("long.jsonl");
    Files.writeString(file, "{\"id\":\"a\",\"text\":\"short\"}\n{\"id\":\"b\",\"text\":\"" + "x".repeat(300_000)
        + "\"}\n{\"id\":\"c\",\"text\":\"short again\"}");
    ReadResult r = ReadResult.read(1000, file);
    assertThat(r.ids()).containsExactly("a", "c");
    assertThat(r.problemAt(":2").cause()).isEqualTo(Cause.TOO_LARGE);
    assertThat(r.doc("c").location()).endsWith(":3");
  }

  @Test
  void parsesCommonIsoForms() {
    assertThat(JsonLinesSource.parseInstant("2014-11-26T10:15:00Z")).isEqualTo(Instant.parse("2014-11-26T10:15:00Z"));
    assertThat(JsonLinesSource.parseInstant("2014-11-26T11:15:00+01:00"))
        .isEqualTo(Instant.parse("2014-11-26T10:15:00Z"));
    assertThat(JsonLinesSource.parseInstant("2014-11-26T10:15:00.5")).isEqualTo(Instant.parse("2014-11-26T10:15:00.5Z"));
    assertThat(JsonLinesSource.parseInstant("2014-11-26")).isEqualTo(Instant.parse("2014-11-26T00:00:00Z"));
    assertThat(JsonLinesSource.parseInstant("26/11/2014")).isNull();
  }

  @Test
  void publishedInCommonFeedFormsIsReadAndAnUnusableOneKeepsTheDocument() throws IOException {
    Path file = tmp.resolve("dates.jsonl");
    Files.writeString(file, String.join("\n",
        "{\"id\":\"day\",\"text\":\"t\",\"published\":\"2014-11-26\"}",
        "{\"id\":\"local\",\"text\":\"t\",\"published\":\"2014-11-26T10:00\"}",
        "{\"id\":\"php\",\"text\":\"t\",\"published\":\"2014-11-26T11:00:00+0100\"}",
        "{\"id\":\"millis\",\"text\":\"t\",\"published\":1416996000000}",
        "{\"id\":\"seconds\",\"text\":\"t\",\"published\":1416996000}",
        "{\"id\":\"fraction\",\"text\":\"t\",\"published\":1416996000.5}",
        "{\"id\":\"object\",\"text\":\"t\",\"published\":{\"date\":\"2014-11-26\"}}") + "\n");
    ReadResult r = ReadResult.read(file);
    assertThat(r.ids()).containsExactly("day", "local", "php", "millis", "seconds", "fraction", "object");
    Instant ten = Instant.parse("2014-11-26T10:00:00Z");
    assertThat(r.doc("day").published()).isEqualTo(Instant.parse("2014-11-26T00:00:00Z"));
    assertThat(r.doc("local").published()).isEqualTo(ten);
    assertThat(r.doc("php").published()).isEqualTo(ten);
    assertThat(r.doc("millis").published()).isEqualTo(ten);
    assertThat(r.doc("seconds").published()).isEqualTo(ten);
    assertThat(r.doc("fraction").published()).isNull();
    assertThat(r.doc("object").published()).isNull();
    assertThat(r.problems()).extracting(ReadProblem::cause).containsExactly(Cause.BAD_FIELD, Cause.BAD_FIELD);
    assertThat(r.problemAt(":7").reason()).contains("{\"date\":\"2014-11-26\"}").contains("kept without a date");
  }

  @Test
  void emptyJsonLinesFileIsReportedLikeAnyEmptyFile() throws IOException {
    Path empty = Files.writeString(tmp.resolve("empty.jsonl"), "");
    Path blank = Files.writeString(tmp.resolve("blank.jsonl"), "\n  \n\n");
    Path good = Files.writeString(tmp.resolve("good.jsonl"), "\n{\"id\":\"a\",\"text\":\"t\"}\n");
    ReadResult r = ReadResult.read(empty, blank, good);
    assertThat(r.ids()).containsExactly("a");
    assertThat(r.problems()).extracting(ReadProblem::cause).containsExactly(Cause.EMPTY, Cause.EMPTY);
    assertThat(r.problemAt("empty.jsonl").reason()).isEqualTo("empty file (0 bytes)");
    assertThat(r.problemAt("blank.jsonl").reason()).isEqualTo("empty file (only blank lines)");
  }
}
