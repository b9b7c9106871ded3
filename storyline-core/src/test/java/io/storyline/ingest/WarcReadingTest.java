package io.storyline.ingest;

import static io.storyline.testing.IngestFixtures.copy;
import static org.assertj.core.api.Assertions.assertThat;

import io.storyline.ingest.ReadProblem.Cause;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarcReadingTest {
  @TempDir Path tmp;

  @Test
  void readsHtmlResponsesAndPassesOverOtherRecords() {
    Path warc = copy("warc/crawl.warc", tmp);
    ReadResult r = ReadResult.read(warc);
    assertThat(r.ids()).containsExactly("http://example.org/one", "http://example.org/two");
    assertThat(r.problems()).isEmpty(); // warcinfo, request, image and 404 are not problems
    RawDocument one = r.doc("http://example.org/one");
    assertThat(one.kind()).isEqualTo(RawDocument.ContentKind.HTML);
    assertThat(one.url()).isEqualTo("http://example.org/one");
    assertThat(one.published()).isEqualTo(Instant.parse("2014-11-26T10:00:01Z"));
    assertThat(one.location()).matches(java.util.regex.Pattern.quote(warc.toString()) + "@\\d+");
  }

  @Test
  void takesTheCharsetFromTheHttpHeaderElseFromThePage() {
    ReadResult r = ReadResult.read(copy("warc/crawl.warc", tmp));
    RawDocument one = r.doc("http://example.org/one");
    assertThat(one.charset()).isEqualTo("windows-1252");
    assertThat(one.content()).contains("Caf\u00e9 prices", "\u00a33, \u201cthe highest ever\u201d");
    RawDocument two = r.doc("http://example.org/two");
    assertThat(two.charset()).isEqualTo("UTF-8");
    assertThat(two.content()).contains("Grüße aus Köln — €5.");
  }

  @Test
  void readsPerRecordGzipWarc() {
    ReadResult r = ReadResult.read(copy("warc/crawl.warc.gz", tmp));
    assertThat(r.ids()).containsExactly("http://example.org/one", "http://example.org/two");
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void reportsBadRecordWithItsOffsetAndReadsTheRecordAfterIt() {
    Path warc = copy("warc/bad-record.warc", tmp);
    ReadResult r = ReadResult.read(warc);
    assertThat(r.ids()).containsExactly("http://example.org/one", "http://example.org/two");
    assertThat(r.problems()).singleElement().satisfies(p -> {
      assertThat(p.cause()).isEqualTo(Cause.BAD_WARC_RECORD);
      assertThat(p.location()).matches(java.util.regex.Pattern.quote(warc.toString()) + "@[1-9]\\d*");
      assertThat(p.reason()).contains("not a number").contains("skipping to the next record");
    });
  }

  @Test
  void resynchronisesOnTheNextGzipMemberAfterABadRecord() {
    ReadResult r = ReadResult.read(copy("warc/bad-record.warc.gz", tmp));
    assertThat(r.ids()).containsExactly("http://example.org/one", "http://example.org/two");
    assertThat(r.problems()).singleElement()
        .satisfies(p -> assertThat(p.cause()).isEqualTo(Cause.BAD_WARC_RECORD));
  }

  @Test
  void keepsRecordsBeforeATruncatedEnd() {
    Path warc = copy("warc/truncated.warc", tmp);
    ReadResult r = ReadResult.read(warc);
    assertThat(r.ids()).containsExactly("http://example.org/one");
    assertThat(r.problems()).singleElement().satisfies(p -> {
      assertThat(p.cause()).isEqualTo(Cause.BAD_WARC_RECORD);
      assertThat(p.location()).startsWith(warc + "@");
    });
  }

  @Test
  void skipsPageOverTheSizeLimitAndReadsTheNextOne() {
    ReadResult r = ReadResult.read(120, copy("warc/crawl.warc", tmp)); // pages of 112 and 129 bytes
    assertThat(r.ids()).containsExactly("http://example.org/one");
    assertThat(r.problems()).singleElement().satisfies(p -> {
      assertThat(p.cause()).isEqualTo(Cause.TOO_LARGE);
      assertThat(p.reason()).contains("the page");
    });
  }

  @Test
  void sameUriCapturedTwiceIsADuplicate() {
    Path a = copy("warc/crawl.warc", tmp);
    Path b = copy("warc/crawl.warc.gz", tmp);
    ReadResult r = ReadResult.read(a, b);
    assertThat(r.ids()).hasSize(2);
    assertThat(r.problems()).hasSize(2).allSatisfy(p -> {
      assertThat(p.cause()).isEqualTo(Cause.DUPLICATE_ID);
      assertThat(p.location()).startsWith(b + "@");
      assertThat(p.reason()).contains(a + "@");
    });
  }

  @Test
  void decodesChunkedAndGzipEncodedPayloadsAndPassesOverRevisits() {
    ReadResult r = ReadResult.read(copy("warc/encodings.warc", tmp));
    assertThat(r.ids()).containsExactly("http://example.org/chunked", "http://example.org/gzipped");
    assertThat(r.problems()).isEmpty();
    assertThat(r.doc("http://example.org/chunked").content())
        .isEqualTo("<html><head><title>Chunked</title></head><body><p>Sent in chunks of forty bytes.</p></body></html>");
    assertThat(r.doc("http://example.org/gzipped").content()).contains("Sent with gzip content-encoding.");
  }

  @Test
  void recordWithATooLongContentLengthIsNamedAndTheRecordItSwallowedIsStillRead() {
    Path warc = copy("warc/overlong-record.warc", tmp);
    ReadResult r = ReadResult.read(warc);
    assertThat(r.ids()).containsExactly("http://example.org/one", "http://example.org/two");
    assertThat(r.problems()).singleElement().satisfies(p -> {
      assertThat(p.cause()).isEqualTo(Cause.BAD_WARC_RECORD);
      assertThat(p.location()).matches(java.util.regex.Pattern.quote(warc.toString()) + "@[1-9]\\d*");
      assertThat(p.reason()).contains("ends before its Content-Length").doesNotContain("gzip");
    });
  }
}
